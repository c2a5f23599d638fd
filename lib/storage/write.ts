import { randomBytes } from "node:crypto";
import * as fsp from "node:fs/promises";
import path from "node:path";
import { type ParsedSource, parseArgumentSource, serializeArgumentSource } from "../formats/argument-file";
import { patchEntries } from "../formats/entry-patch";
import { mapToNormalized } from "../formats/normalized-json";
import { describeIssue, issueCode, REPORT_INPUT } from "../model/issues";
import { type MapCollision, merge3 } from "../model/map-merge";
import { formatPath, type Problem, type ProblemCode, type Result } from "../model/problems";
import { type ArgumentMap, argumentMapSchema } from "../model/schema";
import { checkMap, type Locus } from "../model/validate";
import { keepRevision, keepSentMap } from "./history";
import { argumentsDir, findMapFile, revisionOf } from "./maps";
import { keptBase } from "./merge-save";

/** The `file` of a problem in data sent to the API rather than read from a file. */
export const REQUEST_BODY = "request body";

/** A problem of data sent to the API, at a path of its JSON (`relations[3].to`); it has no line. */
export function requestProblem(code: ProblemCode, path: string, message: string): Problem {
  return { code, file: REQUEST_BODY, path, message };
}

/** No map has this slug. */
export class MapNotFoundError extends Error {
  constructor(readonly slug: string) {
    super(`no map "${slug}"`);
    this.name = "MapNotFoundError";
  }
}

/** The file changed since the revision the save started from; nothing was written. */
export class RevisionConflictError extends Error {
  constructor(readonly currentRevision: string) {
    super("the map changed since it was loaded");
    this.name = "RevisionConflictError";
  }
}

/** A save built on an older revision changes what the file changed since, in another way; nothing was written. */
export class MergeCollisionError extends Error {
  constructor(
    readonly currentRevision: string,
    readonly collisions: MapCollision[],
  ) {
    super("the map changed since it was loaded, and the change collides with it");
    this.name = "MergeCollisionError";
  }
}

/** The map sent for saving, or the file it would replace, is not valid; nothing was written. */
export class InvalidMapError extends Error {
  constructor(
    readonly problems: Problem[],
    message = "the map is not valid",
  ) {
    super(message);
    this.name = "InvalidMapError";
  }
}

/** The file operations a write uses; tests replace some to simulate a crash or a full disk. */
export interface FileOps {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
}

const DEFAULT_OPS: FileOps = { open: fsp.open, rename: fsp.rename, unlink: fsp.unlink };

/** Where maps live and how files are written; both default to the real ones. */
export interface WriteOptions {
  dir?: string;
  fs?: Partial<FileOps>;
  /**
   * A save built on an older revision that the history still keeps is merged three ways with
   * what the file holds now, instead of being refused (see `saveMap`).
   */
  merge?: boolean;
}

/** What a save gives: the file's revision, and for a merged save the revision of the sender's copy. */
export interface SaveResult {
  revision: string;
  /** The save was merged with changes made since the revision it was built on. */
  merged?: true;
  /**
   * The revision that stands for the map as it was sent (kept in the history): a sender that
   * keeps editing its own copy builds its next save on it, so that the next merge keeps what the
   * others changed.
   */
  ownRevision?: string;
}

// Kept on globalThis so that every server bundle that loads this module shares one queue per file.
/** The parsed file each recent save left behind, by path: the next save from it skips re-reading it. */
const SOURCES_KEY = Symbol.for("clashmap.storage.saved-sources");
const SOURCES_KEPT = 8;
const sourceRegistry = globalThis as {
  [SOURCES_KEY]?: Map<string, { revision: string; source: ParsedSource }>;
};
sourceRegistry[SOURCES_KEY] ??= new Map();
const savedSources = sourceRegistry[SOURCES_KEY];

function rememberSource(filePath: string, revision: string, source: ParsedSource): void {
  savedSources.delete(filePath);
  savedSources.set(filePath, { revision, source });
  while (savedSources.size > SOURCES_KEPT) savedSources.delete(savedSources.keys().next().value as string);
}

const QUEUES_KEY = Symbol.for("clashmap.storage.write-queues");
const registry = globalThis as { [QUEUES_KEY]?: Map<string, Promise<void>> };
registry[QUEUES_KEY] ??= new Map();
const queues = registry[QUEUES_KEY];

/** Runs `task` once every earlier task on the same file has finished: one write at a time per file. */
export async function withFileLock<T>(filePath: string, task: () => Promise<T>): Promise<T> {
  const key = path.resolve(filePath);
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, tail);
  try {
    return await run;
  } finally {
    if (queues.get(key) === tail) queues.delete(key);
  }
}

