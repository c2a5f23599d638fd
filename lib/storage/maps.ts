import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { type ParsedSource, parseArgumentSource } from "../formats/argument-file";
import { isSlug } from "../model/ids";
import type { Failure, Problem } from "../model/problems";
import type { ArgumentMap } from "../model/schema";
import { cachedParse, type FileStamp, rememberParse } from "./map-cache";

/** File endings read as argument files, in order of preference when two share a slug. */
export const ARGUMENT_EXTENSIONS = [".yaml", ".yml", ".json"] as const;

/** The folder of argument files: `ARGUMENTS_DIR`, or `./arguments` under the working directory. */
export function argumentsDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.ARGUMENTS_DIR || "arguments");
}

/** The revision of a file's content: a hash of its bytes, carried by every load and checked by every save. */
export function revisionOf(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 32);
}

/** Counts shown in the library. */
export interface MapCounts {
  claims: number;
  relations: number;
  cards: number;
}

/** Which file a stored map comes from. */
interface StoredFile {
  slug: string;
  file: string;
  filePath: string;
}

/** One argument file read from the folder: the map, or the file's problems (the common `Failure`). */
export type StoredMap =
  | (StoredFile & {
      ok: true;
      revision: string;
      map: ArgumentMap;
      source: ParsedSource;
      counts: MapCounts;
      warnings?: Problem[];
    })
  | (StoredFile & Failure);

/** Counts of claims, relations and cards in a map. */
export function countsOf(map: ArgumentMap): MapCounts {
  return { claims: map.claims.length, relations: map.relations.length, cards: map.evidence.length };
}

function extensionRank(fileName: string): number {
  return ARGUMENT_EXTENSIONS.findIndex((e) => fileName.toLowerCase().endsWith(e));
}

function slugOf(fileName: string): string | undefined {
  const ext = ARGUMENT_EXTENSIONS.find((e) => fileName.toLowerCase().endsWith(e));
  return ext ? fileName.slice(0, -ext.length) : undefined;
}

/**
 * Reads and validates one argument file; problems name it by its file name. Never throws, so
 * one file the parser gives up on cannot take the library or the other maps with it.
 */
export async function readStoredMap(filePath: string): Promise<StoredMap> {
  const file = path.basename(filePath);
  const slug = slugOf(file) ?? file;
  try {
    return await readChecked(filePath, file, slug);
  } catch (error) {
    return unreadable(slug, file, filePath, error);
  }
}

function unreadable(slug: string, file: string, filePath: string, error: unknown): StoredMap {
  // A system error's code, not its message: that would show the server's folders to every visitor.
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  const message = errno
    ? `the file could not be read (${errno})`
    : `the file could not be read: ${error instanceof Error ? error.message : String(error)}`;
  return {
    ok: false,
    slug,
    file,
    filePath,
    problems: [{ code: "unreadable", file, line: 1, col: 1, path: "", message }],
  };
}

async function readChecked(filePath: string, file: string, slug: string): Promise<StoredMap> {
  // A file read before and not changed since (same modification time, size and inode) is not read again.
  const stamp = await stampOf(filePath);
  const kept = stamp && cachedParse<StoredMap>(filePath, stamp);
  if (kept && kept.slug === slug && kept.file === file) return kept;
  let text: string;
  try {
    text = await readFile(filePath, "utf8");
  } catch (error) {
    return unreadable(slug, file, filePath, error);
  }
  const stored = parseStored(text, filePath, file, slug);
  const after = await stampOf(filePath);
  // As git does with racily clean files: a file changed within the clock's granularity of now could
  // change again without its time moving, so only files that have been still for a while are kept.
  const settled = stamp !== undefined && Date.now() - stamp.mtimeMs > SETTLED_MS;
  if (
    settled &&
    after &&
    after.mtimeMs === stamp.mtimeMs &&
    after.size === stamp.size &&
    after.ino === stamp.ino
  )
    rememberParse(filePath, stamp, text.length, stored);
  return stored;
}

/** How long a file must have been unchanged before its parse is kept. */
const SETTLED_MS = 2000;

