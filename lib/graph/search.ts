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
  const words = searchWords(query);
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

/** A piece of text, marked when it is part of a search hit. */
export interface TextPiece {
  text: string;
  hit: boolean;
}

/** The words of a search, folded; empty when there is nothing to search for. */
export function searchWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/**
 * Splits a text into the parts a search found (any of its words, matched as `searchClaims`
 * matches: without case or accents) and the rest, so a view can mark why a claim matched.
 */
export function searchPieces(text: string, query: string): TextPiece[] {
  const words = searchWords(query);
  if (words.length === 0 || text === "") return [{ text, hit: false }];
  // Fold one character at a time, remembering where each folded unit came from, so hits found
  // in the folded text map back onto the original (folding can shorten or lengthen it).
  let folded = "";
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
    const f = foldText(char);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += char.length;
  }
  const marked = new Array<boolean>(text.length).fill(false);
  for (const word of words) {
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
      // From the character the first matched unit came from to the end of the last one's.
      const start = origin[at];
      const last = origin[at + word.length - 1];
      const stop = last + ((text.codePointAt(last) ?? 0) > 0xffff ? 2 : 1);
      for (let i = start; i < stop; i++) marked[i] = true;
    }
  }
  const pieces: TextPiece[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = pieces.at(-1);
    if (last && last.hit === marked[i]) last.text += text[i];
    else pieces.push({ text: text[i], hit: marked[i] });
  }
  return pieces;
}

/** Where the words of a search occur for one claim, as a reader would name the places. */
export function matchPlaces(index: MapIndex, claimId: string, query: string): string[] {
  const claim = index.claims.get(claimId);
  const words = searchWords(query);
  if (!claim || words.length === 0) return [];
  const has = (text: string | undefined) => {
    const folded = foldText(text ?? "");
    return words.some((w) => folded.includes(w));
  };
  const places: string[] = [];
  if (has(claim.text)) places.push("the claim");
  if (has(claim.notes)) places.push("its notes");
  if ((claim.tags ?? []).some(has)) places.push("its tags");
  const cards = cardsOfClaim(index, claimId).filter((card) => has(cardSearchText(card)));
  if (cards.length > 0) places.push(cards.length === 1 ? "a card" : `${cards.length} cards`);
  return places;
}