/** The absolute path of `name` inside `dir`; throws when it would land anywhere else. */
export function insideDir(dir: string, name: string): string {
  const root = path.resolve(dir);
  const target = path.resolve(root, name);
  if (path.dirname(target) !== root) throw new Error(`"${name}" is not a file of ${root}`);
  return target;
}

/**
 * Writes `text` to `filePath` atomically: a temporary file in the same folder, flushed to disk,
 * then renamed over the target, so a crash leaves either the old file or the new one, never half.
 */
export async function writeFileAtomic(
  target: string,
  text: string,
  ops: Partial<FileOps> = {},
): Promise<void> {
  const fs = { ...DEFAULT_OPS, ...ops };
  // A map kept as a symbolic link is written where the link points; the link itself stays.
  const filePath = await fsp.realpath(target).catch(() => target);
  const dir = path.dirname(filePath);
  const temp = path.join(dir, `.${path.basename(filePath)}.${randomBytes(6).toString("hex")}.tmp`);
  const mode = await fsp.stat(filePath).then(
    (s) => s.mode & 0o777,
    () => 0o644,
  );
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fs.open(temp, "wx", mode);
    await handle.writeFile(text, "utf8");
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, filePath);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDir(dir);
}

/** Flushes the folder entry after a rename where the platform allows it (not on Windows). */
async function syncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, "r");
    await handle.sync();
  } catch {
    // Some platforms and file systems cannot open or flush a folder; the rename already happened.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Checks a map sent for saving the way the command line checks a file: when it is not valid,
 * shape, value and reference problems are reported together, at paths of its normalized JSON.
 */
export function validateIncomingMap(input: unknown): Result<ArgumentMap> {
  const parsed = argumentMapSchema.safeParse(input, REPORT_INPUT);
  if (parsed.success) {
    const issues = checkMap(parsed.data);
    if (issues.length === 0) return { ok: true, value: parsed.data };
    return {
      ok: false,
      problems: issues.map((i) => requestProblem(i.code, locusPath(i.locus), i.message)),
    };
  }
  const record = input as { claims?: unknown } | null;
  if (record && typeof record === "object" && Array.isArray(record.claims)) {
    // The file parser keeps what is valid of each bad element, so every other problem shows too;
    // its paths of normalized JSON are the request's, its lines those of a re-serialization (dropped).
    const checked = parseArgumentSource(JSON.stringify(input, null, 2), "request.json");
    if (!checked.ok)
      return {
        ok: false,
        problems: checked.problems.map((p) => requestProblem(p.code, p.path, p.message)),
      };
  }
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) =>
      requestProblem(
        issueCode(issue),
        formatPath(issue.path.filter((p): p is string | number => typeof p !== "symbol")),
        describeIssue(issue),
      ),
    ),
  };
}

/** The normalized-JSON path of a reference problem. */
export function locusPath(locus: Locus): string {
  switch (locus.kind) {
    case "map":
      return locus.field ?? "";
    case "thesis":
      return `theses[${locus.index}]`;
    case "presentation":
      return `presentation[${locus.index}]`;
    case "claim":
    case "relation":
    case "card": {
      const list = locus.kind === "claim" ? "claims" : locus.kind === "relation" ? "relations" : "evidence";
      const base = `${list}[${locus.index}]`;
      if (!locus.field) return base;
      const item = locus.item !== undefined && locus.field !== "id" ? `[${locus.item}]` : "";
      return `${base}.${locus.field}${item}`;
    }
  }
}

/**
 * Saves a map over its file if the file still has `expectedRevision` (or one of a list, as
 * If-Match allows) or, with `merge`, an older revision the history keeps: then the map is merged
 * three ways against that revision's text with what the file holds now (MergeCollisionError when
 * the same field changed two ways). Validates the map, writes it
 * into the existing document (comments, key order and untouched formatting stay), checks that
 * the written text reads back as the same map, and replaces the file atomically.
 */
