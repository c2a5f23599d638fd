import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem, type Problem } from "../model/problems";
import { MAX_ALIAS_COUNT, parseArgumentSource } from "./argument-file";

const FIXTURES = path.join(__dirname, "fixtures", "problems");

/** The problems of a fixture file, as the command line prints them. */
function report(name: string): string[] {
  const result = parseArgumentSource(readFileSync(path.join(FIXTURES, name), "utf8"), name);
  if (result.ok) throw new Error(`${name} was expected to have problems`);
  return result.problems.map(formatProblem);
}

function problems(name: string): Problem[] {
  const result = parseArgumentSource(readFileSync(path.join(FIXTURES, name), "utf8"), name);
  return result.ok ? [] : result.problems;
}

describe("every problem in one pass", () => {
  it("reports shape, value and reference problems of one file together", () => {
    expect(report("one-pass.yaml")).toEqual([
      'one-pass.yaml:10:11  claims.cheaper.side  expected one of "aff", "neg", got "pro"',
      'one-pass.yaml:11:15  claims.cheaper.supports  unknown claim or relation "thesiss"',
      'one-pass.yaml:14:5  claims.safer.colour  unknown field "colour"',
      'one-pass.yaml:15:14  claims.safer.attacks  claim "safer" cannot attack itself',
      'one-pass.yaml:16:16  claims.safer.evidence[0]  unknown evidence card "no-such-card"',
      'one-pass.yaml:21:12  evidence.cost-study.read[0]  read span "spend less on shoes" does not occur in the card\'s quote',
      'one-pass.yaml:23:12  evidence.cost-study.cite.url  links must be absolute http:// or https:// URLs, got "ftp://example.org/study"',
    ]);
    expect(problems("one-pass.yaml").map((p) => p.code)).toEqual([
      "value",
      "reference",
      "shape",
      "reference",
      "reference",
      "value",
      "value",
    ]);
  });

  it("checks the references of a normalized relation whose type is wrong, and the others", () => {
    expect(report("relation-typo.json")).toEqual([
      'relation-typo.json:10:83  relations[0].type  expected one of "support", "attack", got "supportz"',
      'relation-typo.json:11:64  relations[1].to  unknown claim or relation "ghost"',
    ]);
  });

  it("reads a file without a version as version 1 and still reports the rest", () => {
    const text = "title: T\nclaims:\n  a: { text: A, supports: ghost }\n";
    const result = parseArgumentSource(text, "t.yaml");
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      't.yaml:1:1  (document)  missing "version" (this Clashmap reads version 1)',
      't.yaml:3:27  claims.a.supports  unknown claim or relation "ghost"',
    ]);
  });
});

