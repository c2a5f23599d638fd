import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgumentSource } from "../formats/argument-file";
import { layoutMap } from "../layout/layout";
import { indexMap } from "../model/queries";
import type { ArgumentMap } from "../model/schema";
import { frameBox, presentationSteps, revealedAt, stepCards, stepFromParam, visiblePart } from "./steps";

function map(
  relations: [string, "support" | "attack", string, string?][],
  theses: string[],
  presentation?: string[],
): ArgumentMap {
  const ids = new Set<string>(theses);
  const relationIds = new Set(relations.map((r) => r[3]));
  for (const [from, , to] of relations) {
    ids.add(from);
    if (!relationIds.has(to)) ids.add(to);
  }
  return {
    version: 1,
    title: "t",
    theses,
    ...(presentation ? { presentation } : {}),
    claims: [...ids].map((id) => ({ id, text: `Claim ${id}`, side: "aff" as const })),
    relations: relations.map(([from, type, to, id], i) => ({ id: id ?? `r${i}`, from, to, type })),
    evidence: [],
  };
}

const order = (m: ArgumentMap, from?: string) => presentationSteps(m, { from }).map((s) => s.claimId);

describe("presentation steps", () => {
  it("goes depth first: a claim's whole subtree before its next sibling", () => {
    const m = map(
      [
        ["s1", "support", "t"],
        ["s2", "support", "t"],
        ["s1a", "support", "s1"],
        ["s1aa", "attack", "s1a"],
      ],
      ["t"],
    );
    expect(order(m)).toEqual(["t", "s1", "s1a", "s1aa", "s2"]);
  });

  it("shows a claim's supports before its attacks, whatever the file's order", () => {
    const m = map(
      [
        ["a1", "attack", "t"],
        ["s1", "support", "t"],
        ["a2", "attack", "t"],
        ["s2", "support", "t"],
      ],
      ["t"],
    );
    expect(order(m)).toEqual(["t", "s1", "s2", "a1", "a2"]);
  });

  it("puts every rebuttal right after what it answers", () => {
    const m = map(
      [
        ["a1", "attack", "t"],
        ["a1x", "attack", "a1"],
        ["a1xx", "attack", "a1x"],
        ["a2", "attack", "t"],
      ],
      ["t"],
    );
    const steps = presentationSteps(m);
    expect(steps.map((s) => s.claimId)).toEqual(["t", "a1", "a1x", "a1xx", "a2"]);
    expect(steps.map((s) => s.parentId)).toEqual([undefined, "t", "a1", "a1x", "t"]);
    expect(steps.map((s) => s.depth)).toEqual([0, 1, 2, 3, 1]);
  });

  it("shows a shared claim once, where it is first reached", () => {
    const m = map(
      [
        ["shared", "support", "s1"],
        ["shared", "attack", "a1"],
        ["s1", "support", "t"],
        ["a1", "attack", "t"],
        ["child", "support", "shared"],
      ],
      ["t"],
    );
    expect(order(m)).toEqual(["t", "s1", "shared", "child", "a1"]);
  });

  it("shows each thesis once, even when the theses attack each other", () => {
    const m = map(
      [
        ["t1", "attack", "t2"],
        ["t2", "attack", "t1"],
        ["x", "support", "t2"],
      ],
      ["t1", "t2"],
    );
    expect(order(m)).toEqual(["t1", "t2", "x"]);
  });

  it("reads an undercut after the link it attacks", () => {
    const m = map(
      [
        ["s1", "support", "t", "link"],
        ["u", "attack", "link"],
        ["a1", "attack", "t"],
      ],
      ["t"],
    );
    const steps = presentationSteps(m);
    expect(steps.map((s) => s.claimId)).toEqual(["t", "s1", "u", "a1"]);
    expect(steps[2]).toMatchObject({ role: "undercut", parentId: "s1", relationId: "r1" });
  });

  it("follows the file's presentation list instead, keeping what each claim answers", () => {
    const m = map(
      [
        ["s1", "support", "t"],
        ["a1", "attack", "t"],
        ["a1x", "attack", "a1"],
      ],
      ["t"],
      ["t", "a1", "a1x", "s1"],
    );
    const steps = presentationSteps(m);
    expect(steps.map((s) => s.claimId)).toEqual(["t", "a1", "a1x", "s1"]);
    expect(steps[3]).toMatchObject({ claimId: "s1", parentId: "t", role: "support" });
  });

  it("presents only the listed claims when the list leaves some out", () => {
    const m = map(
      [
        ["s1", "support", "t"],
        ["a1", "attack", "t"],
      ],
      ["t"],
      ["t", "a1"],
    );
    expect(order(m)).toEqual(["t", "a1"]);
  });

  it("presents from a claim: its subtree only, the claim first", () => {
    const m = map(
      [
        ["s1", "support", "t"],
        ["s1a", "attack", "s1"],
        ["s1b", "support", "s1"],
        ["a1", "attack", "t"],
      ],
      ["t"],
    );
    const steps = presentationSteps(m, { from: "s1" });
    expect(steps.map((s) => s.claimId)).toEqual(["s1", "s1b", "s1a"]);
    expect(steps[0]).toMatchObject({ depth: 0, role: "thesis" });
    expect(steps[0].parentId).toBeUndefined();
  });

  it("presents from a claim in the list's order, when the file has one", () => {
    const m = map(
      [
        ["s1", "support", "t"],
        ["s1a", "attack", "s1"],
        ["s1b", "support", "s1"],
        ["a1", "attack", "t"],
      ],
      ["t"],
      ["a1", "s1a", "t", "s1b", "s1"],
    );
    expect(order(m, "s1")).toEqual(["s1", "s1a", "s1b"]);
  });

  it("ignores an unknown claim to present from and presents the whole map", () => {
    const m = map([["s1", "support", "t"]], ["t"]);
    expect(order(m, "nope")).toEqual(["t", "s1"]);
  });
});

