import { cardsOfClaim, type MapIndex } from "../model/queries";
import { cardSearchText } from "./card-text";

/** Lower case without accents, so "bushehr" finds "Bushehr" and "epee" finds "épée". */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/**
 * The claims matching a search, in the given reading order: a claim matches when every word of
 * the query occurs in its text, notes, tags or the tag, quote or cite of one of its cards.
 */
export function searchClaims(index: MapIndex, order: readonly string[], query: string): string[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const matches: string[] = [];
  for (const id of order) {
    const claim = index.claims.get(id);
    if (!claim) continue;
    const haystack = foldText(
      [
        claim.text,
        claim.notes ?? "",
        ...(claim.tags ?? []),
        ...cardsOfClaim(index, id).map(cardSearchText),
      ].join("\n"),
    );
    if (words.every((w) => haystack.includes(w))) matches.push(id);
  }
  return matches;
}
