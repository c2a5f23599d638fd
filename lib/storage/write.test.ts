import {
  copyFile,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  symlink,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mapToNormalized } from "../formats/normalized-json";
import { addClaim, connect, deleteClaim, updateClaim } from "../model/edits";
import type { ArgumentMap } from "../model/schema";
import { loadStoredMap, revisionOf } from "./maps";
import {
  InvalidMapError,
  insideDir,
  MapNotFoundError,
  RevisionConflictError,
  saveMap,
  withFileLock,
} from "./write";

const FIXTURES = path.resolve("lib", "storage", "fixtures");
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "clashmap-write-"));
  await copyFile(path.join(FIXTURES, "commented.yaml"), path.join(dir, "commented.yaml"));
  await copyFile(path.join(FIXTURES, "plain.json"), path.join(dir, "plain.json"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(slug: string): Promise<{ map: ArgumentMap; revision: string; text: string }> {
  const stored = await loadStoredMap(slug, dir);
  if (!stored?.ok) throw new Error(`${slug} does not load`);
  return { map: stored.map, revision: stored.revision, text: stored.source.doc.toString() };
}

async function rebuttal(slug: string, to: string): Promise<{ map: ArgumentMap; revision: string }> {
  const { map, revision } = await load(slug);
  return {
    map: addClaim(map, { text: "Used uniforms are cheap", relation: { type: "attack", to } }).map,
    revision,
  };
}

describe("saveMap", () => {
  it("writes through a symbolic link to the file it points at, keeping the link", async () => {
    const real = path.join(dir, "real");
    await mkdir(real);
    await rename(path.join(dir, "commented.yaml"), path.join(real, "commented.yaml"));
    await symlink(path.join(real, "commented.yaml"), path.join(dir, "commented.yaml"));
    const { map, revision } = await rebuttal("commented", "costs");
    await saveMap("commented", map, revision, { dir });
    expect((await lstat(path.join(dir, "commented.yaml"))).isSymbolicLink()).toBe(true);
    expect(await readFile(path.join(real, "commented.yaml"), "utf8")).toContain("Used uniforms are cheap");
  });

  it("saves a relation added from an earlier claim, though the file groups relations by claim", async () => {
    const first = await rebuttal("commented", "costs");
    const saved = await saveMap("commented", first.map, first.revision, { dir });
    const withAnswer = await load("commented");
    const answer = withAnswer.map.claims.at(-1)?.id ?? "";
    const connected = connect(withAnswer.map, { from: "costs", to: answer, type: "attack" }).map;
    expect(withAnswer.revision).toBe(saved.revision);
    await saveMap("commented", connected, saved.revision, { dir });
    const reloaded = await load("commented");
    expect(reloaded.map.relations.map((r) => r.id).sort()).toEqual(
      connected.relations.map((r) => r.id).sort(),
    );
  });

  it("puts an undone deletion back in its place in the file", async () => {
    const before = await load("commented");
    const deleted = deleteClaim(before.map, "uniforms-help", { withDescendants: false });
    const afterDelete = await saveMap("commented", deleted, before.revision, { dir });
    const restored = await saveMap("commented", before.map, afterDelete.revision, { dir });
    const text = await readFile(path.join(dir, "commented.yaml"), "utf8");
    expect(restored.revision).toBe(revisionOf(text));
    expect(text.indexOf("uniforms-help:")).toBeLessThan(text.indexOf("costs:"));
    const reloaded = await load("commented");
    expect(reloaded.map.claims.map((c) => c.id)).toEqual(before.map.claims.map((c) => c.id));
  });

  it("writes an edit into the YAML file, keeping comments and key order", async () => {
    const { map, revision } = await rebuttal("commented", "costs");
    const result = await saveMap("commented", map, revision, { dir });
    const text = await readFile(path.join(dir, "commented.yaml"), "utf8");
    expect(result.revision).toBe(revisionOf(text));
    expect(text).toContain("# A small map whose comments and key order must survive a save.");
    expect(text).toContain("# The resolution is how the round is worded.");
    expect(text).toContain("  # ── Thesis ──");
    expect(text).toContain("text: Uniforms cost families money # a common answer");
    expect(text).toContain('cite: { author: Doe, date: "2020" }');
    expect(text).toMatch(/used-uniforms-are-cheap:\n {4}text: Used uniforms are cheap\n {4}attacks: costs\n/);
    const keys = [...text.matchAll(/^([a-z]+):/gm)].map((m) => m[1]);
    expect(keys).toEqual(["version", "title", "resolution", "claims", "evidence"]);
    const reloaded = await load("commented");
    expect(mapToNormalized(reloaded.map)).toEqual(mapToNormalized({ ...map, slug: "commented" }));
  });

  it("keeps a JSON file JSON", async () => {
    const { map, revision } = await load("plain");
    const edited = updateClaim(map, "child", { text: "A changed child claim" });
    await saveMap("plain", edited, revision, { dir });
    const text = await readFile(path.join(dir, "plain.json"), "utf8");
    const json = JSON.parse(text) as { claims: Record<string, { text: string; supports: string }> };
    expect(json.claims.child).toEqual({ text: "A changed child claim", supports: "root" });
    // Besides the maps only the hidden history of revisions: no temporary file is left.
    expect(await readdir(dir)).toEqual([".clashmap", "commented.yaml", "plain.json"]);
  });

  it("answers the current revision without writing when nothing changed", async () => {
    const { map, revision } = await load("commented");
    const before = await readFile(path.join(dir, "commented.yaml"), "utf8");
    expect(await saveMap("commented", map, revision, { dir })).toEqual({ revision });
    expect(await readFile(path.join(dir, "commented.yaml"), "utf8")).toBe(before);
  });

  it("lets exactly one of 20 concurrent saves from the same revision through", async () => {
    const { map, revision } = await load("commented");
    const saves = Array.from({ length: 20 }, (_, i) =>
      saveMap(
        "commented",
        addClaim(map, { text: `Answer number ${i}`, relation: { type: "attack", to: "costs" } }).map,
        revision,
        { dir },
      ),
    );
    const results = await Promise.allSettled(saves);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    const after = await load("commented");
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(RevisionConflictError);
      expect((r.reason as RevisionConflictError).currentRevision).toBe(after.revision);
    }
    expect(after.map.claims.filter((c) => c.text.startsWith("Answer number"))).toHaveLength(1);
    expect((await readdir(dir)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses a save from a stale revision, e.g. after the file was edited on disk", async () => {
    const { map, revision } = await rebuttal("commented", "costs");
    const file = path.join(dir, "commented.yaml");
    const edited = (await readFile(file, "utf8")).replace("School uniforms", "School uniforms (v2)");
    await writeFile(file, edited);
    await expect(saveMap("commented", map, revision, { dir })).rejects.toMatchObject({
      name: "RevisionConflictError",
      currentRevision: revisionOf(edited),
    });
    expect(await readFile(file, "utf8")).toBe(edited);
  });

  it("reports invalid maps with paths of the normalized JSON and writes nothing", async () => {
    const { map, revision } = await load("commented");
    const dangling = { ...map, relations: [{ ...map.relations[0], to: "nowhere" }] };
    await expect(saveMap("commented", dangling, revision, { dir })).rejects.toMatchObject({
      problems: [{ path: "relations[0].to", message: 'unknown claim or relation "nowhere"' }],
    });
    const badSide = { ...map, claims: [{ ...map.claims[0], side: "pro" }, ...map.claims.slice(1)] };
    const error = await saveMap("commented", badSide, revision, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidMapError);
    expect((error as InvalidMapError).problems[0].path).toBe("claims[0].side");
    await expect(saveMap("commented", "not a map", revision, { dir })).rejects.toBeInstanceOf(
      InvalidMapError,
    );
    expect((await load("commented")).revision).toBe(revision);
  });

  it("refuses to write over a file that has problems on disk", async () => {
    const file = path.join(dir, "commented.yaml");
    const broken = (await readFile(file, "utf8")).replace("attacks: uniforms-help", "attacks: nobody");
    await writeFile(file, broken);
    const { map } = await load("plain");
    await expect(saveMap("commented", map, revisionOf(broken), { dir })).rejects.toMatchObject({
      name: "InvalidMapError",
      message: "commented.yaml has problems; fix the file first",
    });
    expect(await readFile(file, "utf8")).toBe(broken);
  });

  it("answers not found for unknown slugs and slugs that try to leave the folder", async () => {
    const { map, revision } = await load("commented");
    await expect(saveMap("missing", map, revision, { dir })).rejects.toBeInstanceOf(MapNotFoundError);
    await expect(saveMap("../commented", map, revision, { dir })).rejects.toBeInstanceOf(MapNotFoundError);
    await expect(saveMap("commented.yaml", map, revision, { dir })).rejects.toBeInstanceOf(MapNotFoundError);
  });

  it("leaves the previous file intact and no temporary file when the rename fails", async () => {
    const { map, revision } = await rebuttal("commented", "costs");
    const file = path.join(dir, "commented.yaml");
    const before = await readFile(file, "utf8");
    const rename = async () => {
      throw Object.assign(new Error("simulated crash before rename"), { code: "EIO" });
    };
    await expect(saveMap("commented", map, revision, { dir, fs: { rename } })).rejects.toThrow(
      /simulated crash/,
    );
    expect(await readFile(file, "utf8")).toBe(before);
    expect(await readdir(dir)).toEqual(["commented.yaml", "plain.json"]);
    const saved = await saveMap("commented", map, revision, { dir });
    expect(saved.revision).not.toBe(revision);
  });

  it("leaves the previous file intact when flushing the temporary file fails", async () => {
    const { map, revision } = await rebuttal("commented", "costs");
    const file = path.join(dir, "commented.yaml");
    const before = await readFile(file, "utf8");
    const { open } = await import("node:fs/promises");
    const failingOpen = (async (...args: Parameters<typeof open>) => {
      const handle = await open(...args);
      handle.sync = async () => {
        throw new Error("disk full");
      };
      return handle;
    }) as typeof open;
    await expect(saveMap("commented", map, revision, { dir, fs: { open: failingOpen } })).rejects.toThrow(
      "disk full",
    );
    expect(await readFile(file, "utf8")).toBe(before);
    expect(await readdir(dir)).toEqual(["commented.yaml", "plain.json"]);
  });
});

describe("withFileLock", () => {
  it("runs tasks on one file one after another, and goes on after a failure", async () => {
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const file = path.join(dir, "x.yaml");
    const results = await Promise.allSettled([
      withFileLock(file, task("a", true)),
      withFileLock(file, task("b")),
      withFileLock(`${dir}/./x.yaml`, task("c")),
    ]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
  });
});

describe("insideDir", () => {
  it("accepts plain names and refuses anything that leaves the folder", () => {
    expect(insideDir(dir, "a.yaml")).toBe(path.join(dir, "a.yaml"));
    expect(() => insideDir(dir, "../a.yaml")).toThrow();
    expect(() => insideDir(dir, "sub/a.yaml")).toThrow();
    expect(() => insideDir(dir, "/etc/passwd")).toThrow();
  });
});
