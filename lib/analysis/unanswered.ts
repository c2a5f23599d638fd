import { type MapIndex, opposite } from "../model/queries";
import { readingOrderIn } from "../model/reading-order";
import type { ArgumentMap, Side } from "../model/schema";

/** For each side, its claims that the other side leaves unanswered: the arguments it dropped. */
export interface Unanswered {
  aff: string[];
  neg: string[];
}

/**
 * The unanswered arguments of each side, shallowest first (then in reading order, where a claim
 * reached at several depths counts at its shallowest).
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

  // Claims shallowest first, in reading order within a depth: buckets by depth, filled in order.
  const depth = new Map<string, number>();
  const steps = readingOrderIn(map, index);
  for (const step of steps)
    depth.set(step.claimId, Math.min(depth.get(step.claimId) ?? step.depth, step.depth));
  const byDepth: string[][] = [];
  for (const step of steps) {
    if (depth.get(step.claimId) !== step.depth) continue;
    depth.set(step.claimId, -1);
    if (byDepth[step.depth]) byDepth[step.depth].push(step.claimId);
    else byDepth[step.depth] = [step.claimId];
  }

  const result: Unanswered = { aff: [], neg: [] };
  for (const id of byDepth.flat()) {
    const claim = index.claims.get(id);
    if (!claim) continue;
    const other = opposite(claim.side);
    if (answersFrom(claim.id, other)) continue;
    const links = index.outgoing.get(claim.id) ?? [];
    if (links.length > 0 && links.every((r) => answersFrom(r.id, other))) continue;
    result[claim.side].push(claim.id);
  }
  return result;
}
