import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomMap } from "../layout/random-map";
import { relationId } from "../model/ids";
import { indexMap, type MapIndex } from "../model/queries";
import type { ArgumentMap, Relation } from "../model/schema";
import { checkMap } from "../model/validate";
import { groundedLabelling, type Labelling, type Status } from "./grounded";

/** A random valid map with cycles, supports, undercuts and undercuts of undercuts. */
const smallMap = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc
    .record({
      sides: fc.array(fc.constantFrom("aff" as const, "neg" as const), { minLength: n, maxLength: n }),
      links: fc.array(
        fc.record({
          from: fc.nat(n - 1),
          to: fc.nat(n - 1),
          type: fc.constantFrom("attack" as const, "support" as const),
        }),
        { maxLength: 3 * n },
      ),
      undercuts: fc.array(fc.record({ from: fc.nat(n - 1), target: fc.nat(1000) }), { maxLength: n }),
    })
    .map(({ sides, links, undercuts }): ArgumentMap => {
      const claims = sides.map((side, i) => ({ id: `c${i}`, text: `Claim ${i}`, side }));
      const relations: Relation[] = [];
      const add = (relation: Relation) => {
        if (!relations.some((r) => r.id === relation.id)) relations.push(relation);
      };
      for (const { from, to, type } of links) {
        if (from !== to)
          add({ id: relationId(`c${from}`, type, `c${to}`), from: `c${from}`, to: `c${to}`, type });
      }
      for (const { from, target } of undercuts) {
        if (relations.length === 0) break;
        const attacked = relations[target % relations.length];
        if (attacked.from === `c${from}`) continue;
        add({
          id: relationId(`c${from}`, "attack", attacked.id),
          from: `c${from}`,
          to: attacked.id,
          type: "attack",
        });
      }
      return { version: 1, title: "Random", theses: [], claims, relations, evidence: [] };
    }),
);

/** Attacks on a claim or relation (undercuts, for a relation). */
function attacksOn(index: MapIndex, id: string): Relation[] {
  return (index.incoming.get(id) ?? []).filter((r) => r.type === "attack");
}

/**
 * The grounded labelling by its definition: start with nothing labelled and label whatever the
 * labels so far decide, until nothing changes (quadratic, but obviously right).
 */
function naiveGrounded(index: MapIndex): Labelling {
  const claims = new Map<string, Status>();
  const relations = new Map<string, Status>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of index.relations.values()) {
      if (relations.has(r.id)) continue;
      const source = claims.get(r.from);
      const undercuts = attacksOn(index, r.id).map((u) => relations.get(u.id));
      let next: Status | undefined;
      if (source === "out" || undercuts.includes("in")) next = "out";
      else if (source === "in" && undercuts.every((u) => u === "out")) next = "in";
      if (next) {
        relations.set(r.id, next);
        changed = true;
      }
    }
    for (const c of index.claims.values()) {
      if (claims.has(c.id)) continue;
      const attacks = attacksOn(index, c.id).map((a) => relations.get(a.id));
      let next: Status | undefined;
      if (attacks.includes("in")) next = "out";
      else if (attacks.every((a) => a === "out")) next = "in";
      if (next) {
        claims.set(c.id, next);
        changed = true;
      }
    }
  }
  for (const id of index.claims.keys()) if (!claims.has(id)) claims.set(id, "undecided");
  for (const id of index.relations.keys()) if (!relations.has(id)) relations.set(id, "undecided");
  return { claims, relations };
}

/**
 * The labelling is conflict-free and complete, stated over the active attacks (an attack is active
 * when it counts: its source stands and no undercut of it counts):
 * - a standing claim has only refuted attackers: no attack on it is active;
 * - a refuted claim has a standing attacker: some attack on it is active;
 * - a contested claim has neither: some attack on it is not out, and none is active.
 * The same holds one level up for relations and their undercuts.
 */
function completenessViolations(index: MapIndex, labelling: Labelling): string[] {
  const problems: string[] = [];
  const rel = (r: Relation) => labelling.relations.get(r.id);
  for (const c of index.claims.values()) {
    const status = labelling.claims.get(c.id);
    const attacks = attacksOn(index, c.id);
    const active = attacks.some((r) => rel(r) === "in");
    const allOut = attacks.every((r) => rel(r) === "out");
    if (status === "in" && !allOut) problems.push(`${c.id} stands but an attack on it is not out`);
    if (status === "out" && !active) problems.push(`${c.id} is refuted without an active attack`);
    if (status === "undecided" && (allOut || active)) problems.push(`${c.id} is contested but decided`);
  }
  for (const r of index.relations.values()) {
    const status = rel(r);
    const source = labelling.claims.get(r.from);
    const undercuts = attacksOn(index, r.id);
    const disabled = source === "out" || undercuts.some((u) => rel(u) === "in");
    const enabled = source === "in" && undercuts.every((u) => rel(u) === "out");
    if (status === "in" && !enabled) problems.push(`${r.id} counts but its source or an undercut says no`);
    if (status === "out" && !disabled) problems.push(`${r.id} does not count without a reason`);
    if (status === "undecided" && (enabled || disabled)) problems.push(`${r.id} is contested but decided`);
  }
  // Conflict-free: no standing claim is the target of an active attack from a standing claim.
  for (const r of index.relations.values()) {
    if (r.type !== "attack" || rel(r) !== "in") continue;
    if (labelling.claims.get(r.to) === "in") problems.push(`${r.from} and ${r.to} both stand`);
  }
  return problems;
}

describe("grounded labelling on random maps", () => {
  it("generates valid maps", () => {
    fc.assert(fc.property(smallMap, (map) => checkMap(map).length === 0));
  });

  it("is conflict-free and complete", () => {
    fc.assert(
      fc.property(smallMap, (map) => {
        const index = indexMap(map);
        expect(completenessViolations(index, groundedLabelling(index))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("is the least complete labelling: the same as the fixpoint of its definition", () => {
    fc.assert(
      fc.property(smallMap, (map) => {
        const index = indexMap(map);
        const fast = groundedLabelling(index);
        const slow = naiveGrounded(index);
        expect(Object.fromEntries(fast.claims)).toEqual(Object.fromEntries(slow.claims));
        expect(Object.fromEntries(fast.relations)).toEqual(Object.fromEntries(slow.relations));
      }),
      { numRuns: 500 },
    );
  });

  it("holds on larger generated maps with many undercuts and extra targets", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const map = randomMap(seed, { claims: 150, theses: 3, extraTargets: 0.3, undercuts: 0.2 });
        const index = indexMap(map);
        const labelling = groundedLabelling(index);
        expect(completenessViolations(index, labelling)).toEqual([]);
        expect(Object.fromEntries(labelling.claims)).toEqual(Object.fromEntries(naiveGrounded(index).claims));
      }),
      { numRuns: 40 },
    );
  });
});
