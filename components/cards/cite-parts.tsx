import type { ReactNode } from "react";
import type { CiteLine } from "@/lib/graph/card-text";

/**
 * The inside of a card's cite line, as debaters write it: the lead (last name and year) in bold,
 * the rest in parentheses, then the source link (http(s) only, opening in a new tab). The card
 * view and the presentation's large card style it their own way; `mark` lets the card view mark
 * search words in the text.
 */
export function CiteParts({
  cite,
  leadClassName,
  linkClassName,
  mark = (text) => text,
}: {
  cite: CiteLine;
  leadClassName: string;
  linkClassName: string;
  mark?: (text: string) => ReactNode;
}) {
  return (
    <>
      {cite.lead ? <strong className={leadClassName}>{mark(cite.lead)}</strong> : null}
      {cite.lead && cite.rest ? " " : null}
      {cite.rest ? <span>({mark(cite.rest)})</span> : null}
      {cite.url ? (
        <>
          {" "}
          <a
            href={cite.url}
            target="_blank"
            rel="noopener noreferrer"
            className={`break-all ${linkClassName}`}
          >
            {cite.url}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        </>
      ) : null}
    </>
  );
}
