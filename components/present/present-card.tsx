import { CiteParts } from "@/components/cards/cite-parts";
import { citeLine, readSegments } from "@/lib/graph/card-text";
import type { Card } from "@/lib/model/schema";

/**
 * A card at projector size: the tag, the cite line (last name and year in bold) and the quote
 * with the read spans large and highlighted, the rest smaller, as a debater reads it aloud.
 */
export function PresentCard({ card, compact = false }: { card: Card; compact?: boolean }) {
  const cite = citeLine(card.cite);
  return (
    <article
      data-testid="present-card"
      data-card-id={card.id}
      className={`break-words rounded-xl border border-slate-600 bg-slate-900 ${compact ? "p-4" : "p-6"}`}
    >
      <p
        className={`font-bold leading-snug text-white ${compact ? "text-xl" : "text-[clamp(1.25rem,1.45vw,2rem)]"}`}
      >
        {card.tag}
      </p>
      {cite ? (
        <p
          className={`mt-2 text-slate-300 ${compact ? "text-base" : "text-[clamp(1rem,1.05vw,1.5rem)]"}`}
          data-testid="present-card-cite"
        >
          <CiteParts cite={cite} leadClassName="text-white" linkClassName="text-sky-300 underline" />
        </p>
      ) : null}
      <blockquote
        className={`mt-3 leading-relaxed ${compact ? "text-base" : "text-[clamp(1rem,1.2vw,1.75rem)]"}`}
        data-testid="present-card-quote"
      >
        {readSegments(card.quote, card.read).map((segment, i) =>
          segment.read ? (
            <mark
              key={i}
              className="rounded-sm bg-yellow-300 px-0.5 font-semibold text-slate-950 underline decoration-1"
            >
              {segment.text}
            </mark>
          ) : (
            <span key={i} className="text-[0.78em] text-slate-400">
              {segment.text}
            </span>
          ),
        )}
      </blockquote>
    </article>
  );
}
