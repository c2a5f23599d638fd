import { Fragment } from "react";
import { searchPieces } from "@/lib/graph/search";

/**
 * A search hit: outlined in sky blue, apart from the yellow of the parts read aloud, so a
 * debater can tell "why this matched" from "what I read".
 */
export const SEARCH_HIT =
  "rounded-sm bg-sky-100 text-inherit outline outline-2 outline-sky-700 dark:bg-sky-900 dark:outline-sky-300";

/** A text with the words of the search marked; the text as it is when there is no search. */
export function SearchMarked({ text, query }: { text: string; query?: string }) {
  if (!query?.trim()) return text;
  return searchPieces(text, query).map((piece, i) =>
    piece.hit ? (
      <mark key={i} data-testid="search-hit" className={SEARCH_HIT}>
        {piece.text}
      </mark>
    ) : (
      <Fragment key={i}>{piece.text}</Fragment>
    ),
  );
}
