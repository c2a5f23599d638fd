import { CiteParts } from "@/components/cards/cite-parts";
import { citeLine, readSegments } from "@/lib/graph/card-text";
import type { Card } from "@/lib/model/schema";
import { SearchMarked } from "./search-marks";

/**
 * An evidence card as a debater reads it: the tag in bold, the cite line (last name and year in
 * bold), the quote with the read portions highlighted and the rest smaller, and the source link.
 */
export function CardView({ card, query }: { card: Card; query?: string }) {
  const cite = citeLine(card.cite);
  return (
    <article
      data-testid="card-view"
      data-card-id={card.id}
      className="card-view break-inside-avoid break-words rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <p className="font-bold text-slate-900 dark:text-slate-50">
        <SearchMarked text={card.tag} query={query} />
      </p>
      {cite ? (
        <p className="mt-1 text-slate-700 dark:text-slate-300" data-testid="card-cite">
          <CiteParts
            cite={cite}
            leadClassName="text-slate-900 dark:text-slate-50"
            linkClassName="text-blue-700 underline hover:text-blue-900 dark:text-blue-300 dark:hover:text-blue-200"
            mark={(text) => <SearchMarked text={text} query={query} />}
          />
        </p>
      ) : null}
      <blockquote className="mt-2 leading-relaxed" data-testid="card-quote">
        <QuoteText quote={card.quote} read={card.read} query={query} />
      </blockquote>
    </article>
  );
}

/**
 * A quote as it is read: the read spans large and highlighted, the rest small (verbatim style);
 * words of a search, when given, marked apart from the read spans.
 */
export function QuoteText({
  quote,
  read,
  query,
}: {
  quote: string;
  read?: readonly string[];
  query?: string;
}) {
  return readSegments(quote, read).map((segment, i) =>
    segment.read ? (
      <mark
        key={i}
        className="rounded-sm bg-yellow-200 px-0.5 font-semibold text-slate-950 underline decoration-1 dark:bg-yellow-300 dark:text-slate-950"
      >
        <SearchMarked text={segment.text} query={query} />
      </mark>
    ) : (
      <span key={i} className="text-xs text-slate-600 dark:text-slate-400">
        <SearchMarked text={segment.text} query={query} />
      </span>
    ),
  );
}
