import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { randomMap } from "../layout/random-map";
import { readingOrder } from "../model/reading-order";
import type { ArgumentMap } from "../model/schema";
import { depthHeading, serialize } from "./csv";
import { bundledMap, hostileMap } from "./fixtures/export-maps";
import { formatInfo } from "./index";

const map = bundledMap();

function parse(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv, { delimiter: ",", skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

/** Lines of argument: reading steps that nothing further answers (the ends of the branches). */
function linesOfArgument(m: ArgumentMap, from?: string): number {
  const steps = readingOrder(m, { from });
  return steps.filter((s, i) => !(steps[i + 1] && steps[i + 1].depth === s.depth + 1)).length;
}

describe("csv flow sheet", () => {
  it("is registered as CSV", () => {
    expect(formatInfo("csv")).toMatchObject({ extension: "csv", mime: "text/csv" });
  });

  it("has one column per depth and one row per line of argument", () => {
    const rows = parse(serialize(map, {}));
    const depth = Math.max(...readingOrder(map).map((s) => s.depth)) + 1;
    expect(rows[0]).toEqual([...Array.from({ length: depth }, (_, d) => depthHeading(d)), "Sides"]);
    expect(rows.length - 1).toBe(linesOfArgument(map));
    expect(rows[1][0]).toBe("Russia is key to isolating Iran");
    expect(rows[1][1]).toBe("Iran cannot be isolated without Russia's full cooperation");
    expect(rows[1].at(-1)).toMatch(/^AFF thesis → AFF support → AFF support/);
    for (const row of rows) expect(row).toHaveLength(depth + 1);
  });

  it("puts each answer in the column right of what it answers", () => {
    const m = randomMap(4, { claims: 200 });
    const rows = parse(serialize(m, {}));
    expect(rows.length - 1).toBe(linesOfArgument(m));
    const texts = new Map(m.claims.map((c) => [c.id, c.text]));
    const steps = readingOrder(m);
    let row = 0;
    steps.forEach((s, i) => {
      if (i > 0 && s.depth !== steps[i - 1].depth + 1) row++;
      expect(rows[row + 1][s.depth].replace(" (see above)", "")).toBe(texts.get(s.claimId));
    });
  });

  it("exports only the selected claim's subtree", () => {
    const rows = parse(serialize(map, { claimId: "convince-moscow" }));
    expect(rows[1][0]).toBe("Moscow can be persuaded to drop its nuclear support for Iran");
    expect(rows.length - 1).toBe(linesOfArgument(map, "convince-moscow"));
  });
});

describe("csv flow sheet: bad input", () => {
  it("escapes cells a spreadsheet would run as formulas", () => {
    const rows = parse(serialize(hostileMap(), {}));
    const cells = rows.flat();
    expect(cells).toContain(`'=HYPERLINK("http://evil")`);
    expect(cells).toContain("'@SUM(A1) and +1 and -1");
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it("refuses an unknown claim", () => {
    expect(() => serialize(map, { claimId: "nope" })).toThrow(/no claim "nope"/);
  });
});

describe("csv flow sheet: round trip", () => {
  it("keeps commas, quotes and line breaks inside cells", () => {
    const m: ArgumentMap = {
      version: 1,
      title: "t",
      theses: ["a"],
      claims: [
        { id: "a", text: 'Commas, "quotes" and more', side: "aff" },
        { id: "b", text: "Semi; colons | pipes", side: "neg" },
      ],
      relations: [{ id: "r", from: "b", to: "a", type: "attack" }],
      evidence: [],
    };
    expect(parse(serialize(m, {}))[1]).toEqual([
      'Commas, "quotes" and more',
      "Semi; colons | pipes",
      "AFF thesis → NEG attack",
    ]);
  });
});
