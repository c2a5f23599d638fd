import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Problem } from "../model/problems";
import { type ArgumentMap, argumentMapSchema, MAX_FILE_BYTES } from "../model/schema";
import {
  type ParsedSource,
  parseArgumentSource,
  serializeArgumentSource,
  serializeNewSource,
} from "./argument-file";
import { mapToNormalized } from "./normalized-json";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

function parseOk(text: string, file = "test.yaml"): ParsedSource {
  const result = parseArgumentSource(text, file);
  if (!result.ok)
    throw new Error(result.problems.map((p) => `${p.line}:${p.col} ${p.path} ${p.message}`).join("\n"));
  return result.value;
}

function problemsOf(text: string, file = "test.yaml"): Problem[] {
  const result = parseArgumentSource(text, file);
  if (result.ok) throw new Error("expected problems, the file was valid");
  return result.problems;
}

const lines = (...rows: string[]) => `${rows.join("\n")}\n`;

describe("parsing the authored shape", () => {
  it("reads the example of the product description", () => {
    const { map } = parseOk(fixture("product-example.yaml"));
    expect(map.title).toBe("Russia and Iran after the nuclear deal");
    expect(map.claims.map((c) => c.id)).toEqual([
      "russia-key",
      "no-isolation-without-russia",
      "decoupling-possible",
    ]);
    expect(map.relations).toEqual([
      {
        id: "no-isolation-without-russia-supports-russia-key",
        from: "no-isolation-without-russia",
        to: "russia-key",
        type: "support",
      },
      {
        id: "decoupling-possible-attacks-russia-key",
        from: "decoupling-possible",
        to: "russia-key",
        type: "attack",
      },
    ]);
    expect(map.claims[1].evidence).toEqual(["failing-to-get-russia"]);
    expect(map.evidence[0].read).toEqual([
      "Iran cannot be politically and economically isolated without Russia fully cooperating",
    ]);
  });

  it("derives sides from relations and defaults theses to claims that relate to nothing", () => {
    const { map } = parseOk(
      lines(
        "version: 1",
        "title: T",
        "claims:",
        "  root: { text: Root, side: neg }",
        "  pro: { text: Pro, supports: root }",
        "  con: { text: Con, attacks: root }",
        "  con-con: { text: Answer, attacks: con }",
        "  cut: { text: Cut, attacks: pro-supports-root }",
      ),
    );
    const side = Object.fromEntries(map.claims.map((c) => [c.id, c.side]));
    expect(side).toEqual({ root: "neg", pro: "neg", con: "aff", "con-con": "neg", cut: "aff" });
    expect(map.theses).toEqual(["root"]);
  });

  it("reads several targets, long entries with explicit ids and relation evidence", () => {
    const { map } = parseOk(
      lines(
        "version: 1",
        "title: T",
        "claims:",
        "  a: { text: A }",
        "  b: { text: B }",
        "  c:",
        "    text: C",
        "    supports: [a, { to: b, id: c-backs-b, evidence: [k] }]",
        "evidence:",
        "  k: { tag: K, quote: the quote }",
      ),
    );
    expect(map.relations.map((r) => [r.id, r.to, r.evidence])).toEqual([
      ["c-supports-a", "a", undefined],
      ["c-backs-b", "b", ["k"]],
    ]);
  });

  it("accepts JSON argument files and reports their positions", () => {
    const { map, syntax } = parseOk(fixture("small.json"), "small.json");
    expect(syntax).toBe("json");
    expect(map.claims).toHaveLength(3);
    const problems = problemsOf(
      fixture("small.json").replace('"attacks": "thesis"', '"attacks": "nowhere"'),
      "bad.json",
    );
    expect(problems).toEqual([
      {
        code: "reference",
        file: "bad.json",
        line: 12,
        col: 18,
        path: "claims.objection.attacks",
        message: 'unknown claim or relation "nowhere"',
      },
    ]);
  });

  it("accepts the normalized JSON back", () => {
    const { map } = parseOk(fixture("product-example.yaml"));
    const text = JSON.stringify(mapToNormalized(map), null, 2);
    const again = parseOk(text, "example.json");
    expect(again.shape).toBe("normalized");
    expect(mapToNormalized(again.map)).toEqual(mapToNormalized(map));
  });
});