describe("messages quote the offending value", () => {
  const one = (text: string) => {
    const result = parseArgumentSource(`version: 1\ntitle: T\n${text}`, "q.yaml");
    return result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}: ${p.message}`);
  };

  it("quotes a wrong type, a bad id and an empty text", () => {
    expect(one("claims:\n  a: { text: 3 }\n")).toEqual(["shape claims.a.text: expected text, got 3"]);
    expect(one("theses: [Big Thesis]\nclaims:\n  a: { text: A }\n")).toEqual([
      "value theses[0]: ids are lowercase letters, digits, '-' or '_' (at most 128), got \"Big Thesis\"",
    ]);
    expect(one("claims:\n  a: { text: '' }\n")).toEqual(["value claims.a.text: must not be empty"]);
    expect(one("claims:\n  a: { text: A, tags: [[x]] }\n")).toEqual([
      "shape claims.a.tags[0]: expected text, got a list",
    ]);
  });

  it("names the claim of every self-relation", () => {
    expect(one("claims:\n  a: { text: A, supports: a }\n  b: { text: B, attacks: [b] }\n")).toEqual([
      'reference claims.a.supports: claim "a" cannot support itself',
      'reference claims.b.attacks[0]: claim "b" cannot attack itself',
    ]);
  });
});

describe("syntax errors where they start", () => {
  it("reports an unclosed quote at the line it was opened on, not at the end of the file", () => {
    expect(report("unclosed-quote.yaml")).toEqual([
      'unclosed-quote.yaml:8:11  claims.cheaper.text  YAML syntax: the " opened here is never closed (the quoted text runs on to the end of the file)',
    ]);
    expect(problems("unclosed-quote.yaml")[0].code).toBe("syntax");
  });

  it("reports an unclosed single quote and an unclosed bracket where they open", () => {
    const single = parseArgumentSource(
      "version: 1\ntitle: T\nclaims:\n  a:\n    text: 'open\n  b:\n    text: B\n",
      "s.yaml",
    );
    expect(single.ok ? [] : single.problems.map(formatProblem)).toEqual([
      "s.yaml:5:11  claims.a.text  YAML syntax: the ' opened here is never closed (the quoted text runs on to the end of the file)",
    ]);
    const bracket = parseArgumentSource(
      readFileSync(path.join(__dirname, "..", "..", "e2e", "fixtures", "maps", "broken-map.yaml"), "utf8"),
      "broken-map.yaml",
    );
    expect(bracket.ok ? [] : bracket.problems.map(formatProblem)).toEqual([
      "broken-map.yaml:8:11  claims.second.text  YAML syntax: the [ opened here is not closed by a ] (still open at line 9, column 5)",
    ]);
  });
});

describe("characters YAML forbids", () => {
  it("reports a NUL inside a cite link at its line and column", () => {
    expect(report("control-character.yaml")).toEqual([
      'control-character.yaml:13:12  evidence.study.cite.url  links must be absolute http:// or https:// URLs, got "https://example.org/st\\u0000udy"',
      "control-character.yaml:13:35  (document)  YAML syntax: the control character U+0000 (NUL) is not allowed in the file; delete it",
    ]);
  });

  it("reports DEL and C1 controls in YAML, and control characters in JSON, but allows tab and CRLF", () => {
    const yaml = parseArgumentSource(
      'version: 1\ntitle: T\x7f\nclaims:\n  a: { text: "A\x85B\u0090" }\n',
      "c.yaml",
    );
    expect(yaml.ok ? [] : yaml.problems.map(formatProblem)).toEqual([
      "c.yaml:2:9  (document)  YAML syntax: the control character U+007F (DEL) is not allowed in the file; delete it",
      "c.yaml:4:18  (document)  YAML syntax: the control character U+0090 is not allowed in the file; delete it",
    ]);
    const json = parseArgumentSource(
      '{"version": 1, "title": "T\x1b", "claims": {"a": {"text": "A"}}}',
      "c.json",
    );
    expect(json.ok ? [] : json.problems.map(formatProblem)).toEqual([
      "c.json:1:27  (document)  JSON syntax: the control character U+001B (ESC) is not allowed in the file; delete it",
    ]);
    const fine = parseArgumentSource(
      'version: 1\r\ntitle: T\r\nclaims:\r\n  a: { text: "A\tB" }\r\n',
      "f.yaml",
    );
    expect(fine.ok).toBe(true);
  });

  it("reports the first such character of a line, on at most 20 lines", () => {
    const text = `version: 1\ntitle: T\nclaims:\n  a: { text: A }\n${"# a\u0000b\u0000c\n".repeat(30)}`;
    const result = parseArgumentSource(text, "many.yaml");
    const found = result.ok ? [] : result.problems;
    expect(found).toHaveLength(20);
    expect(found.map((p) => `${p.line}:${p.col}`)).toEqual(
      Array.from({ length: 20 }, (_, i) => `${i + 5}:4`),
    );
  });
});

describe("a file the parser gives up on", () => {
  it("reports an alias bomb as a size problem at its first alias", () => {
    const found = problems("alias-bomb.yaml");
    expect(found).toEqual([
      {
        code: "size",
        file: "alias-bomb.yaml",
        line: 10,
        col: 10,
        path: "notes.b[0]",
        message: `the aliases (*name) in this file expand to too much data (over ${MAX_ALIAS_COUNT} expansions); write the repeated parts out`,
      },
    ]);
  });

  it("reports an alias without an anchor at the alias", () => {
    const result = parseArgumentSource("version: 1\ntitle: T\nclaims:\n  a: { text: *nowhere }\n", "a.yaml");
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      "a.yaml:4:14  claims.a.text  YAML syntax: the alias *nowhere names no anchor set before it",
    ]);
  });

  it("still reads a file that uses a few aliases", () => {
    const result = parseArgumentSource(
      "version: 1\ntitle: T\nclaims:\n  a: { text: &t Shared text }\n  b: { text: *t, supports: a }\n",
      "ok.yaml",
    );
    expect(result.ok && result.value.map.claims[1].text).toBe("Shared text");
  });
});
