import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateMap } from "../bench/generate";
import { serializeNewSource } from "../formats/argument-file";
import { mapToNormalized } from "../formats/normalized-json";
import { relationId } from "../model/ids";
import type { ArgumentMap } from "../model/schema";
import { loadStoredMap } from "./maps";
import { InvalidMapError, saveMap } from "./write";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "clashmap-entries-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(slug: string): Promise<{ map: ArgumentMap; revision: string }> {
  const stored = await loadStoredMap(slug, dir);
  if (!stored?.ok) throw new Error(`${slug} does not load`);
  return { map: stored.map, revision: stored.revision };
}

/** The map as the API receives it: plain JSON. */
const body = (map: ArgumentMap): unknown => JSON.parse(JSON.stringify(mapToNormalized(map)));

describe("saving edits into a big plain YAML file", () => {
  it("changes only the edited claim's lines, save after save, and the file reads as the map", async () => {
    const text = serializeNewSource(generateMap({ claims: 600 }), "yaml");
    await writeFile(path.join(dir, "big.yaml"), text);
    let { map, revision } = await load("big");
    for (let i = 0; i < 3; i++) {
      map = { ...map, claims: map.claims.map((c, n) => (n === 10 ? { ...c, text: `Edit ${i}` } : c)) };
      revision = (await saveMap("big", body(map), revision, { dir })).revision;
    }
    map = {
      ...map,
      claims: [...map.claims, { id: "late-answer", text: "A late answer", side: "aff" }],
      relations: [
        ...map.relations,
        { id: relationId("late-answer", "attack", "c10"), from: "late-answer", to: "c10", type: "attack" },
      ],
    };
    revision = (await saveMap("big", body(map), revision, { dir })).revision;
    const after = await readFile(path.join(dir, "big.yaml"), "utf8");
    const before = text.split("\n");
    const lines = after.split("\n");
    expect(lines.length - before.length).toBe(3);
    const changed = lines.filter((line, i) => line !== before[i]);
    expect(changed[0]).toBe("    text: Edit 2");
    expect(after).toContain("  late-answer:\n    text: A late answer\n    attacks: c10\n");
    const reread = await load("big");
    expect(reread.revision).toBe(revision);
    expect(mapToNormalized(reread.map)).toEqual(mapToNormalized({ ...map, relations: reread.map.relations }));
    expect(new Set(reread.map.relations.map((r) => r.id))).toEqual(new Set(map.relations.map((r) => r.id)));
  }, 60_000);

  it("still refuses a value that would read back differently, and leaves the file as it was", async () => {
    const text = [
      "version: 1",
      "title: T",
      "claims:",
      "  t1:",
      "    text: One",
      "    side: aff",
      "  t2:",
      "    text: Two",
      "    side: aff",
      "  x:",
      "    text: X",
      "    attacks: t2",
      "",
    ].join("\n");
    await writeFile(path.join(dir, "sides.yaml"), text);
    const { map, revision } = await load("sides");
    // With the attack listed first, x's side seems to follow from it and is left out; the file
    // lists supports first, so x would read as aff.
    const edited: ArgumentMap = {
      ...map,
      claims: map.claims.map((c) => (c.id === "x" ? { id: "x", text: "X", side: "neg" } : c)),
      relations: [
        { id: relationId("x", "attack", "t2"), from: "x", to: "t2", type: "attack" },
        { id: relationId("x", "support", "t1"), from: "x", to: "t1", type: "support" },
      ],
    };
    const error = await saveMap("sides", body(edited), revision, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidMapError);
    expect((error as InvalidMapError).problems[0]).toMatchObject({ code: "roundtrip", file: "sides.yaml" });
    expect(await readFile(path.join(dir, "sides.yaml"), "utf8")).toBe(text);
  });
});
