import { describe, expect, it } from "vitest";
import { parseArgumentSource, serializeArgumentSource } from "../formats/argument-file";
import { deleteClaim } from "../model/edits";
import { formatProblem } from "../model/problems";
import { presentationSteps } from "./steps";

const FILE = `version: 1
title: Uniforms
presentation:
  - uniforms
  - bullying
  - expression
claims:
  uniforms:
    text: Schools should require uniforms
    side: aff
  expression:
    text: Uniforms suppress self-expression
    attacks: uniforms
  bullying:
    text: Uniforms reduce bullying
    supports: uniforms
`;

describe("the presentation list in an argument file", () => {
  it("is read and sets the order of the steps", () => {
    const parsed = parseArgumentSource(FILE, "uniforms.yaml");
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join("\n"));
    expect(parsed.value.map.presentation).toEqual(["uniforms", "bullying", "expression"]);
    expect(presentationSteps(parsed.value.map).map((s) => s.claimId)).toEqual([
      "uniforms",
      "bullying",
      "expression",
    ]);
  });

  it("reports unknown ids and duplicates at their line and column", () => {
    const text = FILE.replace(
      "  - bullying\n  - expression\n",
      "  - bulying\n  - expression\n  - uniforms\n",
    );
    const parsed = parseArgumentSource(text, "uniforms.yaml");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map(formatProblem)).toEqual([
      'uniforms.yaml:5:5  presentation[1]  unknown claim "bulying"',
      'uniforms.yaml:7:5  presentation[3]  claim "uniforms" is already listed',
    ]);
  });

  it("must list ids", () => {
    const parsed = parseArgumentSource(FILE.replace("  - bullying\n", "  - Bullying!\n"), "uniforms.yaml");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toMatchObject({ line: 5, path: "presentation[1]" });
  });

  it("is checked in normalized JSON too", () => {
    const json = JSON.stringify({
      version: 1,
      title: "t",
      theses: ["a"],
      presentation: ["a", "zzz"],
      claims: [{ id: "a", text: "A", side: "aff" }],
      relations: [],
      evidence: [],
    });
    const parsed = parseArgumentSource(json, "t.json");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => `${p.path} ${p.message}`)).toEqual([
      'presentation[1] unknown claim "zzz"',
    ]);
  });

  it("is kept when the file is saved, and loses a claim that is deleted", () => {
    const parsed = parseArgumentSource(FILE, "uniforms.yaml");
    if (!parsed.ok) throw new Error("does not parse");
    const { map } = parsed.value;
    expect(serializeArgumentSource(parsed.value, map)).toBe(FILE);
    const without = {
      ...map,
      presentation: ["uniforms", "expression"],
      claims: map.claims.filter((c) => c.id !== "bullying"),
      relations: map.relations.filter((r) => r.from !== "bullying"),
    };
    const saved = serializeArgumentSource(parsed.value, without);
    expect(saved).toContain("presentation:\n  - uniforms\n  - expression\nclaims:");
    const again = parseArgumentSource(saved, "uniforms.yaml");
    expect(again.ok).toBe(true);
  });

  it("drops a claim deleted in the workspace, so the file stays valid", () => {
    const parsed = parseArgumentSource(FILE, "uniforms.yaml");
    if (!parsed.ok) throw new Error("does not parse");
    const edited = deleteClaim(parsed.value.map, "bullying", { withDescendants: true });
    expect(edited.presentation).toEqual(["uniforms", "expression"]);
    expect(parseArgumentSource(serializeArgumentSource(parsed.value, edited), "uniforms.yaml").ok).toBe(true);
  });
});
