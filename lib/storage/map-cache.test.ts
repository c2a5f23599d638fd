import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cachedParse, clearParseCache, rememberParse } from "./map-cache";
import { loadStoredMap } from "./maps";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "clashmap-cache-"));
  clearParseCache();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const text = (title: string) => `version: 1\ntitle: ${title}\nclaims:\n  a:\n    text: A\n`;
const past = new Date(Date.now() - 60_000);

describe("the parsed-map cache", () => {
  it("gives the same parse for an unchanged file and a new one when it changes", async () => {
    const file = path.join(dir, "m.yaml");
    await writeFile(file, text("One"));
    await utimes(file, past, past);
    const first = await loadStoredMap("m", dir);
    expect(await loadStoredMap("m", dir)).toBe(first);
    // Same size, same inode, other time: read again.
    await writeFile(file, text("Two"));
    await utimes(file, new Date(past.getTime() + 1000), new Date(past.getTime() + 1000));
    const second = await loadStoredMap("m", dir);
    expect(second?.ok && second.map.title).toBe("Two");
  });

  it("does not keep a file changed just now, which could change again within the same clock tick", async () => {
    await writeFile(path.join(dir, "m.yaml"), text("One"));
    const first = await loadStoredMap("m", dir);
    expect(await loadStoredMap("m", dir)).not.toBe(first);
  });

  it("keeps at most 16 files, the least recently used going first", () => {
    const stamp = { mtimeMs: 1, size: 1, ino: 1 };
    for (let i = 0; i < 20; i++) rememberParse(`/f${i}`, stamp, 10, i);
    expect(cachedParse("/f0", stamp)).toBeUndefined();
    expect(cachedParse("/f19", stamp)).toBe(19);
    expect(cachedParse("/f19", { ...stamp, size: 2 })).toBeUndefined();
    rememberParse("/huge", stamp, 200 * 1024 * 1024, "x");
    expect(cachedParse("/huge", stamp)).toBeUndefined();
  });
});
