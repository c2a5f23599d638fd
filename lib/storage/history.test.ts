import { copyFile, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addClaim, updateClaim } from "../model/edits";
import type { ArgumentMap } from "../model/schema";
import { HISTORY_DIR, HISTORY_KEPT, keepRevision, loadStoredMapKept, revisionText } from "./history";
import { isMapFileName, listStoredMaps, loadStoredMap, revisionOf } from "./maps";
import { MergeCollisionError, RevisionConflictError, saveMap } from "./write";

const FIXTURES = path.resolve("lib", "storage", "fixtures");
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "clashmap-history-"));
  await copyFile(path.join(FIXTURES, "commented.yaml"), path.join(dir, "commented.yaml"));
  await copyFile(path.join(FIXTURES, "plain.json"), path.join(dir, "plain.json"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(slug = "commented"): Promise<{ map: ArgumentMap; revision: string }> {
  const stored = await loadStoredMapKept(slug, { dir });
  if (!stored?.ok) throw new Error(`${slug} does not load`);
  return { map: stored.map, revision: stored.revision };
}

function historyNames(slug = "commented"): Promise<string[]> {
  return readdir(path.join(dir, HISTORY_DIR, slug)).catch(() => []);
}

describe("revision history", () => {
  it("keeps what is read and finds it again by revision", async () => {
    const { revision } = await load();
    const text = await readFile(path.join(dir, "commented.yaml"), "utf8");
    expect(await historyNames()).toEqual([`${revision}.yaml`]);
    expect(await revisionText("commented", revision, dir)).toEqual({ text, file: "commented.yaml" });
    expect(await revisionText("commented", "0".repeat(32), dir)).toBeUndefined();
  });

  it("keeps nothing for a server that takes no writes", async () => {
    expect((await loadStoredMapKept("commented", { dir, keep: false }))?.ok).toBe(true);
    expect(await readdir(dir)).toEqual(["commented.yaml", "plain.json"]);
  });

  it("accepts only safe names", async () => {
    expect(await keepRevision("../etc", "x.yaml", "title: x", dir)).toBeUndefined();
    expect(await keepRevision("ok", "x.txt", "title: x", dir)).toBeUndefined();
    expect(await revisionText("commented", "../../commented", dir)).toBeUndefined();
    expect(await revisionText("Bad Slug", "0".repeat(32), dir)).toBeUndefined();
    expect(await readdir(dir)).toEqual(["commented.yaml", "plain.json"]);
  });

  it("ignores a kept text that no longer matches its revision", async () => {
    const { revision } = await load();
    await writeFile(path.join(dir, HISTORY_DIR, "commented", `${revision}.yaml`), "tampered");
    expect(await revisionText("commented", revision, dir)).toBeUndefined();
  });

  it("is hidden from the library", async () => {
    const { map, revision } = await load();
    await saveMap("commented", updateClaim(map, "costs", { text: "Changed" }), revision, { dir });
    expect((await listStoredMaps(dir)).map((m) => m.slug)).toEqual(["commented", "plain"]);
    expect(await loadStoredMap(".clashmap", dir)).toBeUndefined();
    const names = await readdir(dir);
    expect(names.filter(isMapFileName)).toEqual(["commented.yaml", "plain.json"]);
    expect(isMapFileName(".commented.yaml.abc123.tmp")).toBe(false);
  });

  it("keeps a bounded number of revisions, the least recently used dropped first", async () => {
    const first = await keepRevision("commented", "commented.yaml", "version: 1\ntitle: First\n", dir);
    const folder = path.join(dir, HISTORY_DIR, "commented");
    const old = new Date(Date.now() - 3_600_000);
    for (let i = 0; i < HISTORY_KEPT + 10; i++) {
      const revision = await keepRevision(
        "commented",
        "commented.yaml",
        `version: 1\ntitle: Map ${i}\n`,
        dir,
      );
      // Older than anything kept later, so that the order does not depend on the clock's resolution.
      await utimes(path.join(folder, `${revision}.yaml`), old, new Date(old.getTime() + i * 1000));
      if (i === 50 && first) await revisionText("commented", first, dir); // used again: kept
    }
    const names = await historyNames();
    expect(names.length).toBeLessThanOrEqual(HISTORY_KEPT);
    expect(names).toContain(`${first}.yaml`);
    expect(names).not.toContain(`${revisionOf("version: 1\ntitle: Map 0\n")}.yaml`);
  });

  it("keeps a bounded number of bytes, but always the newest two", async () => {
    const big = (n: number) => `version: 1\ntitle: Big ${n}\ndescription: ${"x".repeat(1000)}\n`;
    const limits = { count: HISTORY_KEPT, bytes: 2500 };
    for (let i = 0; i < 4; i++) await keepRevision("commented", "commented.yaml", big(i), dir, limits);
    expect((await historyNames()).length).toBe(2);
    // A small revision still fits beside the two newest.
    await keepRevision("commented", "commented.yaml", "version: 1\ntitle: Small\n", dir, limits);
    expect((await historyNames()).length).toBe(3);
  });
});

describe("saveMap with merge", () => {
  async function answer(map: ArgumentMap, text: string, to = "uniforms-help"): Promise<ArgumentMap> {
    return addClaim(map, { text, relation: { type: "attack", to } }).map;
  }

  it("ten saves racing from one base all land", async () => {
    const { map, revision } = await load();
    const results = await Promise.all(
      Array.from({ length: 10 }, async (_, i) =>
        saveMap("commented", await answer(map, `Answer number ${i}`), revision, { dir, merge: true }),
      ),
    );
    const after = await loadStoredMap("commented", dir);
    if (!after?.ok) throw new Error("the file no longer loads");
    for (let i = 0; i < 10; i++) expect(after.map.claims.map((c) => c.id)).toContain(`answer-number-${i}`);
    expect(results.map((r) => r.revision)).toContain(after.revision);
    expect(results.filter((r) => r.merged)).toHaveLength(9);
    const text = await readFile(path.join(dir, "commented.yaml"), "utf8");
    expect(text).toContain("# A small map whose comments and key order must survive a save.");
  });

  it("refuses the same field changed two ways, naming it, and writes nothing", async () => {
    const { map, revision } = await load();
    await saveMap("commented", updateClaim(map, "costs", { text: "Ours" }), revision, { dir, merge: true });
    const before = await readFile(path.join(dir, "commented.yaml"), "utf8");
    const error = await saveMap("commented", updateClaim(map, "costs", { text: "Theirs" }), revision, {
      dir,
      merge: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MergeCollisionError);
    expect((error as MergeCollisionError).collisions.map((c) => c.path)).toEqual(["claims[costs].text"]);
    expect((error as MergeCollisionError).currentRevision).toBe(revisionOf(before));
    expect(await readFile(path.join(dir, "commented.yaml"), "utf8")).toBe(before);
  });

  it("refuses an unknown revision, and an older one without merge", async () => {
    const { map, revision } = await load();
    await saveMap("commented", await answer(map, "First"), revision, { dir });
    const second = await answer(map, "Second");
    await expect(saveMap("commented", second, "f".repeat(32), { dir, merge: true })).rejects.toBeInstanceOf(
      RevisionConflictError,
    );
    await expect(saveMap("commented", second, revision, { dir })).rejects.toBeInstanceOf(
      RevisionConflictError,
    );
  });

  it("a sender that keeps editing its own copy keeps the others' changes", async () => {
    const { map, revision } = await load();
    // Someone else adds a claim; the sender, still on the old revision, changes a text twice.
    await saveMap("commented", await answer(map, "Someone else"), revision, { dir, merge: true });
    const mine = updateClaim(map, "costs", { text: "Mine once" });
    const first = await saveMap("commented", mine, revision, { dir, merge: true });
    expect(first.merged).toBe(true);
    expect(first.ownRevision).toMatch(/^[0-9a-f]{32}$/);
    const again = updateClaim(mine, "costs", { text: "Mine twice" });
    const second = await saveMap("commented", again, first.ownRevision ?? "", { dir, merge: true });
    const after = await loadStoredMap("commented", dir);
    if (!after?.ok) throw new Error("the file no longer loads");
    expect(second.revision).toBe(after.revision);
    expect(after.map.claims.find((c) => c.id === "costs")?.text).toBe("Mine twice");
    expect(after.map.claims.map((c) => c.id)).toContain("someone-else");
  });
});
