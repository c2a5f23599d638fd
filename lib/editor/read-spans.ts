import { EditError } from "../model/edits";

/**
 * Adds the selected part of a quote to a card's read spans: a span already covering it leaves the
 * list as it is, spans it covers are replaced, and spans stay in the order they occur in the quote.
 */
export function markSelection(quote: string, read: readonly string[], start: number, end: number): string[] {
  const from = Math.max(0, Math.min(start, end));
  const to = Math.min(quote.length, Math.max(start, end));
  const text = quote.slice(from, to).trim();
  if (!text) throw new EditError("Select some text of the quote to mark it as read.");
  if (read.some((span) => span.includes(text))) return [...read];
  return inQuoteOrder(quote, [...read.filter((span) => !text.includes(span)), text]);
}

/** Read spans that still occur in a quote after it was edited, in quote order. */
export function spansInQuote(quote: string, read: readonly string[]): string[] {
  return inQuoteOrder(
    quote,
    read.filter((span) => quote.includes(span)),
  );
}

function inQuoteOrder(quote: string, spans: string[]): string[] {
  return [...spans].sort((a, b) => quote.indexOf(a) - quote.indexOf(b));
}
