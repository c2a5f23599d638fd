import { type MapIndex, opposite } from "../model/queries";
import { readingOrderIn } from "../model/reading-order";
import type { ArgumentMap, Side } from "../model/schema";

/** For each side, its claims that the other side leaves unanswered: the arguments it dropped. */
export interface Unanswered {
  aff: string[];
  neg: string[];
}

/**
 * The unanswered arguments of each side, shallowest first (then in reading order).
 *
 * A claim of one side is answered when a claim of the other side attacks it (a rebuttal), or when
 * the other side undercuts every relation the claim starts (each use of it as a support or an
 * attack is answered at its link). Supports are never answers: agreeing is not answering, and a
 * support of the other side's claim by the same side does not answer anything. An answer counts
 * whatever its own status: a refuted answer is still an answer, so a claim the other side tried
 * and failed to answer is not listed here (its status says how the clash went). Theses count like
 * any claim: a thesis the other side never attacks is dropped.
 */
export function unansweredArguments(
  map: Pick<ArgumentMap, "theses" | "claims">,
  index: MapIndex,
): Unanswered {
  const sideOf = (id: string): Side | undefined => index.claims.get(id)?.side;
  const answersFrom = (targetId: string, side: Side) =>
    (index.incoming.get(targetId) ?? []).some((r) => r.type === "attack" && sideOf(r.from) === side);

  const depth = new Map<string, number>();
  const rank = new Map<string, number>();
  for (const step of readingOrderIn(map, index)) {
    if (!rank.has(step.claimId)) rank.set(step.claimId, rank.size);
    depth.set(step.claimId, Math.min(depth.get(step.claimId) ?? step.depth, step.depth));
  }

  const result: Unanswered = { aff: [], neg: [] };
  for (const claim of index.claims.values()) {
    const other = opposite(claim.side);
    if (answersFrom(claim.id, other)) continue;
    const links = index.outgoing.get(claim.id) ?? [];
    if (links.length > 0 && links.every((r) => answersFrom(r.id, other))) continue;
    result[claim.side].push(claim.id);
  }
  const order = (a: string, b: string) =>
    (depth.get(a) ?? 0) - (depth.get(b) ?? 0) || (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
  result.aff.sort(order);
  result.neg.sort(order);
  return result;
}
