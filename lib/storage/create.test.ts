import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMap } from "./create";
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
  it("creates a valid YAML map named after the title, with the title as its one thesis", async () => {
    const { slug, file } = await createMap("  Should schools ban phones?  ", { dir });
    expect(slug).toBe("should-schools-ban-phones");
    expect(file).toBe("should-schools-ban-phones.yaml");
    const stored = await loadStoredMap(slug, dir);
    expect(stored?.ok).toBe(true);
    if (!stored?.ok) return;
    expect(stored.map.title).toBe("Should schools ban phones?");
    expect(stored.map.theses).toEqual(["should-schools-ban-phones"]);
    expect(stored.map.claims).toEqual([
      { id: "should-schools-ban-phones", text: "Should schools ban phones?", side: "aff" },
    ]);
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