async function stampOf(filePath: string): Promise<FileStamp | undefined> {
  try {
    const s = await stat(filePath);
    return { mtimeMs: s.mtimeMs, size: s.size, ino: s.ino };
  } catch {
    return undefined;
  }
}

function parseStored(text: string, filePath: string, file: string, slug: string): StoredMap {
  const nameProblem = fileNameProblem(file);
  if (nameProblem) return { ok: false, slug, file, filePath, problems: [nameProblem] };
  const parsed = parseArgumentSource(text, file, { slug });
  if (!parsed.ok) return { ok: false, slug, file, filePath, problems: parsed.problems };
  const map = parsed.value.map;
  return {
    ok: true,
    slug,
    file,
    filePath,
    revision: revisionOf(text),
    map,
    source: parsed.value,
    counts: countsOf(map),
  };
}

/** Every argument file in the folder, valid or not, sorted by slug. A missing folder lists nothing. */
export async function listStoredMaps(dir = argumentsDir()): Promise<StoredMap[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const entries = await Promise.all(
    mapFilesIn(names).map(async ({ chosen, ignored }) => {
      const entry = await readStoredMap(path.join(dir, chosen));
      if (ignored.length === 0) return entry;
      const problem = duplicateProblem(entry.slug, chosen, ignored);
      return entry.ok
        ? { ...entry, warnings: [problem] }
        : { ...entry, problems: [...entry.problems, problem] };
    }),
  );
  return entries.sort((a, b) => a.slug.localeCompare(b.slug));
}

/**
 * Whether a name in the arguments folder is an argument file the library reads. Hidden entries
 * (the `.clashmap/` history and redirects, `.trash/`, temporary `.…tmp` files) never are, so a
 * watcher of the folder can skip them.
 */
export function isMapFileName(name: string): boolean {
  return !name.startsWith(".") && slugOf(name) !== undefined;
}

/** The argument files among a folder's names, one per slug (YAML before JSON), and the ones ignored. */
export function mapFilesIn(names: readonly string[]): { slug: string; chosen: string; ignored: string[] }[] {
  const bySlug = new Map<string, string[]>();
  for (const name of names) {
    const slug = slugOf(name);
    if (slug === undefined || name.startsWith(".")) continue;
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), name]);
  }
  return [...bySlug].map(([slug, group]) => {
    const [chosen, ...ignored] = [...group].sort((a, b) => extensionRank(a) - extensionRank(b));
    return { slug, chosen, ignored };
  });
}

/** The problem of a slug with more than one file: which one the app uses. */
export function duplicateProblem(slug: string, chosen: string, ignored: string[]): Problem {
  return {
    code: "duplicate",
    file: ignored[0],
    line: 1,
    col: 1,
    path: "",
    message: `two files for the map "${slug}": ${chosen} is used and ${ignored.join(", ")} is ignored`,
  };
}

/** The problem of a file whose name cannot be a map's address, or undefined when it can. */
export function fileNameProblem(file: string): Problem | undefined {
  const slug = slugOf(file) ?? file;
  if (isSlug(slug)) return undefined;
  return {
    code: "name",
    file,
    line: 1,
    col: 1,
    path: "",
    message: `"${slug}" is not a valid map name: use a-z, 0-9 and '-'`,
  };
}

/** The file that holds `slug`, or undefined when the slug is invalid or has no file. */
export async function findMapFile(slug: string, dir = argumentsDir()): Promise<string | undefined> {
  if (!isSlug(slug)) return undefined;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return undefined;
  }
  for (const ext of ARGUMENT_EXTENSIONS) {
    const name = `${slug}${ext}`;
    if (names.includes(name)) return path.join(/*turbopackIgnore: true*/ dir, name);
  }
  return undefined;
}

/** Loads one map by slug: undefined when there is no such map, otherwise the map or its problems. */
export async function loadStoredMap(slug: string, dir = argumentsDir()): Promise<StoredMap | undefined> {
  const filePath = await findMapFile(slug, dir);
  return filePath ? readStoredMap(filePath) : undefined;
}
