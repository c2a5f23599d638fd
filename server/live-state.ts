// The shared map's Yjs state, kept beside the argument file for the revision it was written with.
// A map loaded again (after the server restarts, or after the last page left) continues from
// the same Yjs items the open pages hold, so a page that comes back with edits made meanwhile
// merges them field by field instead of competing, claim by claim, with a fresh copy of the file.
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import * as Y from "yjs";
import { z } from "zod";
import { readMapFromDoc, writeMapChange } from "../lib/live/doc";
import type { ArgumentMap } from "../lib/model/schema";
import { writeFileAtomic } from "../lib/storage/write";

export const LIVE_STATE_DIR = path.join(".clashmap", "live");

const savedSchema = z.object({ revision: z.string(), state: z.string() });

function statePath(dir: string, slug: string): string {
  return path.join(dir, LIVE_STATE_DIR, `${slug}.json`);
}

/** Keeps a document's state as the one that goes with `revision` of the map's file. */
export async function keepLiveState(dir: string, slug: string, revision: string, doc: Y.Doc): Promise<void> {
  const file = statePath(dir, slug);
  await mkdir(path.dirname(file), { recursive: true });
  const state = Buffer.from(Y.encodeStateAsUpdate(doc)).toString("base64");
  await writeFileAtomic(file, JSON.stringify({ revision, state }));
}

/**
 * Fills a fresh document from the kept state for this revision of the file, if there is one, and
 * makes sure it then holds exactly `map` (compared by `same`; a kept state that is off gets the
 * difference written over it). Returns false, leaving the document untouched, when there is no
 * usable kept state (none, another revision, unreadable); the file is then loaded instead.
 * The state is applied once, straight into the document: on a 20,000-claim map each apply
 * holds the server's main thread for about half a second.
 */
export async function loadLiveState(
  dir: string,
  slug: string,
  revision: string,
  map: ArgumentMap,
  document: Y.Doc,
  same: (a: ArgumentMap, b: ArgumentMap) => boolean,
): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(statePath(dir, slug), "utf8");
  } catch {
    return false;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return false;
  }
  const saved = savedSchema.safeParse(json);
  if (!saved.success || saved.data.revision !== revision) return false;
  const update = new Uint8Array(Buffer.from(saved.data.state, "base64"));
  try {
    Y.applyUpdate(document, update, "load");
  } catch {
    // Refused before anything was applied: load the file. Part applied: corrected below.
    if (document.store.clients.size === 0) return false;
  }
  const held = readMapFromDoc(document);
  if (!same(held, map)) writeMapChange(document, held, map, "load");
  return true;
}
