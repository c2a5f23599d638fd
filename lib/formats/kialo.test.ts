import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bigKialo } from "../../tests/bench/big-files";
import type { ArgumentMap } from "../model/schema";
import { parseArgumentSource, serializeNewSource } from "./argument-file";
import { detect, parse } from "./kialo";

const SAMPLE = path.resolve(__dirname, "../../../shared/samples/kialo/russia-iran.txt");

function imported(text: string, file = "discussion.txt"): { map: ArgumentMap; report: string[] } {
  const result = parse(text, file);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join("\n"));
  return result.value;
}

/** Each relation as `from type to` by claim text, undercuts by the text of the link they attack. */
function links(map: ArgumentMap): string[] {
  const text = new Map(map.claims.map((c) => [c.id, c.text]));
  return map.relations.map((r) => `${text.get(r.from)} ${r.type} ${text.get(r.to)}`);
}

function valid(map: ArgumentMap): boolean {
  return parseArgumentSource(serializeNewSource(map, "yaml"), "check.yaml").ok;
}

const SMALL = [
  "Discussion Title: Should cities ban cars?",
  "",
  "1. Cities should ban cars.",
  "1.1. Pro: Cars pollute the air.",
  "1.1.1. Con: Electric cars do not.",
  "1.2. Con: Deliveries need vehicles.",
  "1.2.1. Pro: -> See 1.1.1.",
  "",
].join("\n");

describe("import", () => {
  it("reads the numbered path as the parent, Pro as support and Con as attack", () => {
    const { map, report } = imported(SMALL);
    expect(map.title).toBe("Should cities ban cars?");
    expect(map.claims.map((c) => c.text)).toEqual([
      "Cities should ban cars.",
      "Cars pollute the air.",
      "Electric cars do not.",
      "Deliveries need vehicles.",
    ]);
    expect(links(map)).toEqual([
      "Cars pollute the air. support Cities should ban cars.",
      "Electric cars do not. attack Cars pollute the air.",
      "Deliveries need vehicles. attack Cities should ban cars.",
      "Electric cars do not. support Deliveries need vehicles.",
    ]);
    expect(map.theses).toEqual(["cities-should-ban-cars"]);
    expect(map.claims.map((c) => c.side)).toEqual(["aff", "aff", "neg", "neg"]);
    expect(map.claims[2].notes).toBe("Kialo 1.1.1");
    expect(report).toContain('1 "-> See" link joined to the claim already in the map');
    expect(valid(map)).toBe(true);
  });

  it("keeps claims that run over several lines, Markdown links and escaped brackets; reads CRLF", () => {
    const text = [
      "Discussion Title: T",
      "",
      "1. Thesis \\(with brackets\\) and \\[square\\] ones.",
      "1.1. Pro: First line,",
      "second line with a [link](https://example.org/a).",
      "1.2. Con: Plain.",
    ].join("\r\n");
    const { map } = imported(text);
    expect(map.claims.map((c) => c.text)).toEqual([
      "Thesis (with brackets) and [square] ones.",
      "First line,\nsecond line with a [link](https://example.org/a).",
      "Plain.",
    ]);
  });

  it("keeps a javascript: link's words only, with no stray bracket, and says so", () => {
    const { map, report } = imported(
      "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: See [this](javascript:alert(1)) or [that](https://example.org/a_(b)).\n",
    );
    expect(map.claims[1].text).toBe("See this or [that](https://example.org/a_(b)).");
    expect(report).toContain("1 link to something other than a web address kept as its words only");
  });

  it("imports a claim without a stance as a support and says so", () => {
    const { map, report } = imported("1. Which pet is best?\n1.1. Dogs.\n1.1.1. Con: They need walks.\n");
    expect(links(map)).toEqual(["Dogs. support Which pet is best?", "They need walks. attack Dogs."]);
    expect(map.title).toBe("Which pet is best?");
    expect(report).toContain("1 claim without a Pro or Con stance imported as support");
  });

  it("reads a numbered list or a figure inside a claim's text as text", () => {
    const { map } = imported(
      "1. Thesis.\n1.1. Pro: Two reasons:\n1. cost\n2.5. percent of budget\n1.2. Con: No.\n",
    );
    expect(map.claims.map((c) => c.text)).toEqual([
      "Thesis.",
      "Two reasons:\n1. cost\n2.5. percent of budget",
      "No.",
    ]);
  });

  it("reads a numbered list of several items inside a claim's text as text, not as new theses", () => {
    const { map } = imported("1. Thesis.\n1.1. Pro: Steps:\n1. first\n2. second\n3. third\n1.2. Con: No.\n");
    expect(map.claims.map((c) => c.text)).toEqual([
      "Thesis.",
      "Steps:\n1. first\n2. second\n3. third",
      "No.",
    ]);
  });

  it("keeps markup as text and counts it", () => {
    const { map, report } = imported("1. Thesis.\n1.1. Pro: </text><script>alert(1)</script>\n");
    expect(map.claims[1].text).toBe("</text><script>alert(1)</script>");
    expect(report).toContain("1 claim with HTML-like markup kept as plain text");
  });

  it("imports a 1,000-claim discussion with its links joined", () => {
    const big = bigKialo(1000);
    const { map, report } = imported(big.text, "big.txt");
    expect(map.claims).toHaveLength(big.claims);
    expect(report.join("\n")).toContain(`${big.sees} "-> See" links joined`);
    expect(valid(map)).toBe(true);
  });

  it("detects Kialo exports by their title line or their numbering", () => {
    expect(detect(SMALL)).toBe(true);
    expect(detect("1. Thesis\n1.1. Con: No\n")).toBe(true);
    expect(detect("version: 1\nclaims: {}\n")).toBe(false);
    expect(detect("[A]: text\n  + [B]: b\n")).toBe(false);
  });
});

