import type { ArgumentMap, Card, Claim, Relation, Side } from "./schema";

/** Lookups over one map, built once and shared by layout, analysis and the UI. */
export interface MapIndex {
  claims: Map<string, Claim>;
  relations: Map<string, Relation>;
  cards: Map<string, Card>;
  /** Relations whose `to` is the key (a claim or a relation), in file order. */
  incoming: Map<string, Relation[]>;
  /** Relations whose `from` is the key, in file order. */
  outgoing: Map<string, Relation[]>;
}

/** Indexes claims, relations and cards by id, and relations by both ends. */
export function indexMap(map: Pick<ArgumentMap, "claims" | "relations" | "evidence">): MapIndex {
  const claims = new Map(map.claims.map((c) => [c.id, c]));
  const relations = new Map(map.relations.map((r) => [r.id, r]));
  const cards = new Map(map.evidence.map((c) => [c.id, c]));
  const incoming = new Map<string, Relation[]>();
  const outgoing = new Map<string, Relation[]>();
  for (const relation of map.relations) {
    push(incoming, relation.to, relation);
    push(outgoing, relation.from, relation);
  }
  return { claims, relations, cards, incoming, outgoing };
}

/**
 * The index of a map edited from `before`, sharing every lookup whose list the edit left as it
 * was (a reworded claim leaves the relations' lookups, a new card the claims'): the same as
 * `indexMap(map)`, for a part of the cost.
 */
export function reindexMap(
  map: Pick<ArgumentMap, "claims" | "relations" | "evidence">,
  before: Pick<ArgumentMap, "claims" | "relations" | "evidence">,
  index: MapIndex,
): MapIndex {
  if (map.relations !== before.relations) return indexMap(map);
  return {
    claims: map.claims === before.claims ? index.claims : new Map(map.claims.map((c) => [c.id, c])),
    relations: index.relations,
    cards: map.evidence === before.evidence ? index.cards : new Map(map.evidence.map((c) => [c.id, c])),
    incoming: index.incoming,
    outgoing: index.outgoing,
  };
}

function push<K, V>(into: Map<K, V[]>, key: K, value: V): void {
  const list = into.get(key);
  if (list) list.push(value);
  else into.set(key, [value]);
}

/** The other side: an attack argues for the opposite side of what it attacks. */
export function opposite(side: Side): Side {
  return side === "aff" ? "neg" : "aff";
}

/** Claims with no support or attack of their own: the roots when a file lists no theses. */
export function defaultTheses(map: Pick<ArgumentMap, "claims" | "relations">): string[] {
  const sources = new Set(map.relations.map((r) => r.from));
  return map.claims.filter((c) => !sources.has(c.id)).map((c) => c.id);
}

/**
 * The side a claim would have if its file left it out: a support takes its target's side, an
 * attack the opposite one (an undercut opposes the attacked relation's source); theses are aff.
 * `explicit` gives the sides written in the file; cycles fall back to aff.
 */
export function deriveSides(
  claimIds: readonly string[],
  relations: readonly Relation[],
  explicit: ReadonlyMap<string, Side>,
): Map<string, Side> {
  const byFrom = new Map<string, Relation[]>();
  for (const r of relations) push(byFrom, r.from, r);
  const relationById = new Map(relations.map((r) => [r.id, r]));
  const sides = new Map<string, Side>();
  const visiting = new Set<string>();

  const sideOf = (id: string): Side => {
    const known = sides.get(id) ?? explicit.get(id);
    if (known) return known;
    if (visiting.has(id)) return "aff";
    visiting.add(id);
    let side: Side = "aff";
    const first = byFrom.get(id)?.[0];
    if (first) {
      const targetRelation = relationById.get(first.to);
      const targetSide = targetRelation ? sideOf(targetRelation.from) : sideOf(first.to);
      side = first.type === "support" ? targetSide : opposite(targetSide);
    }
    visiting.delete(id);
    sides.set(id, side);
    return side;
  };

  for (const id of claimIds) sides.set(id, sideOf(id));
  return sides;
}

/** The side `claimId` would get if its file did not say, given the rest of the map. */
export function derivedSide(map: ArgumentMap, claimId: string): Side {
  return derivedSideIn(indexMap(map), claimId);
}

/**
 * `derivedSide` on a prebuilt index, for loops over every claim: every other claim has its side,
 * so only the claim's first relation matters (a self-reference counts as aff, like a cycle).
 */
export function derivedSideIn(index: MapIndex, claimId: string): Side {
  const first = index.outgoing.get(claimId)?.[0];
  if (!first) return "aff";
  const targetId = index.relations.get(first.to)?.from ?? first.to;
  const targetSide = (targetId === claimId ? undefined : index.claims.get(targetId)?.side) ?? "aff";
  return first.type === "support" ? targetSide : opposite(targetSide);
}

/** The claim a relation id or claim id ultimately points at (an undercut's is its relation's target). */
export function targetClaimId(index: MapIndex, id: string): string | undefined {
  if (index.claims.has(id)) return id;
  const relation = index.relations.get(id);
  return relation ? targetClaimId(index, relation.to) : undefined;
}

/** Cards attached to a claim directly or to the relations it starts, without repeats. */
export function cardsOfClaim(index: MapIndex, claimId: string): Card[] {
  const ids = new Set<string>(index.claims.get(claimId)?.evidence ?? []);
  for (const r of index.outgoing.get(claimId) ?? []) for (const e of r.evidence ?? []) ids.add(e);
  return [...ids].map((id) => index.cards.get(id)).filter((c): c is Card => c !== undefined);
}
