import { indexMap } from "./queries";
import { readingOrderIn } from "./reading-order";
import type { ArgumentMap } from "./schema";

/**
 * The part of a map that answers one claim: the claim as the only thesis, every claim below it in
 * reading order, the relations among them (undercuts included) and the cards they cite. Exports of
 * "the selected claim's subtree" all start here.
 */
export function subtreeMap(map: ArgumentMap, claimId: string): ArgumentMap {
  const index = indexMap(map);
  if (!index.claims.has(claimId)) throw new Error(`no claim "${claimId}" in the map`);
  const keep = new Set(readingOrderIn(map, index, { from: claimId }).map((s) => s.claimId));
  const relations: ArgumentMap["relations"] = [];
  const kept = new Set<string>();
  // Relations to relations come after their targets in most files, but not always: loop to a fixpoint.
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of map.relations) {
      if (kept.has(r.id) || !keep.has(r.from) || r.from === claimId) continue;
      if (keep.has(r.to) || kept.has(r.to)) {
        kept.add(r.id);
        grew = true;
      }
    }
  }
  for (const r of map.relations) if (kept.has(r.id)) relations.push(r);
  const claims = map.claims.filter((c) => keep.has(c.id));
  const cardIds = new Set<string>();
  for (const c of claims) for (const e of c.evidence ?? []) cardIds.add(e);
  for (const r of relations) for (const e of r.evidence ?? []) cardIds.add(e);
  return {
    ...map,
    theses: [claimId],
    claims,
    relations,
    evidence: map.evidence.filter((card) => cardIds.has(card.id)),
  };
}