describe("what a step shows", () => {
  const m = map(
    [
      ["s1", "support", "t", "link"],
      ["u", "attack", "link"],
      ["a1", "attack", "t"],
    ],
    ["t"],
  );
  const layout = layoutMap(m);
  const steps = presentationSteps(m);

  it("reveals one more claim per step and nothing ahead", () => {
    for (let i = 0; i < steps.length; i++) expect(revealedAt(steps, i).size).toBe(i + 1);
    expect([...revealedAt(steps, 1)]).toEqual(["t", "s1"]);
  });

  it("draws an edge only between shown claims, and an undercut once its link is shown", () => {
    expect(visiblePart(layout, revealedAt(steps, 0)).edges.size).toBe(0);
    expect([...visiblePart(layout, revealedAt(steps, 1)).edges]).toEqual(["link"]);
    const withUndercut = visiblePart(layout, revealedAt(steps, 2));
    expect([...withUndercut.edges].sort()).toEqual(["link", "r1"]);
    expect([...withUndercut.anchors]).toEqual(["anchor:link"]);
    expect(visiblePart(layout, revealedAt(steps, 3)).edges.size).toBe(3);
  });

  it("frames the claim with the claim it answers", () => {
    const box = frameBox(layout, steps[1], revealedAt(steps, 1))!;
    for (const id of ["t", "s1"]) {
      const n = layout.nodes.find((node) => node.id === id)!;
      expect(n.x).toBeGreaterThanOrEqual(box.x);
      expect(n.y).toBeGreaterThanOrEqual(box.y);
      expect(n.x + n.width).toBeLessThanOrEqual(box.x + box.width);
      expect(n.y + n.height).toBeLessThanOrEqual(box.y + box.height);
    }
    const thesis = layout.nodes.find((node) => node.id === "t")!;
    expect(frameBox(layout, steps[0], revealedAt(steps, 0))).toEqual({
      x: thesis.x,
      y: thesis.y,
      width: thesis.width,
      height: thesis.height,
    });
  });
});

describe("the step in the address", () => {
  it("is 1-based and clamped to the presentation", () => {
    expect(stepFromParam(undefined, 5)).toBe(0);
    expect(stepFromParam(1, 5)).toBe(0);
    expect(stepFromParam(3, 5)).toBe(2);
    expect(stepFromParam(99, 5)).toBe(4);
    expect(stepFromParam(0, 5)).toBe(0);
    expect(stepFromParam(2, 0)).toBe(0);
  });
});

describe("the bundled map", () => {
  it("presents every claim exactly once", () => {
    const file = path.join(__dirname, "..", "..", "arguments", "russia-iran.yaml");
    const parsed = parseArgumentSource(readFileSync(file, "utf8"), "russia-iran.yaml");
    if (!parsed.ok) throw new Error("the bundled map does not parse");
    const ids = order(parsed.value.map);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(parsed.value.map.claims.map((c) => c.id).sort());
    expect(ids.slice(0, 1)).toEqual(["russia-key"]);
  });
});

describe("the cards of a step", () => {
  it("are the relation's cards, then the claim's own, each once", () => {
    const m: ArgumentMap = {
      ...map([["s1", "support", "t"]], ["t"]),
      evidence: ["c1", "c2", "c3"].map((id) => ({ id, tag: id, quote: "q" })),
    };
    m.relations[0].evidence = ["c2", "c1"];
    m.claims = m.claims.map((c) => (c.id === "s1" ? { ...c, evidence: ["c1", "c3"] } : c));
    const steps = presentationSteps(m);
    const index = indexMap(m);
    expect(stepCards(index, steps[1]).map((c) => c.id)).toEqual(["c2", "c1", "c3"]);
    expect(stepCards(index, steps[0])).toEqual([]);
  });
});
