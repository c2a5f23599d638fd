import * as fsp from "node:fs/promises";
import path from "node:path";
import { parseArgumentSource } from "../formats/argument-file";
import { isSlug, uniqueId } from "../model/ids";
import { argumentsDir, findMapFile } from "./maps";
import { forgetRedirect, recordRename } from "./redirects";
import { InvalidMapError, insideDir, MapNotFoundError, requestProblem, withFileLock } from "./write";

/** The folder, inside the arguments folder, that deleted maps move to (a dot folder: the library ignores it). */
export const TRASH_DIR = ".trash";

/** A file in the trash: `<slug>.<milliseconds since 1970>.<extension>`. */
const TRASH_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(\d{1,15})(\.yaml|\.yml|\.json)$/;

/** The slug asked for already belongs to a file in the arguments folder; nothing was moved. */
export class SlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`a map named "${slug}" already exists`);
    this.name = "SlugTakenError";
  }
}

/** No file of that name is in the trash. */
export class TrashEntryNotFoundError extends Error {
  constructor(readonly name: string) {
    super(`nothing named "${name}" in the trash`);
    this.name = "TrashEntryNotFoundError";
  }
}

/** One deleted map, as the library's "Recently deleted" lists it. */
export interface TrashEntry {
  /** The file's name in the trash, which restoring names. */
  name: string;
  slug: string;
  /** When it was deleted, in milliseconds since 1970. */
  deletedAt: number;
  /** The map's title, when the file still reads as a map. */
  title?: string;
}

/** Slugs in use in a folder: every file's name before its first dot, whatever its extension. */
async function takenSlugs(dir: string): Promise<Set<string>> {
  const names = await fsp.readdir(/*turbopackIgnore: true*/ dir).catch(() => [] as string[]);
  return new Set(names.filter((n) => !n.startsWith(".")).map((n) => n.split(".")[0].toLowerCase()));
}

/**
 * Moves a file to a name that must not exist yet, atomically: a second name is linked first (which
 * fails rather than overwrite), then the old one removed. Where the file system has no links, a
 * rename checked just before stands in.
 */
async function moveExclusive(from: string, to: string): Promise<void> {
  try {
    await fsp.link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw error;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw error;
    const exists = await fsp.lstat(to).then(
      () => true,
      () => false,
    );
    if (exists) throw Object.assign(new Error(`${to} exists`), { code: "EEXIST" });
    await fsp.rename(from, to);
    return;
  }
  await fsp.unlink(from);
}

function slugProblem(slug: string): InvalidMapError | undefined {
  if (isSlug(slug)) return undefined;
  return new InvalidMapError(
    [
      requestProblem(
        "name",
        "slug",
        "a map's address uses a-z, 0-9 and single '-' between them (at most 80)",
      ),
    ],
    `"${slug.slice(0, 80)}" cannot be a map's address`,
  );
}

/**
 * Renames a map: its file takes the new slug (same extension) without ever overwriting another,
 * and the old slug is recorded so that links to it lead to the new one.
 */
export async function renameMap(
  slug: string,
  to: string,
  options: { dir?: string } = {},
): Promise<{ slug: string; file: string }> {
  const dir = options.dir ?? argumentsDir();
  const invalid = slugProblem(to);
  if (invalid) throw invalid;
  const found = await findMapFile(slug, dir);
  if (!found) throw new MapNotFoundError(slug);
  const from = insideDir(dir, path.basename(found));
  const file = `${to}${path.extname(from)}`;
  if (to === slug) return { slug, file: path.basename(from) };
  if ((await takenSlugs(dir)).has(to)) throw new SlugTakenError(to);
  const target = insideDir(dir, file);
  await withFileLock(from, async () => {
    try {
      await moveExclusive(from, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new SlugTakenError(to);
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new MapNotFoundError(slug);
      throw error;
    }
  });
  await recordRename(slug, to, dir);
  return { slug: to, file };
}

/** Moves a map's file into the trash folder, from where it can be restored; returns its name there. */
export async function deleteMap(
  slug: string,
  options: { dir?: string; now?: number } = {},
): Promise<TrashEntry> {
  const dir = options.dir ?? argumentsDir();
  const found = await findMapFile(slug, dir);
  if (!found) throw new MapNotFoundError(slug);
  const from = insideDir(dir, path.basename(found));
  const trash = insideDir(dir, TRASH_DIR);
  await fsp.mkdir(trash, { recursive: true });
  const text = await fsp.readFile(/*turbopackIgnore: true*/ from, "utf8").catch(() => "");
  const title = titleOf(text, path.basename(from));
  return withFileLock(from, async () => {
    for (let stamp = options.now ?? Date.now(); ; stamp++) {
      const name = `${slug}.${stamp}${path.extname(from)}`;
      try {
        await moveExclusive(from, insideDir(trash, name));
        return { name, slug, deletedAt: stamp, ...(title ? { title } : {}) };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") throw new MapNotFoundError(slug);
        if (code !== "EEXIST") throw error;
      }
    }
  });
}

/** The deleted maps of a folder, newest first. */
export async function listTrash(options: { dir?: string } = {}): Promise<TrashEntry[]> {
  const trash = path.join(/*turbopackIgnore: true*/ options.dir ?? argumentsDir(), TRASH_DIR);
  const names = await fsp.readdir(/*turbopackIgnore: true*/ trash).catch(() => [] as string[]);
  const entries = await Promise.all(
    names.map(async (name): Promise<TrashEntry | undefined> => {
      const match = TRASH_NAME.exec(name);
      if (!match) return undefined;
      const text = await fsp
        .readFile(/*turbopackIgnore: true*/ path.join(trash, name), "utf8")
        .catch(() => "");
      const title = titleOf(text, `${match[1]}${match[3]}`);
      return { name, slug: match[1], deletedAt: Number(match[2]), ...(title ? { title } : {}) };
    }),
  );
  return entries
    .filter((e): e is TrashEntry => e !== undefined)
    .sort((a, b) => b.deletedAt - a.deletedAt || a.name.localeCompare(b.name));
}

/**
 * Puts a deleted map back under its slug, or under `<slug>-2`… when a map took the slug meanwhile.
 */
export async function restoreMap(
  name: string,
  options: { dir?: string } = {},
): Promise<{ slug: string; file: string }> {
  const dir = options.dir ?? argumentsDir();
  const match = TRASH_NAME.exec(name);
  if (!match) throw new TrashEntryNotFoundError(name.slice(0, 120));
  const from = insideDir(insideDir(dir, TRASH_DIR), name);
  for (const taken = await takenSlugs(dir); ; ) {
    const slug = uniqueId(match[1], taken);
    const file = `${slug}${match[3]}`;
    try {
      await moveExclusive(from, insideDir(dir, file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new TrashEntryNotFoundError(name);
      if (code !== "EEXIST") throw error;
      taken.add(slug);
      continue;
    }
    await forgetRedirect(slug, dir);
    return { slug, file };
  }
}

/** The title of a map file's text, when it reads as one. */
function titleOf(text: string, file: string): string | undefined {
  if (!text) return undefined;
  const parsed = parseArgumentSource(text, file);
  return parsed.ok ? parsed.value.map.title : undefined;
}
