import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgumentSource } from "../formats/argument-file";
import { randomMap } from "../layout/random-map";
import { nestReadingOrder, type ReadingNode, readingOrder } from "./reading-order";
import type { ArgumentMap } from "./schema";

const ARGUMENTS = path.join(__dirname, "..", "..", "arguments");

function bundled(): [string, ArgumentMap][] {
  return readdirSync(ARGUMENTS)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .map((name) => {
      const parsed = parseArgumentSource(readFileSync(path.join(ARGUMENTS, name), "utf8"), name);
      if (!parsed.ok) throw new Error(`${name} does not parse`);
      return [name, parsed.value.map];
    });
}

/** Claims read in full and relations read, counted over a nested outline. */
function counts(nodes: readonly ReadingNode[]) {
  const full = new Map<string, number>();
  const relations = new Map<string, number>();
  const visit = (node: ReadingNode, depth: number) => {
    expect(node.step.depth).toBe(depth);
    if (!node.step.repeat) full.set(node.step.claimId, (full.get(node.step.claimId) ?? 0) + 1);
    const id = node.step.relation?.id;
    if (id) relations.set(id, (relations.get(id) ?? 0) + 1);
    if (node.step.repeat) {
      // A reference carries nothing below it but the undercuts of the link that brought it here.
      for (const child of node.children) expect(child.step.role).toBe("undercut");
    }
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const node of nodes) visit(node, 0);
  return { full, relations };
}

function expectEverythingOnce(map: ArgumentMap) {
  const steps = readingOrder(map);
  const tree = nestReadingOrder(steps);
  const { full, relations } = counts(tree);
  expect([...full.keys()].sort()).toEqual(map.claims.map((c) => c.id).sort());
  expect([...full.values()].every((n) => n === 1)).toBe(true);
  expect([...relations.keys()].sort()).toEqual(map.relations.map((r) => r.id).sort());
  expect([...relations.values()].every((n) => n === 1)).toBe(true);
}

describe("the outline of every bundled map", () => {
  it.each(bundled())("%s shows every claim in full once and every relation once", (_name, map) => {
    expectEverythingOnce(map);
  });

  it("reads the undercut on a link whose source claim was shown earlier", () => {
    const map = bundled().find(([name]) => name === "russia-iran.yaml")?.[1];
    if (!map) throw new Error("russia-iran.yaml is missing");
    const step = readingOrder(map).find((s) => s.claimId === "rosatom-fears-unreliability");
    expect(step).toMatchObject({ role: "undercut", repeat: false });
  });
});

describe("the outline of generated maps", () => {
  const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
  it.each(seeds)("seed %i: shared claims and undercuts all appear", (seed) => {
    const map = randomMap(seed, {
      claims: 30 + seed * 5,
      theses: 1 + (seed % 3),
      extraTargets: 0.25,
      undercuts: 0.2,
    });
    expect(map.relations.some((r) => r.id.endsWith("-u"))).toBe(true);
    expect(map.relations.some((r) => r.id.endsWith("-x"))).toBe(true);
    expectEverythingOnce(map);
  });
});

describe("nesting a reading order", () => {
  it("puts each step under the last step one level up", () => {
    const step = (claimId: string, depth: number) => ({
      claimId,
      depth,
      role: "support" as const,
      repeat: false,
    });
    const tree = nestReadingOrder([step("t", 0), step("a", 1), step("b", 2), step("c", 1), step("u", 0)]);
    const shape = (nodes: ReadingNode[]): unknown =>
      nodes.map((n) => [n.step.claimId, ...(n.children.length ? [shape(n.children)] : [])]);
    expect(shape(tree)).toEqual([["t", [["a", [["b"]]], ["c"]]], ["u"]]);
  });
});
