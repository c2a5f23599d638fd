import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgumentSource } from "../formats/argument-file";
import { randomMap } from "../layout/random-map";
import { analysisCounts, analysisJson, analyzeMap } from "./analyze";
import { framework } from "./fixtures";

function bundled() {
  const file = path.join(__dirname, "..", "..", "arguments", "russia-iran.yaml");
  const parsed = parseArgumentSource(readFileSync(file, "utf8"), "russia-iran.yaml", { slug: "russia-iran" });
  if (!parsed.ok) throw new Error("the bundled map does not parse");
  return parsed.value.map;
}

describe("analyzeMap", () => {
  it("gives every claim of the bundled map a status and a reason", () => {
    const map = bundled();
    const analysis = analyzeMap(map);
    expect(analysis.claims.map((c) => c.id)).toEqual(map.claims.map((c) => c.id));
    for (const claim of analysis.claims) {
      expect(["in", "out", "undecided"]).toContain(claim.status);
      expect(claim.reason.length).toBeGreaterThan(0);
    }
    // The two theses attack each other; a rebuttal the other side answers in turn is refuted.
    expect(analysis.byClaim.get("russia-key")?.status).toBe("undecided");
    expect(analysis.byClaim.get("sanctions-regime-backed")).toMatchObject({
      status: "out",
      reason: expect.stringMatching(/^Refuted by “Russia imposes only UN-mandated sanctions/),
    });
  });

  it("reduces to exactly the command line's JSON fields", () => {
    const json = analysisJson(
      analyzeMap(framework({ claims: { a: "aff", b: "neg" }, attacks: [["b", "a"]] })),
    );
    expect(json).toEqual({
      claims: [
        { id: "a", status: "out", reason: "Refuted by “B”" },
        { id: "b", status: "in", reason: "Unattacked" },
      ],
      unanswered: { aff: [], neg: ["b"] },
      warnings: [
        { kind: "no-evidence", id: "a", message: "“A” has no card and no support" },
        { kind: "no-evidence", id: "b", message: "“B” has no card and no support" },
      ],
    });
  });

  it("counts unanswered arguments and warnings for the library", () => {
    const map = framework({ claims: { a: "aff", b: "neg" }, attacks: [["b", "a"]] });
    expect(analysisCounts(map)).toEqual({ unanswered: 1, warnings: 2 });
  });

  it("analyses a generated map with every claim labelled", () => {
    const map = randomMap(7, { claims: 500, undercuts: 0.1, extraTargets: 0.1 });
    const analysis = analyzeMap(map, { since: 2010 });
    expect(analysis.claims).toHaveLength(500);
    expect(analysis.labelling.relations.size).toBe(map.relations.length);
  });
});