describe("problems, each with file, line and column", () => {
  it("reports an unknown reference at the reference", () => {
    const problems = problemsOf(
      lines("version: 1", "title: T", "claims:", "  a:", "    text: A", "    supports: ghost"),
    );
    expect(problems).toEqual([
      {
        code: "reference",
        file: "test.yaml",
        line: 6,
        col: 15,
        path: "claims.a.supports",
        message: 'unknown claim or relation "ghost"',
      },
    ]);
  });

  it("reports a duplicate id (a repeated YAML key)", () => {
    const problems = problemsOf(
      lines("version: 1", "title: T", "claims:", "  a: { text: A }", "  a: { text: again }"),
    );
    expect(problems).toEqual([
      {
        code: "duplicate",
        file: "test.yaml",
        line: 5,
        col: 3,
        path: "claims.a",
        message: 'duplicate key "a"',
      },
    ]);
  });

  it("reports a relation id that clashes with a claim id", () => {
    const problems = problemsOf(
      lines(
        "version: 1",
        "title: T",
        "claims:",
        "  a: { text: A }",
        "  b:",
        "    text: B",
        "    supports: [{ to: a, id: a }]",
      ),
    );
    expect(problems).toMatchObject([{ line: 7, col: 29, path: "claims.b.supports[0].id" }]);
    expect(problems[0].message).toContain('"a" is already a claim id');
  });

  it("reports a bad relation type as an unknown field in a file and as a bad value in normalized JSON", () => {
    const fileProblems = problemsOf(
      lines("version: 1", "title: T", "claims:", "  a: { text: A }", "  b:", "    text: B", "    rebuts: a"),
    );
    expect(fileProblems).toEqual([
      {
        code: "shape",
        file: "test.yaml",
        line: 7,
        col: 5,
        path: "claims.b.rebuts",
        message: 'unknown field "rebuts"',
      },
    ]);
    const normalized = JSON.stringify(
      {
        version: 1,
        title: "T",
        theses: ["a"],
        claims: [
          { id: "a", text: "A", side: "aff" },
          { id: "b", text: "B", side: "neg" },
        ],
        relations: [{ id: "r", from: "b", to: "a", type: "rebut" }],
        evidence: [],
      },
      null,
      2,
    );
    const jsonProblems = problemsOf(normalized, "n.json");
    expect(jsonProblems).toHaveLength(1);
    expect(jsonProblems[0]).toMatchObject({ code: "value", path: "relations[0].type", line: 24, col: 15 });
    expect(jsonProblems[0].message).toBe('expected one of "support", "attack", got "rebut"');
  });

  it("reports shape and reference problems of normalized JSON in one run", () => {
    const normalized = JSON.stringify(
      {
        version: 1,
        title: "T",
        theses: ["a"],
        claims: [
          { id: "a", text: "A", side: "aff" },
          { id: "b", text: "B", side: "maybe" },
        ],
        relations: [
          { id: "r1", from: "b", to: "a", type: "rebut" },
          { id: "r2", from: "b", to: "ghost", type: "attack" },
        ],
        evidence: [{ id: "k", tag: "K", quote: "abc", read: ["xyz"] }],
      },
      null,
      2,
    );
    expect(problemsOf(normalized, "n.json").map((p) => p.path)).toEqual([
      "claims[1].side",
      "relations[0].type",
      "relations[1].to",
      "evidence[0].read[0]",
    ]);
  });

  it("reports a YAML syntax error at its place", () => {
    const problems = problemsOf(
      lines("version: 1", "title: T", "claims:", "  a:", "    text: [unclosed", "  b: { text: B }"),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBeGreaterThanOrEqual(5);
    expect(problems[0].message).toMatch(/^YAML syntax: /);
  });

  it("reports a JSON syntax error as such", () => {
    const problems = problemsOf('{\n  "version": 1,\n  "title": "T",\n  "claims": {,\n}\n', "broken.json");
    expect(problems[0]).toMatchObject({ file: "broken.json", line: 4 });
    expect(problems[0].message).toMatch(/^JSON syntax: /);
  });

  it("reports self-relations and supports aimed at relations", () => {
    const problems = problemsOf(
      lines(
        "version: 1",
        "title: T",
        "claims:",
        "  a: { text: A, attacks: a }",
        "  b: { text: B, supports: c-attacks-b }",
        "  c: { text: C, attacks: b }",
      ),
    );
    expect(problems.map((p) => [p.line, p.path, p.message])).toEqual([
      [4, "claims.a.attacks", 'claim "a" cannot attack itself'],
      [
        5,
        "claims.b.supports",
        '"c-attacks-b" is a relation; only an attack (undercut) can target a relation',
      ],
    ]);
  });

  it("reports read spans missing from the quote, unknown cards and non-http links", () => {
    const problems = problemsOf(
      lines(
        "version: 1",
        "title: T",
        "claims:",
        "  a: { text: A, evidence: [k, missing] }",
        "evidence:",
        "  k:",
        "    tag: K",
        "    quote: Russia fully cooperating",
        "    read: [Russia, not there]",
        "    cite:",
        '      url: "javascript:alert(1)"',
      ),
    );
    expect(problems.map((p) => [p.line, p.col, p.path, p.message])).toEqual([
      [4, 31, "claims.a.evidence[1]", 'unknown evidence card "missing"'],
      [9, 20, "evidence.k.read[1]", 'read span "not there" does not occur in the card\'s quote'],
      [
        11,
        12,
        "evidence.k.cite.url",
        'links must be absolute http:// or https:// URLs, got "javascript:alert(1)"',
      ],
    ]);
    const spanProblems = problemsOf(
      lines(
        "version: 1",
        "title: T",
        "claims:",
        "  a: { text: A }",
        "evidence:",
        "  k:",
        "    tag: K",
        "    quote: q",
        "    read: [x]",
      ),
    );
    expect(spanProblems).toEqual([
      {
        code: "value",
        file: "test.yaml",
        line: 9,
        col: 12,
        path: "evidence.k.read[0]",
        message: 'read span "x" does not occur in the card\'s quote',
      },
    ]);
  });

  it("refuses unsupported versions and missing versions", () => {
    expect(problemsOf(lines("version: 2", "title: T", "claims: {}"))).toEqual([
      {
        code: "version",
        file: "test.yaml",
        line: 1,
        col: 10,
        path: "version",
        message: "unsupported version 2 (this Clashmap reads version 1)",
      },
    ]);
    expect(problemsOf(lines("title: T", "claims: {}"))[0].message).toContain('missing "version"');
  });

  it("refuses files over the size limit before parsing them", () => {
    const big = `version: 1\ntitle: T\nclaims: {}\n# ${"x".repeat(MAX_FILE_BYTES)}\n`;
    expect(problemsOf(big)[0].message).toMatch(/limit is/);
  });

  it("refuses ids that are not lowercase kebab-case", () => {
    const problems = problemsOf(lines("version: 1", "title: T", "claims:", "  Bad Id: { text: A }"));
    expect(problems).toMatchObject([{ line: 4, col: 3, path: "claims.Bad Id" }]);
  });

  it("reports every problem of a file at once, in order", () => {
    const problems = problemsOf(
      lines(
        "version: 1",
        "title: ''",
        "claims:",
        "  a: { text: A, side: maybe }",
        "  b: { text: B, supports: ghost }",
        "  c: { text: C, attacks: b, colour: red }",
        "  d: { text: D }",
        "  d: { text: D again }",
      ),
    );
    expect(problems.map((p) => p.line)).toEqual([2, 4, 5, 6, 8]);
  });
});

describe("writing back", () => {
  it("reproduces an untouched file byte for byte", () => {
    for (const name of ["product-example.yaml", "commented.yaml", "small.json"]) {
      const text = fixture(name);
      const source = parseOk(text, name);
      expect(serializeArgumentSource(source, source.map)).toBe(text);
    }
  });

  it("keeps comments, key order and untouched formatting when a claim changes", () => {
    const text = fixture("commented.yaml");
    const source = parseOk(text);
    const edited = structuredClone(source.map);
    edited.claims[1].text = "A changed reason";
    const out = serializeArgumentSource(source, edited);
    const before = text.split("\n");
    const after = out.split("\n");
    expect(after).toHaveLength(before.length);
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed).toEqual(["    text: A changed reason # the reason"]);
  });

  it("adds a rebuttal at the end of the claims with its attack, keeping comments", () => {
    const text = fixture("commented.yaml");
    const source = parseOk(text);
    const edited: ArgumentMap = structuredClone(source.map);
    edited.claims.push({ id: "answer", text: "The objection is wrong", side: "aff" });
    edited.relations.push({
      id: "answer-attacks-objection",
      from: "answer",
      to: "objection",
      type: "attack",
    });
    const out = serializeArgumentSource(source, edited);
    for (const comment of text.split("\n").filter((l) => l.includes("#")))
      expect(out).toContain(comment.trim());
    const again = parseOk(out);
    expect(again.map.claims.at(-1)).toEqual({ id: "answer", text: "The objection is wrong", side: "aff" });
    expect(again.map.relations.at(-1)).toMatchObject({ from: "answer", to: "objection", type: "attack" });
    expect(out.indexOf("answer:")).toBeGreaterThan(out.indexOf("objection:"));
    expect(out).not.toMatch(/answer:\n\s+text: The objection is wrong\n\s+side: aff/);
  });

  it("removes a deleted claim and its relations, and writes relation evidence in long form", () => {
    const source = parseOk(fixture("commented.yaml"));
    const edited = structuredClone(source.map);
    edited.claims = edited.claims.filter((c) => c.id !== "objection");
    edited.relations = edited.relations.filter((r) => r.from !== "objection" && r.to !== "objection");
    edited.relations[0] = { ...edited.relations[0], evidence: ["card-one"] };
    const again = parseOk(serializeArgumentSource(source, edited));
    expect(again.map.claims.map((c) => c.id)).not.toContain("objection");
    expect(again.map.relations[0].evidence).toEqual(["card-one"]);
    expect(mapToNormalized(again.map)).toEqual(mapToNormalized(edited));
  });

  it("keeps a JSON file JSON and a CRLF file CRLF", () => {
    const json = parseOk(fixture("small.json"), "small.json");
    const editedJson = structuredClone(json.map);
    editedJson.title = "Renamed";
    const outJson = serializeArgumentSource(json, editedJson);
    expect(JSON.parse(outJson).title).toBe("Renamed");

    const crlfText = fixture("commented.yaml").replace(/\n/g, "\r\n");
    const crlf = parseOk(crlfText);
    const editedCrlf = structuredClone(crlf.map);
    editedCrlf.claims[0].text = "New thesis text";
    const outCrlf = serializeArgumentSource(crlf, editedCrlf);
    expect(outCrlf).toContain("New thesis text\r\n");
    expect(outCrlf.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("round-trips a normalized map through a new YAML file", () => {
    const source = parseOk(fixture("commented.yaml"));
    const yaml = serializeNewSource(source.map, "yaml");
    expect(yaml.startsWith("# yaml-language-server: $schema=")).toBe(true);
    expect(mapToNormalized(parseOk(yaml).map)).toEqual(mapToNormalized(source.map));
    const json = serializeNewSource(source.map, "json");
    expect(mapToNormalized(parseOk(json, "x.json").map)).toEqual(mapToNormalized(source.map));
  });
});

describe("saving without a change", () => {
  /** What a browser or script sends back: the map after a trip through JSON and the schema. */
  const throughJson = (map: ArgumentMap): ArgumentMap =>
    argumentMapSchema.parse(JSON.parse(JSON.stringify(mapToNormalized(map))));

  it.each(["shapes.yaml", "commented.yaml", "product-example.yaml", "small.json"])(
    "leaves %s byte for byte as it was",
    (name) => {
      const text = fixture(name);
      const source = parseOk(text, name);
      expect(serializeArgumentSource(source, throughJson(source.map))).toBe(text);
    },
  );

  it("leaves the bundled map and an exported normalized file as they were", () => {
    const bundled = readFileSync(path.join(__dirname, "..", "..", "arguments", "russia-iran.yaml"), "utf8");
    const source = parseOk(bundled, "russia-iran.yaml");
    expect(serializeArgumentSource(source, throughJson(source.map))).toBe(bundled);
    const exported = `${JSON.stringify(mapToNormalized({ ...source.map, slug: "russia-iran" }), null, 2)}\n`;
    const normalized = parseOk(exported, "russia-iran.json");
    expect(serializeArgumentSource(normalized, throughJson(normalized.map))).toBe(exported);
  });

  it("keeps claim text exactly, trailing newline included", () => {
    const { map } = parseOk(fixture("shapes.yaml"));
    expect(map.claims[0].text).toBe("A thesis written as a literal block\nover two lines\n");
  });

  it("changes only the edited line when one claim of many changes", () => {
    const text = fixture("shapes.yaml");
    const source = parseOk(text);
    const edited = throughJson(source.map);
    edited.claims[4].text = "Changed";
    const out = serializeArgumentSource(source, edited).split("\n");
    const before = text.split("\n");
    expect(out.filter((line, i) => line !== before[i])).toEqual(["    text: 'Changed'"]);
  });

  it("gives back the file as it was when a deletion is undone, sides included", () => {
    const text = lines(
      "version: 1",
      "title: T",
      "claims:",
      "  thesis:",
      "    text: Thesis",
      "    side: aff",
      "  objection:",
      "    text: An objection",
      "    attacks: thesis",
      "  backing:",
      "    text: Backing for the objection",
      "    supports: objection",
    );
    const source = parseOk(text);
    const deleted = structuredClone(source.map);
    deleted.claims = deleted.claims.filter((c) => c.id !== "objection");
    deleted.relations = deleted.relations.filter((r) => r.from !== "objection" && r.to !== "objection");
    const afterDelete = serializeArgumentSource(source, deleted);
    expect(afterDelete).toContain("  backing:\n    text: Backing for the objection\n    side: neg\n");
    expect(serializeArgumentSource(parseOk(afterDelete), source.map)).toBe(text);
  });

  it("writes block style again after every claim was deleted and one comes back", () => {
    const source = parseOk(fixture("commented.yaml"));
    const emptied = { ...source.map, theses: [], claims: [], relations: [] };
    emptied.evidence = [];
    const emptyText = serializeArgumentSource(source, emptied);
    const empty = parseOk(emptyText);
    const restored = serializeArgumentSource(empty, source.map);
    expect(restored).toMatch(
      /^claims:\n(?: {2}#.*\n)? {2}thesis:\n {4}text: Schools should require uniforms$/m,
    );
    expect(restored).toContain("theses: [thesis]");
    expect(mapToNormalized(parseOk(restored).map)).toEqual(mapToNormalized(source.map));
  });
});
