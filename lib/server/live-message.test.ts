import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { carriedUpdate } from "./live-message";

const text = (value: string) => [value.length, ...new TextEncoder().encode(value)];

describe("carriedUpdate", () => {
  it("finds the Yjs update of a sync update or step 2", () => {
    const doc = new Y.Doc();
    doc.getMap("m").set("k", "v");
    const update = Y.encodeStateAsUpdate(doc);
    expect(update.length).toBeLessThan(128);
    for (const step of [1, 2]) {
      const message = Uint8Array.from([...text("map:x"), 0, step, update.length, ...update]);
      expect(carriedUpdate(message)).toEqual(update);
    }
  });

  it("ignores other messages and reads a long length", () => {
    expect(carriedUpdate(Uint8Array.from([...text("map:x"), 1, 3, 1, 2, 3]))).toBeUndefined();
    expect(carriedUpdate(Uint8Array.from([...text("map:x"), 0, 0, 1, 0]))).toBeUndefined();
    const big = new Uint8Array(300).fill(7);
    const message = Uint8Array.from([...text("d"), 0, 2, 0xac, 0x02, ...big]);
    expect(carriedUpdate(message)?.length).toBe(300);
  });

  it("gives an empty update for a cut-off message, which no decoder accepts", () => {
    const message = Uint8Array.from([...text("d"), 0, 2, 50, 1, 2, 3]);
    expect(carriedUpdate(message)?.length).toBe(0);
  });
});
