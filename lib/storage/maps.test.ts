import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listStoredMaps, loadStoredMap, revisionOf } from "./maps";

const GOOD = "version: 1\ntitle: Good map\nclaims:\n  a: { text: A }\n  b: { text: B, attacks: a }\n";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "clashmap-maps-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("listing the arguments folder", () => {
  it("lists valid maps with counts and broken files with their problems", async () => {
    writeFileSync(path.join(dir, "good.yaml"), GOOD);
    writeFileSync(
      path.join(dir, "broken.yaml"),
      "version: 1\ntitle: Broken\nclaims:\n  a: { text: A, supports: ghost }\n",
    );
    writeFileSync(path.join(dir, "notes.txt"), "not an argument file");
    const maps = await listStoredMaps(dir);
    expect(maps.map((m) => [m.slug, m.ok])).toEqual([
      ["broken", false],
      ["good", true],
    ]);
    const [broken, good] = maps;
    if (good.ok) expect(good.counts).toEqual({ claims: 2, relations: 1, cards: 0 });
    if (!broken.ok) expect(broken.problems[0]).toMatchObject({ file: "broken.yaml", line: 4, col: 27 });
  });

  it("flags two files for one slug and names files that are not valid slugs", async () => {
    writeFileSync(path.join(dir, "twice.yaml"), GOOD);
    writeFileSync(path.join(dir, "twice.json"), "{}");
    writeFileSync(path.join(dir, "Bad Name.yaml"), GOOD);
    const maps = await listStoredMaps(dir);
    const twice = maps.find((m) => m.slug === "twice");
    expect(twice?.ok && twice.file).toBe("twice.yaml");
    expect(twice?.ok && twice.warnings?.[0].message).toContain("twice.json is ignored");
    const bad = maps.find((m) => m.file === "Bad Name.yaml");
    expect(bad?.ok).toBe(false);
  });

  it("lists nothing for a missing folder", async () => {
    expect(await listStoredMaps(path.join(dir, "missing"))).toEqual([]);
  });
});

describe("loading one map", () => {
  it("loads by slug with the revision of its bytes", async () => {
    writeFileSync(path.join(dir, "good.yaml"), GOOD);
    const loaded = await loadStoredMap("good", dir);
    expect(loaded?.ok && loaded.revision).toBe(revisionOf(GOOD));
    expect(loaded?.ok && loaded.map.title).toBe("Good map");
  });

  it("never resolves slugs outside the folder", async () => {
    writeFileSync(path.join(dir, "good.yaml"), GOOD);
    for (const slug of ["../good", "..", "good/../good", "GOOD", "good.yaml", ""]) {
      expect(await loadStoredMap(slug, dir)).toBeUndefined();
    }
  });
});
