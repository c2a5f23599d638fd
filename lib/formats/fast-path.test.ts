import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { generateMap } from "../bench/generate";
import { mapToNormalized } from "./normalized-json";

// The fast readers can be switched off, to compare what they give with what the full parser gives.
const fast = vi.hoisted(() => ({ on: true }));
vi.mock("./fast-yaml", async (importOriginal) => {
  const real = await importOriginal<typeof import("./fast-yaml")>();
  return {
    ...real,
    readPlainYaml: (text: string) => (fast.on ? real.readPlainYaml(text) : undefined),
    jsonWithoutDuplicateKeys: (text: string) => (fast.on ? real.jsonWithoutDuplicateKeys(text) : undefined),
  };
});

const { parseArgumentSource, serializeNewSource } = await import("./argument-file");
const { jsonWithoutDuplicateKeys, readPlainYaml } = await import("./fast-yaml");

function both(text: string, file: string) {
  fast.on = true;
  const quick = parseArgumentSource(text, file, { slug: "m" });
  fast.on = false;
  const slow = parseArgumentSource(text, file, { slug: "m" });
  fast.on = true;
  return { quick, slow };
}

const BUNDLED = readFileSync(path.join("arguments", "russia-iran.yaml"), "utf8");

describe("the fast way through valid files", () => {
  it("reads YAML and JSON files, both shapes, exactly as the full parser does", () => {
    const map = generateMap({ claims: 400 });
    const yaml = serializeNewSource(map, "yaml");
    const cases: [string, string][] = [
      [BUNDLED, "russia-iran.yaml"],
      [yaml, "m.yaml"],
      [serializeNewSource(map, "json"), "m.json"],
      [`${JSON.stringify(mapToNormalized(map), null, 2)}\n`, "m.json"],
      [`${JSON.stringify(mapToNormalized(map))}\n`, "m.json"],
    ];
    for (const [text, file] of cases) {
      const { quick, slow } = both(text, file);
      expect(quick.ok && slow.ok).toBe(true);
      if (!quick.ok || !slow.ok) continue;
      expect(quick.value.map).toEqual(slow.value.map);
      expect(quick.value.shape).toBe(slow.value.shape);
      expect(quick.value.syntax).toBe(slow.value.syntax);
      // The document for writing back is there when asked for, the same as the full parser's.
      expect(quick.value.doc.toJS()).toEqual(slow.value.doc.toJS());
    }
    expect(readPlainYaml(yaml)).toBeDefined();
  });

  it("still places a JSON duplicate key and a JSON syntax error at their line and column", () => {
    const duplicate =
      '{\n  "version": 1,\n  "title": "T",\n  "claims": {\n    "a": { "text": "A" },\n    "a": { "text": "B" }\n  }\n}\n';
    expect(jsonWithoutDuplicateKeys(duplicate)).toBeUndefined();
    const { quick, slow } = both(duplicate, "d.json");
    expect(quick).toEqual(slow);
    expect(quick.ok ? [] : quick.problems).toEqual([
      { code: "duplicate", file: "d.json", line: 6, col: 5, path: "claims.a", message: 'duplicate key "a"' },
    ]);

    const broken = '{\n  "version": 1,\n  "title": "T",\n  "claims": {,\n}\n';
    const syntax = both(broken, "b.json");
    expect(syntax.quick).toEqual(syntax.slow);
    expect(syntax.quick.ok ? [] : syntax.quick.problems[0]).toMatchObject({
      file: "b.json",
      line: 4,
      col: 14,
    });
  });

  it("still places every problem of a YAML file that is plain enough for the fast reader", () => {
    const text =
      "version: 1\ntitle: T\nclaims:\n  a:\n    text: A\n    attacks: nowhere\n  b:\n    text: 12\n";
    expect(readPlainYaml(text)).toBeDefined();
    const { quick, slow } = both(text, "p.yaml");
    expect(quick).toEqual(slow);
    expect(quick.ok ? [] : quick.problems.map((p) => [p.line, p.col, p.path])).toEqual([
      [6, 14, "claims.a.attacks"],
      [8, 11, "claims.b.text"],
    ]);
  });

  it("counts keys against the value, whatever the strings hold", () => {
    expect(jsonWithoutDuplicateKeys('{"a": "x\\": y", "b": {"a": 1}}')).toEqual({ a: 'x": y', b: { a: 1 } });
    expect(jsonWithoutDuplicateKeys('{"a\\\\": 1, "a\\\\" : 2}')).toBeUndefined();
    expect(jsonWithoutDuplicateKeys('{"a" : 1, "b"\n:[{"c": 1, "c": 2}]}')).toBeUndefined();
    expect(jsonWithoutDuplicateKeys('{"a" : 1, "b"\n:[{"c": 1, "d": ":"}]}')).toEqual({
      a: 1,
      b: [{ c: 1, d: ":" }],
    });
    expect(jsonWithoutDuplicateKeys('{"__proto__": 1, "x": 2}')).toEqual(
      JSON.parse('{"__proto__": 1, "x": 2}'),
    );
    expect(jsonWithoutDuplicateKeys("{")).toBeUndefined();
  });
});
