import type { MapIndex } from "../model/queries";

/**
 * The label of a claim or a relation in the grounded labelling: `in` (the claim stands, the
 * relation counts), `out` (refuted, or the relation does not count) or `undecided` (contested).
 */
export type Status = "in" | "out" | "undecided";

/** The grounded labelling of one map: a status for every claim and every relation. */
export interface Labelling {
  claims: Map<string, Status>;
  /**
   * Whether each relation counts: `in` when its source stands and no undercut of it counts,
   * `out` when its source is refuted or an undercut of it counts, `undecided` otherwise.
   */
  relations: Map<string, Status>;
}

/**
 * The grounded labelling (Dung 1995) of a map's attacks, in time linear in its claims and relations.
 *
 * Semantics. Undercuts attack relations, and undercuts can themselves be undercut, so the map is
 * first flattened into a plain Dung framework with three kinds of argument:
 * - every claim `c`;
 * - for every relation `r` from `a`, an argument `r` meaning "this relation counts";
 * - for every relation `r` from `a`, a helper `¬a` ("its source does not stand"), attacked by `a`
 *   alone, which attacks `r`.
 *
 * An attack `r` from `a` on a claim `b` becomes `r → b`; an undercut `u` of a relation `r` becomes
 * `u → r`; a support attacks nothing (supports never change a claim's status; they matter to the
 * evidence checks, where a claim may rest on a standing support). So a relation counts exactly when
 * its source stands and none of its undercuts counts, and it is out when its source is refuted or
 * one of its undercuts counts: an undercut disables a support or an attack the same way, and a
 * claim stands when every attack on it is out, whether its attacker is refuted or the attack is
 * undercut. The labelling of the flattened framework is complete and conflict-free, and restricted
 * to claims it is the grounded labelling of the attacks that count.
 *
 * The algorithm is the usual one: arguments without attackers are in; whatever an in argument
 * attacks is out; an argument whose attackers are all out becomes in; what is left is undecided.
 * Relations whose ends are missing from the map are ignored.
 */
export function groundedLabelling(index: MapIndex): Labelling {
  const claimIds = [...index.claims.keys()];
  const relations = [...index.relations.values()];
  const n = claimIds.length;
  const m = relations.length;
  const claimAt = new Map(claimIds.map((id, i) => [id, i]));
  const relationAt = new Map(relations.map((r, j) => [r.id, j]));
  // Node numbering: claims 0..n-1, relation r_j at n+j, its helper ¬source at n+m+j.
  const total = n + 2 * m;
  // At most three edges per relation: source → helper, helper → relation, relation → target.
  const edgeFrom = new Int32Array(3 * m);
  const edgeTo = new Int32Array(3 * m);
  let edges = 0;
  const attack = (from: number, to: number) => {
    edgeFrom[edges] = from;
    edgeTo[edges] = to;
    edges++;
  };
  relations.forEach((relation, j) => {
    const source = claimAt.get(relation.from);
    // A relation from nowhere never counts: its helper has no attacker, so it is in and the relation out.
    if (source !== undefined) attack(source, n + m + j);
    attack(n + m + j, n + j);
    if (relation.type !== "attack") return;
    const onClaim = claimAt.get(relation.to);
    const onRelation = relationAt.get(relation.to);
    if (onClaim !== undefined) attack(n + j, onClaim);
    else if (onRelation !== undefined) attack(n + j, n + onRelation);
  });

  // Targets of each node in compressed rows, and how many attackers each node has.
  const start = new Int32Array(total + 1);
  const attackers = new Int32Array(total);
  for (let e = 0; e < edges; e++) {
    start[edgeFrom[e] + 1]++;
    attackers[edgeTo[e]]++;
  }
  for (let v = 0; v < total; v++) start[v + 1] += start[v];
  const fill = start.slice(0, total);
  const targets = new Int32Array(edges);
  for (let e = 0; e < edges; e++) targets[fill[edgeFrom[e]]++] = edgeTo[e];

  const UNSET = 0;
  const IN = 1;
  const OUT = 2;
  const label = new Uint8Array(total);
  const queue = new Int32Array(total);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < total; v++) {
    if (attackers[v] === 0) {
      label[v] = IN;
      queue[tail++] = v;
    }
  }
  // Every node enters the queue once, when it is labelled; each edge is looked at a bounded number of times.
  while (head < tail) {
    const v = queue[head++];
    if (label[v] === IN) {
      for (let k = start[v]; k < start[v + 1]; k++) {
        const w = targets[k];
        if (label[w] === UNSET) {
          label[w] = OUT;
          queue[tail++] = w;
        }
      }
    } else {
      for (let k = start[v]; k < start[v + 1]; k++) {
        const w = targets[k];
        attackers[w]--;
        if (attackers[w] === 0 && label[w] === UNSET) {
          label[w] = IN;
          queue[tail++] = w;
        }
      }
    }
  }

  const status = (v: number): Status => (label[v] === IN ? "in" : label[v] === OUT ? "out" : "undecided");
  return {
    claims: new Map(claimIds.map((id, i) => [id, status(i)])),
    relations: new Map(relations.map((r, j) => [r.id, status(n + j)])),
  };
}
