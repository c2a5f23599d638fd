import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadMapIntoDoc, readMapFromDoc, writeMapChange } from "../lib/live/doc";
import { UNIFORMS_MAP as MAP } from "../lib/live/uniforms-map";
import { sameValue } from "../lib/model/same-value";
import type { ArgumentMap } from "../lib/model/schema";
import { keepLiveState, LIVE_STATE_DIR, loadLiveState } from "./live-state";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "clashmap-live-state-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A doc loaded from the map and then edited, as a live map is before its state is kept. */
function edited(): Y.Doc {
  const doc = new Y.Doc();
  loadMapIntoDoc(doc, MAP);
  writeMapChange(doc, MAP, { ...MAP, title: "Uniforms at school" });
  return doc;
}

describe("kept live state", () => {
  it("continues from the kept Yjs items for the same revision, so a page holding them merges", async () => {
    const source = edited();
    const map = readMapFromDoc(source);
    await keepLiveState(dir, "uniforms", "r2", source);
    const doc = new Y.Doc();
    expect(await loadLiveState(dir, "uniforms", "r2", map, doc, sameValue)).toBe(true);
    expect(readMapFromDoc(doc)).toEqual(map);
    // The same items: a page that held the old doc has nothing new to send or receive.
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(source));
  });

  it("ignores a state kept for another revision or a file that is not one, leaving the doc empty", async () => {
    await keepLiveState(dir, "uniforms", "r1", edited());
    const doc = new Y.Doc();
    expect(await loadLiveState(dir, "uniforms", "r2", MAP, doc, sameValue)).toBe(false);
    expect(await loadLiveState(dir, "other", "r1", MAP, doc, sameValue)).toBe(false);
    await writeFile(path.join(dir, LIVE_STATE_DIR, "uniforms.json"), "{ not json");
    expect(await loadLiveState(dir, "uniforms", "r1", MAP, doc, sameValue)).toBe(false);
    await writeFile(
      path.join(dir, LIVE_STATE_DIR, "uniforms.json"),
      JSON.stringify({ revision: "r1", state: Buffer.from([255, 255, 255, 255]).toString("base64") }),
    );
    expect(await loadLiveState(dir, "uniforms", "r1", MAP, doc, sameValue)).toBe(false);
    expect(doc.store.clients.size).toBe(0);
  });

  it("writes the difference when the kept state does not hold the file's map", async () => {
    await keepLiveState(dir, "uniforms", "r2", edited());
    const file: ArgumentMap = {
      ...MAP,
      claims: [...MAP.claims, { id: "d", text: "Dress codes work", side: "aff" }],
    };
    file.relations = [...MAP.relations, { id: "d-supports-t", from: "d", to: "t", type: "support" }];
    const doc = new Y.Doc();
    expect(await loadLiveState(dir, "uniforms", "r2", file, doc, sameValue)).toBe(true);
    expect(sameValue(readMapFromDoc(doc), file)).toBe(true);
  });
});