describe("errors", () => {
  it("a claim whose parent is missing (wrong nesting) is an error at its line", () => {
    const result = parse("1. Thesis.\n1.1. Pro: Yes.\n1.3.1. Con: Orphan.\n", "broken.txt");
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          code: "reference",
          file: "broken.txt",
          line: 3,
          col: 1,
          path: "1.3.1",
          message: "no parent: there is no claim numbered 1.3",
        },
      ],
    });
  });

  it("a `-> See` link to no claim (a dangling reference) is an error at its line", () => {
    const result = parse("1. Thesis.\n1.1. Pro: Yes.\n1.2. Con: -> See 1.9.\n", "see.txt");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        code: "reference",
        file: "see.txt",
        line: 3,
        col: 1,
        path: "1.2",
        message: '"-> See 1.9" names no claim of this discussion',
      },
    ]);
  });

  it("a file cut off after a stance (truncated) is an error at the empty claim", () => {
    const result = parse("Discussion Title: T\n\n1. Thesis.\n1.1. Pro:", "cut.txt");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ line: 4, path: "1.1", message: "claim 1.1 has no text" });
  });

  it("a path numbered twice, and a file with no numbered claims, are errors", () => {
    const twice = parse("1. T.\n1.1. Pro: A.\n1.1. Con: B.\n", "twice.txt");
    expect(twice.ok).toBe(false);
    if (!twice.ok)
      expect(twice.problems[0]).toMatchObject({ line: 3, message: "the path 1.1 is numbered twice" });
    const none = parse("Discussion Title: Nothing here\n", "none.txt");
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.problems[0].message).toMatch(/^no numbered claims/);
  });
});

describe("the shared sample", () => {
  it.skipIf(!existsSync(SAMPLE))("imports with the counts its README gives", () => {
    const { map, report } = imported(readFileSync(SAMPLE, "utf8"), "russia-iran.txt");
    expect(map.claims).toHaveLength(11);
    expect(map.relations.filter((r) => r.type === "support")).toHaveLength(5);
    expect(map.relations.filter((r) => r.type === "attack")).toHaveLength(6);
    expect(report).toContain('1 "-> See" link joined to the claim already in the map');
    expect(map.claims.some((c) => c.text.includes("(and the engineers to run it)"))).toBe(true);
    expect(
      map.claims.some((c) =>
        c.text.includes("[UN Security Council resolutions](https://www.un.org/securitycouncil/)"),
      ),
    ).toBe(true);
    expect(valid(map)).toBe(true);
  });
});
