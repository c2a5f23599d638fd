import { foldText } from "../graph/search";
import type { ArgumentMap, Claim } from "../model/schema";

/**
 * The claims a claim can be connected to, in map order: every other claim it does not already
 * support or attack, whose text holds every word of the query (case and accents ignored).
 */
export function connectTargets(map: ArgumentMap, from: string, query: string): Claim[] {
  const joined = new Set(map.relations.filter((r) => r.from === from).map((r) => r.to));
  const words = foldText(query).split(/\s+/).filter(Boolean);
  return map.claims.filter((claim) => {
    if (claim.id === from || joined.has(claim.id)) return false;
    const text = foldText(`${claim.text}\n${claim.id}`);
    return words.every((word) => text.includes(word));
  });
}
