import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./run";

const ROOT = path.join(__dirname, "..");
let dir: string;
let out: string;
let err: string;
const io = () => ({
  out: (t: string) => {
    out += t;
  },
  err: (t: string) => {
    err += t;
  },
  cwd: dir,
});

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "clashmap-cli-"));
  out = "";
  err = "";
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const BROKEN = [
  "version: 1",
  "title: Broken",
  "claims:",
  "  a: { text: A }",
  "  b: { text: B, supports: ghost }",
  "  a: { text: duplicate }",
  "  c: { text: C, rebuts: a }",
  "  d: { text: [unclosed }",
  "",
].join("\n");

describe("validate", () => {
  it("exits 0 on the bundled maps", async () => {
    const code = await runCli(["validate", path.join(ROOT, "arguments")], io());
    expect(code).toBe(0);
    expect(out).toMatch(/^ok {2}.*russia-iran\.yaml {2}\d+ claims/m);
  });

  it("reports each problem as file:line:col  path  message and exits 1", async () => {
    writeFileSync(path.join(dir, "refs.yaml"), BROKEN.replace("  d: { text: [unclosed }\n", ""));
    writeFileSync(path.join(dir, "syntax.yaml"), BROKEN);
    const code = await runCli(["validate", "."], io());
    expect(code).toBe(1);
    expect(out.trim().split("\n")).toEqual([
      'refs.yaml:5:27  claims.b.supports  unknown claim or relation "ghost"',
      'refs.yaml:6:3  claims.a  duplicate key "a"',
      'refs.yaml:7:17  claims.c.rebuts  unknown field "rebuts"',
      'syntax.yaml:6:3  claims.a  duplicate key "a"',
      "syntax.yaml:8:14  claims.d.text  YAML syntax: the [ opened here is not closed by a ] (still open at line 8, column 24)",
    ]);
    expect(err).toBe("2 of 2 files invalid, 5 problems (1 syntax, 1 shape, 1 reference, 2 duplicate)\n");
  });

  it("flags files in a folder that the app cannot open under their name", async () => {
    const good = "version: 1\ntitle: T\nclaims:\n  a: { text: A }\n";
    writeFileSync(path.join(dir, "Bad Name.yaml"), good);
    writeFileSync(path.join(dir, "twice.yaml"), good);
    writeFileSync(
      path.join(dir, "twice.json"),
      '{"version": 1, "title": "T", "claims": {"a": {"text": "A"}}}',
    );
    expect(await runCli(["validate", "."], io())).toBe(1);
    expect(out).toContain(`Bad Name.yaml:1:1  (document)  "Bad Name" is not a valid map name`);
    expect(out).toContain('twice.json:1:1  (document)  two files for the map "twice": twice.yaml is used');
    expect(out).toMatch(/^ok {2}twice\.yaml/m);
  });

  it("holds .json files to JSON, not to YAML's looser syntax", async () => {
    writeFileSync(
      path.join(dir, "trailing.json"),
      '{\n  "version": 1,\n  "title": "T",\n  "claims": {},\n}\n',
    );
    expect(await runCli(["validate", "trailing.json"], io())).toBe(1);
    expect(out).toMatch(/^trailing\.json:5:1 {2}\(document\) {2}JSON syntax: /m);
  });

  it("accepts the normalized JSON it exports", async () => {
    const exported = path.join(dir, "ri.json");
    expect(
      await runCli(
        ["export", path.join(ROOT, "arguments", "russia-iran.yaml"), "--format", "json", "--out", exported],
        io(),
      ),
    ).toBe(0);
    expect(await runCli(["validate", exported], io())).toBe(0);
  });

  it("exits 2 on usage errors", async () => {
    expect(await runCli(["validate", "no-such-folder"], io())).toBe(2);
    expect(await runCli(["frobnicate"], io())).toBe(2);
    expect(await runCli(["export", "x.yaml", "--format", "gif"], io())).toBe(2);
    expect(await runCli(["validate", "--bogus"], io())).toBe(2);
    expect(err).toContain("Usage:");
  });
});