export async function saveMap(
  slug: string,
  input: unknown,
  expectedRevision: string | readonly string[],
  options: WriteOptions = {},
): Promise<SaveResult> {
  const dir = options.dir ?? argumentsDir();
  const found = await findMapFile(slug, dir);
  if (!found) throw new MapNotFoundError(slug);
  const filePath = insideDir(dir, path.basename(found));
  const file = path.basename(filePath);

  return withFileLock(filePath, async () => {
    let text: string;
    try {
      text = await fsp.readFile(/*turbopackIgnore: true*/ filePath, "utf8");
    } catch {
      throw new MapNotFoundError(slug);
    }
    const currentRevision = revisionOf(text);
    const expected = typeof expectedRevision === "string" ? [expectedRevision] : expectedRevision;
    const stale = !expected.includes(currentRevision);
    const base = stale && options.merge ? await keptBase(slug, dir, expected) : undefined;
    if (stale && !base) throw new RevisionConflictError(currentRevision);

    const incoming = validateIncomingMap(input);
    if (!incoming.ok) throw new InvalidMapError(incoming.problems);
    const sent: ArgumentMap = { ...incoming.value, slug };
    let map = sent;

    const saved = savedSources.get(filePath);
    const current =
      saved?.revision === currentRevision && saved.source.text === text
        ? ({ ok: true, value: saved.source } as const)
        : parseArgumentSource(text, file, { slug });
    if (!current.ok) {
      throw new InvalidMapError(current.problems, `${file} has problems; fix the file first`);
    }
    if (base) {
      const merged = merge3(base.map, current.value.map, sent);
      if (!merged.ok) throw new MergeCollisionError(currentRevision, merged.collisions);
      map = { ...merged.map, slug };
    }
    const mergedInfo = async (): Promise<Omit<SaveResult, "revision">> => {
      if (!base) return {};
      const own = await keepSentMap(slug, sent, dir);
      return own ? { merged: true, ownRevision: own } : { merged: true };
    };
    // A few entries of a plain YAML file changed: written and checked on their own (see patchEntries).
    const patched = patchQuietly(current.value, map);
    let output: string;
    let written: ParsedSource;
    if (patched) {
      output = patched.text;
      written = patched.source;
    } else {
      // The parsed file is used up by the merge (its document is edited in place): forget it.
      savedSources.delete(filePath);
      output = writeBack(current.value, map, file);
      const check = parseArgumentSource(output, file, { slug });
      if (!check.ok) throw new InvalidMapError(check.problems);
      const difference = firstDifference(comparable(map), comparable(check.value.map));
      if (difference !== undefined) {
        throw new InvalidMapError([
          {
            code: "roundtrip",
            file,
            path: difference,
            message: "this value would read back differently from the file; nothing was saved",
          },
        ]);
      }
      written = check.value;
    }
    if (output === text) {
      await keepRevision(slug, file, text, dir);
      return { revision: currentRevision, ...(await mergedInfo()) };
    }
    await writeFileAtomic(filePath, output, options.fs);
    const revision = revisionOf(output);
    rememberSource(filePath, revision, written);
    // Both the revision replaced (a client may still build on it) and the new one are kept.
    await keepRevision(slug, file, text, dir);
    await keepRevision(slug, file, output, dir);
    return { revision, ...(await mergedInfo()) };
  });
}

/** The entry-by-entry save, or undefined (the whole-file save follows) when it is beyond it or fails. */
function patchQuietly(source: ParsedSource, map: ArgumentMap): ReturnType<typeof patchEntries> {
  try {
    return patchEntries(source, map);
  } catch {
    return undefined;
  }
}

/** The file's new text; a writer that gives up refuses the save rather than failing the request. */
function writeBack(source: ParsedSource, map: ArgumentMap, file: string): string {
  try {
    return serializeArgumentSource(source, map, { consume: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidMapError([
      {
        code: "roundtrip",
        file,
        path: "",
        message: `the edit could not be written into the file (${reason}); nothing was saved`,
      },
    ]);
  }
}

/**
 * The map as plain JSON without slug and empty lists, which the file leaves out. Relations are
 * sorted by id: a file lists them under their source claim, supports and attacks apart, so their
 * order across claims is not something it can keep.
 */
function comparable(map: ArgumentMap): unknown {
  const relations = [...map.relations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.parse(
    JSON.stringify(mapToNormalized({ ...map, relations, slug: undefined }), (_key, value) =>
      Array.isArray(value) && value.length === 0 ? undefined : value,
    ),
  );
}

/** Path of the first place two JSON values differ, or undefined when they are equal. */
function firstDifference(a: unknown, b: unknown, at: (string | number)[] = []): string | undefined {
  if (a === b) return undefined;
  if (
    typeof a !== "object" ||
    typeof b !== "object" ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return formatPath(at);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], [...at, i]);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const d = firstDifference(left[key], right[key], [...at, key]);
    if (d !== undefined) return d;
  }
  return undefined;
}
