import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMap } from "./create";
import {
  deleteMap,
  listTrash,
  renameMap,
  restoreMap,
  SlugTakenError,
  TrashEntryNotFoundError,
} from "./manage";
import { listStoredMaps, loadStoredMap } from "./maps";
import { readRedirects, redirectFor } from "./redirects";
import { InvalidMapError, MapNotFoundError } from "./write";

let dir: string;
const MAP = "version: 1\ntitle: Phones # a comment\nclaims:\n  ban:\n    text: Ban phones\n    side: aff\n";

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "clashmap-manage-"));
  await writeFile(path.join(dir, "phones.yaml"), MAP);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("renaming a map", () => {
  it("moves the file to the new slug byte for byte and records where the old one leads", async () => {
    expect(await renameMap("phones", "phones-in-class", { dir })).toEqual({
      slug: "phones-in-class",
      file: "phones-in-class.yaml",
    });
    expect((await readdir(dir)).sort()).toEqual([".clashmap", "phones-in-class.yaml"]);
    expect(await readFile(path.join(dir, "phones-in-class.yaml"), "utf8")).toBe(MAP);
    expect(await redirectFor("phones", dir)).toBe("phones-in-class");
    expect((await listStoredMaps(dir)).map((m) => m.slug)).toEqual(["phones-in-class"]);
  });

  it("follows a second rename in one step, and forgets a record once its slug is a map again", async () => {
    await renameMap("phones", "b", { dir });
    await renameMap("b", "c", { dir });
    expect(await readRedirects(dir)).toEqual({ b: "c", phones: "c" });
    await renameMap("c", "phones", { dir });
    expect(await readRedirects(dir)).toEqual({ b: "phones", c: "phones" });
    await createMap("C", { dir });
    expect(await readRedirects(dir)).toEqual({ b: "phones" });
  });

  it("never overwrites another map and never leaves the folder", async () => {
    await writeFile(path.join(dir, "other.json"), "{}");
    await expect(renameMap("phones", "other", { dir })).rejects.toBeInstanceOf(SlugTakenError);
    for (const bad of ["../escape", "a/b", "UP", "x.yaml", "", "-a"]) {
      await expect(renameMap("phones", bad, { dir })).rejects.toBeInstanceOf(InvalidMapError);
    }
    await expect(renameMap("../phones", "fine", { dir })).rejects.toBeInstanceOf(MapNotFoundError);
    expect((await readdir(dir)).sort()).toEqual(["other.json", "phones.yaml"]);
  });
});

describe("deleting and restoring a map", () => {
  it("moves the file into the trash, which the library ignores, and back", async () => {
    const trashed = await deleteMap("phones", { dir, now: 1_764_000_000_000 });
    expect(trashed).toEqual({
      name: "phones.1764000000000.yaml",
      slug: "phones",
      deletedAt: 1_764_000_000_000,
      title: "Phones",
    });
    expect(await loadStoredMap("phones", dir)).toBeUndefined();
    expect(await listStoredMaps(dir)).toEqual([]);
    expect(await listTrash({ dir })).toEqual([trashed]);
    expect(await restoreMap(trashed.name, { dir })).toEqual({ slug: "phones", file: "phones.yaml" });
    expect(await readFile(path.join(dir, "phones.yaml"), "utf8")).toBe(MAP);
    expect(await listTrash({ dir })).toEqual([]);
  });

  it("restores under a new slug when a map took the old one meanwhile", async () => {
    const trashed = await deleteMap("phones", { dir });
    await writeFile(path.join(dir, "phones.json"), "{}");
    expect((await restoreMap(trashed.name, { dir })).slug).toBe("phones-2");
  });

  it("keeps two deletions of one slug apart, newest first", async () => {
    await deleteMap("phones", { dir, now: 1000 });
    await writeFile(path.join(dir, "phones.yaml"), MAP.replace("Phones", "Phones again"));
    await deleteMap("phones", { dir, now: 1000 });
    expect((await listTrash({ dir })).map((e) => [e.name, e.title])).toEqual([
      ["phones.1001.yaml", "Phones again"],
      ["phones.1000.yaml", "Phones"],
    ]);
  });

  it("refuses names that are not trash entries, or that would leave the folder", async () => {
    for (const bad of ["../phones.yaml", "phones.yaml", ".trash/x.1.yaml", "x.1.yaml/../../y.1.yaml"]) {
      await expect(restoreMap(bad, { dir })).rejects.toBeInstanceOf(TrashEntryNotFoundError);
    }
    await expect(deleteMap("nope", { dir })).rejects.toBeInstanceOf(MapNotFoundError);
  });
});
