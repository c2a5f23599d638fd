/**
 * Parsed argument files kept between requests, keyed by path and checked against the file's
 * modification time and size, so opening a big map again does not read and validate it again.
 * Bounded: at most MAX_ENTRIES files and MAX_BYTES of their text, the least recently used going
 * first. Shared through globalThis by every server bundle that loads this module.
 */

/** What identifies one version of a file on disk. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
  ino: number;
}

const MAX_ENTRIES = 16;
const MAX_BYTES = 96 * 1024 * 1024;

interface Entry<T> {
  stamp: FileStamp;
  bytes: number;
  value: T;
}

const KEY = Symbol.for("clashmap.storage.parsed-maps");
const registry = globalThis as { [KEY]?: Map<string, Entry<unknown>> };
registry[KEY] ??= new Map();
const entries = registry[KEY];

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino;
}

/** The value kept for `filePath` at exactly this stamp, or undefined. */
export function cachedParse<T>(filePath: string, stamp: FileStamp): T | undefined {
  const entry = entries.get(filePath);
  if (!entry) return undefined;
  if (!sameStamp(entry.stamp, stamp)) {
    entries.delete(filePath);
    return undefined;
  }
  // Most recently used last.
  entries.delete(filePath);
  entries.set(filePath, entry);
  return entry.value as T;
}

/** Keeps `value` for `filePath` at `stamp` (`bytes`: the size of the text it was read from). */
export function rememberParse<T>(filePath: string, stamp: FileStamp, bytes: number, value: T): void {
  entries.delete(filePath);
  if (bytes > MAX_BYTES) return;
  entries.set(filePath, { stamp, bytes, value });
  let total = 0;
  for (const entry of entries.values()) total += entry.bytes;
  for (const [key, entry] of entries) {
    if (entries.size <= MAX_ENTRIES && total <= MAX_BYTES) break;
    entries.delete(key);
    total -= entry.bytes;
  }
}

/** Forgets every kept file (tests). */
export function clearParseCache(): void {
  entries.clear();
}