describe("export", () => {
  it("prints the normalized JSON with the documented field names", async () => {
    expect(
      await runCli(["export", path.join(ROOT, "arguments", "russia-iran.yaml"), "--format", "json"], io()),
    ).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(["version", "slug", "title", "theses", "claims", "relations", "evidence"]),
    );
    expect(json.slug).toBe("russia-iran");
    expect(Object.keys(json.relations[0])).toEqual(expect.arrayContaining(["id", "from", "to", "type"]));
    expect(json.evidence[0]).toHaveProperty("cite");
  });

  it("prints YAML that reads back to the same map, from JSON input too", async () => {
    const exported = path.join(dir, "ri.json");
    await runCli(
      ["export", path.join(ROOT, "arguments", "russia-iran.yaml"), "-f", "json", "-o", exported],
      io(),
    );
    out = "";
    expect(await runCli(["export", exported, "--format", "yaml"], io())).toBe(0);
    writeFileSync(path.join(dir, "ri.yaml"), out);
    out = "";
    await runCli(["export", path.join(dir, "ri.yaml"), "--format", "json"], io());
    const again = JSON.parse(out);
    const first = JSON.parse(readFileSync(exported, "utf8"));
    expect({ ...again, slug: undefined }).toEqual({ ...first, slug: undefined });
  });

  it("refuses an invalid file with its problems on stderr and exit 1", async () => {
    writeFileSync(path.join(dir, "bad.yaml"), BROKEN);
    expect(await runCli(["export", "bad.yaml", "--format", "json"], io())).toBe(1);
    expect(out).toBe("");
    expect(err).toMatch(/^bad\.yaml:8:/m);
  });
});

describe("schema", () => {
  it("prints the JSON Schema", async () => {
    expect(await runCli(["schema"], io())).toBe(0);
    expect(JSON.parse(out).title).toBe("Clashmap argument map");
  });
});

describe("validate, counting and bad files", () => {
  it("counts claims, relations, cards, files and problems in words", async () => {
    writeFileSync(
      path.join(dir, "one.yaml"),
      "version: 1\ntitle: T\nclaims:\n  a: { text: A, evidence: [k] }\n  b: { text: B, supports: a }\nevidence:\n  k: { tag: K, quote: q }\n",
    );
    expect(await runCli(["validate", "one.yaml"], io())).toBe(0);
    expect(out).toBe("ok  one.yaml  2 claims, 1 relation, 1 card\n");
    expect(err).toBe("1 file valid\n");
    out = "";
    err = "";
    writeFileSync(
      path.join(dir, "bad.yaml"),
      "version: 1\ntitle: T\nclaims:\n  a: { text: A, supports: ghost }\n",
    );
    expect(await runCli(["validate", "bad.yaml"], io())).toBe(1);
    expect(err).toBe("1 of 1 file invalid, 1 problem (1 reference)\n");
  });

  it("goes on past an alias bomb and an unreadable file to check every other file", async () => {
    copyFileSync(
      path.join(ROOT, "lib", "formats", "fixtures", "problems", "alias-bomb.yaml"),
      path.join(dir, "a-bomb.yaml"),
    );
    symlinkSync(path.join(dir, "nowhere.yaml"), path.join(dir, "b-gone.yaml"));
    writeFileSync(path.join(dir, "c-good.yaml"), "version: 1\ntitle: T\nclaims:\n  a: { text: A }\n");
    expect(await runCli(["validate", "."], io())).toBe(1);
    expect(out.trim().split("\n")).toEqual([
      "a-bomb.yaml:10:10  notes.b[0]  the aliases (*name) in this file expand to too much data (over 100 expansions); write the repeated parts out",
      "b-gone.yaml:1:1  (document)  the file could not be read (ENOENT)",
      "ok  c-good.yaml  1 claim, 0 relations, 0 cards",
    ]);
    expect(err).toBe("2 of 3 files invalid, 2 problems (1 size, 1 unreadable)\n");
  });
});
