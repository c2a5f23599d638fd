import { randomBytes } from "node:crypto";
import * as fsp from "node:fs/promises";
import path from "node:path";
import { mapToNormalized } from "../formats/normalized-json";
import { isSlug } from "../model/ids";
import type { ArgumentMap } from "../model/schema";
import { ARGUMENT_EXTENSIONS, argumentsDir, loadStoredMap, revisionOf, type StoredMap } from "./maps";

/**
 * The recent revisions of each map, kept so that a save built on an older revision can be merged
 * three ways against the text it started from. Every revision the server reads or writes goes in
 * `<arguments>/.clashmap/history/<slug>/<revision><extension>` (a dot folder: the library, slugs
 * and the command line ignore it). Bounded per map by count and bytes, oldest use dropped first.
 * Best effort: a history that cannot be written never fails a read or a save.
 */
export const HISTORY_DIR = path.join(".clashmap", "history");

/** At most this many revisions per map… */
export const HISTORY_KEPT = 100;
/** …and at most this many bytes, though the newest two always stay. */
export const HISTORY_BYTES = 64 * 1024 * 1024;

/** How much history one map keeps. */
export interface HistoryLimits {
  count: number;
  bytes: number;
}
const ALWAYS_KEPT = 2;

const REVISION = /^[0-9a-f]{32}$/;
const ENTRY = /^([0-9a-f]{32})(\.yaml|\.yml|\.json)$/;
const TEMP_MAX_AGE_MS = 10 * 60 * 1000;

function mapHistoryDir(dir: string, slug: string): string | undefined {
  if (!isSlug(slug)) return undefined;
  return path.join(/*turbopackIgnore: true*/ path.resolve(dir), HISTORY_DIR, slug);
}

function extensionOf(file: string): string | undefined {
  const lower = file.toLowerCase();
  return ARGUMENT_EXTENSIONS.find((ext) => lower.endsWith(ext));
}

/**
 * Keeps one revision of a map: `text` as read from or written to `file` (its extension tells how
 * to read it again). Returns the revision, or undefined when it could not be kept.
 */
export async function keepRevision(
  slug: string,
  file: string,
  text: string,
  dir = argumentsDir(),
  limits: HistoryLimits = { count: HISTORY_KEPT, bytes: HISTORY_BYTES },
): Promise<string | undefined> {
  const folder = mapHistoryDir(dir, slug);
  const ext = extensionOf(file);
  if (!folder || !ext) return undefined;
  const revision = revisionOf(text);
  const target = path.join(folder, `${revision}${ext}`);
  try {
    const now = new Date();
    const touched = await fsp.utimes(target, now, now).then(
      () => true,
      () => false,
    );
    if (!touched) {
      await fsp.mkdir(folder, { recursive: true });
      const temp = path.join(folder, `.${revision}.${randomBytes(6).toString("hex")}.tmp`);
      await fsp.writeFile(temp, text, { encoding: "utf8", flag: "wx" });
      await fsp.rename(temp, target).catch(async (error) => {
        await fsp.unlink(temp).catch(() => undefined);
        throw error;
      });
      // Only a new revision can take the history past its limits.
      await prune(folder, limits);
    }
    return revision;
  } catch {
    return undefined;
  }
}

/**
 * Keeps a map as its sender holds it (after a merged save, the sender's copy is in no file): as
 * normalized JSON, under the revision of that text, which the sender can build its next save on.
 */
export async function keepSentMap(
  slug: string,
  map: ArgumentMap,
  dir = argumentsDir(),
): Promise<string | undefined> {
  const text = `${JSON.stringify(mapToNormalized({ ...map, slug: undefined }), null, 2)}\n`;
  return keepRevision(slug, `${slug}.json`, text, dir);
}

/**
 * The text of an older revision of a map and the file name to read it as, or undefined when it is
 * not (or no longer) kept. Looking a revision up counts as using it: it is dropped last.
 */
export async function revisionText(
  slug: string,
  revision: string,
  dir = argumentsDir(),
): Promise<{ text: string; file: string } | undefined> {
  const folder = mapHistoryDir(dir, slug);
  if (!folder || !REVISION.test(revision)) return undefined;
  for (const ext of ARGUMENT_EXTENSIONS) {
    const target = path.join(folder, `${revision}${ext}`);
    const text = await fsp.readFile(target, "utf8").catch(() => undefined);
    // A kept text that no longer hashes to its name was damaged: not a base to merge on.
    if (text === undefined || revisionOf(text) !== revision) continue;
    const now = new Date();
    await fsp.utimes(target, now, now).catch(() => undefined);
    return { text, file: `${slug}${ext}` };
  }
  return undefined;
}

/** Drops the least recently used revisions beyond the count and byte limits, and stale temporary files. */
async function prune(folder: string, limits: HistoryLimits): Promise<void> {
  const names = await fsp.readdir(folder).catch(() => [] as string[]);
  const now = Date.now();
  const entries: { name: string; used: number; size: number }[] = [];
  for (const name of names) {
    const info = await fsp.stat(path.join(folder, name)).catch(() => undefined);
    if (!info?.isFile()) continue;
    if (ENTRY.test(name)) entries.push({ name, used: info.mtimeMs, size: info.size });
    else if (name.endsWith(".tmp") && now - info.mtimeMs > TEMP_MAX_AGE_MS) {
      await fsp.unlink(path.join(folder, name)).catch(() => undefined);
    }
  }
  if (entries.length <= ALWAYS_KEPT) return;
  entries.sort((a, b) => b.used - a.used || (a.name < b.name ? -1 : 1));
  let bytes = 0;
  for (const [i, entry] of entries.entries()) {
    bytes += entry.size;
    if (i < ALWAYS_KEPT || (i < limits.count && bytes <= limits.bytes)) continue;
    await fsp.unlink(path.join(folder, entry.name)).catch(() => undefined);
  }
}

/**
 * Loads a map by slug, as `loadStoredMap` does, and keeps the revision read: a client that saves
 * on top of it later can be merged with what others saved meanwhile. A server that takes no
 * writes (`keep: false`) keeps nothing, so it never writes into the folder.
 */
export async function loadStoredMapKept(
  slug: string,
  options: { keep?: boolean; dir?: string } = {},
): Promise<StoredMap | undefined> {
  const dir = options.dir ?? argumentsDir();
  const stored = await loadStoredMap(slug, dir);
  if (stored?.ok && options.keep !== false)
    await keepRevision(stored.slug, stored.file, stored.source.text, dir);
  return stored;
}
