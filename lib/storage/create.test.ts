import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMap, createMapFileFromSource, schemaReferenceFor } from "./create";
import { loadStoredMap } from "./maps";
import { InvalidMapError } from "./write";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "clashmap-create-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("createMap", () => {
  it("creates a valid YAML map named after the title, stating the question as its thesis", async () => {
    const created = await createMap("  Should schools ban phones?  ", { dir });
    expect(created).toEqual({
      slug: "should-schools-ban-phones",
      file: "should-schools-ban-phones.yaml",
      requested: "should-schools-ban-phones",
      thesis: "schools-should-ban-phones",
      placeholder: false,
    });
    const stored = await loadStoredMap(created.slug, dir);
    expect(stored?.ok).toBe(true);
    if (!stored?.ok) return;
    expect(stored.map.title).toBe("Should schools ban phones?");
    expect(stored.map.theses).toEqual(["schools-should-ban-phones"]);
    expect(stored.map.claims).toEqual([
      { id: "schools-should-ban-phones", text: "Schools should ban phones", side: "aff" },
    ]);
  });

  it("starts a question of another shape with a placeholder thesis", async () => {
    const created = await createMap("Why do we debate?", { dir });
    expect(created).toMatchObject({ thesis: "thesis", placeholder: true });
    const stored = await loadStoredMap(created.slug, dir);
    expect(stored?.ok && stored.map.claims[0].text).toBe(
      "Write the thesis: the answer to “Why do we debate?”",
    );
  });

  it("gives a second map of the same title its own slug and says which was asked for", async () => {
    await createMap("Should the US ban TikTok?", { dir });
    expect(await createMap("Should the US ban TikTok?", { dir })).toMatchObject({
      slug: "should-the-us-ban-tiktok-2",
      requested: "should-the-us-ban-tiktok",
      thesis: "the-us-should-ban-tiktok",
    });
  });

  it("points the schema comment at the project's schema by a relative path, or nowhere outside it", () => {
    const project = path.join(tmpdir(), "project");
    expect(schemaReferenceFor(path.join(project, "arguments"), project)).toBe(
      "../schema/argument-map.schema.json",
    );
    expect(schemaReferenceFor(path.join(project, "a", "b"), project)).toBe(
      "../../schema/argument-map.schema.json",
    );
    expect(schemaReferenceFor(path.join(tmpdir(), "elsewhere"), project)).toBeNull();
    expect(schemaReferenceFor(`${project}-other`, project)).toBeNull();
  });

  it("writes no machine-specific path into a map made outside the project", async () => {
    const { file } = await createMap("Outside", { dir });
    const text = await readFile(path.join(dir, file), "utf8");
    expect(text).not.toContain("$schema");
    expect(text).not.toContain(tmpdir());
    expect(text.startsWith("version: 1\n")).toBe(true);
  });

  it("picks a slug no file of any extension uses yet", async () => {
    await writeFile(path.join(dir, "phones.json"), "{}");
    await writeFile(path.join(dir, "phones-2.txt"), "");
    expect((await createMap("Phones", { dir })).slug).toBe("phones-3");
    expect((await createMap("Phones", { dir })).slug).toBe("phones-4");
  });

  it("never lets concurrent creations overwrite each other", async () => {
    const slugs = await Promise.all(Array.from({ length: 5 }, () => createMap("Same title", { dir })));
    expect(new Set(slugs.map((s) => s.slug)).size).toBe(5);
    expect((await readdir(dir)).sort()).toHaveLength(5);
  });

  it("keeps slugs inside the folder and readable whatever the title", async () => {
    expect((await createMap("../../etc/passwd", { dir })).slug).toBe("etc-passwd");
    expect((await createMap("¿¡!!", { dir })).slug).toBe("map");
    expect((await createMap("Économie & Société", { dir })).slug).toBe("economie-societe");
    expect((await readdir(dir)).sort()).toEqual(["economie-societe.yaml", "etc-passwd.yaml", "map.yaml"]);
  });

  it("refuses an empty or overlong title", async () => {
    await expect(createMap("   ", { dir })).rejects.toBeInstanceOf(InvalidMapError);
    await expect(createMap("x".repeat(201), { dir })).rejects.toMatchObject({
      problems: [{ path: "title" }],
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it("creates the folder when it does not exist yet", async () => {
    const nested = path.join(dir, "new-folder");
    expect((await createMap("First", { dir: nested })).slug).toBe("first");
  });
});

describe("createMapFileFromSource", () => {
  it("writes an import's text under a new slug made from its title, never over a taken one", async () => {
    await writeFile(path.join(dir, "small.yaml"), "kept: true\n");
    const source = "version: 1\ntitle: Small\ntheses: [t]\nclaims:\n  t: Thesis.\n";
    const created = await createMapFileFromSource(source, "Small", { dir });
    expect(created).toEqual({ slug: "small-2", file: "small-2.yaml", requested: "small" });
    expect(await readFile(path.join(dir, "small-2.yaml"), "utf8")).toBe(source);
    expect(await readFile(path.join(dir, "small.yaml"), "utf8")).toBe("kept: true\n");
  });
});
