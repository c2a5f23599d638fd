import type { Card, Cite } from "../model/schema";
import { isHttpUrl } from "../model/schema";

export interface QuoteSegment {
  text: string;
  read: boolean;
}

/**
 * Splits a card's quote into read and unread segments, in order. Spans are matched verbatim (as
 * validation requires) and in the order they are listed, which is quote order: each span marks its
 * first occurrence after the previous span's, or its first occurrence anywhere when none follows.
 * Spans that overlap or touch merge into one read segment.
 */
export function readSegments(quote: string, read: readonly string[] = []): QuoteSegment[] {
  const ranges: [number, number][] = [];
  let from = 0;
  for (const span of read) {
    if (span.length === 0) continue;
    let start = quote.indexOf(span, from);
    if (start === -1) start = quote.indexOf(span);
    if (start === -1) continue;
    ranges.push([start, start + span.length]);
    from = start + span.length;
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  const segments: QuoteSegment[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) segments.push({ text: quote.slice(at, start), read: false });
    segments.push({ text: quote.slice(start, end), read: true });
    at = end;
  }
  if (at < quote.length) segments.push({ text: quote.slice(at), read: false });
  return segments;
}

/** The last name of the first author: "Smith, John" and "John Smith" both give "Smith". */
export function lastName(author: string): string {
  const first = author.split(/\s+(?:and|&)\s+|;/)[0].trim();
  if (first.includes(",")) return first.split(",")[0].trim();
  const words = first.split(/\s+/);
  return words[words.length - 1] ?? first;
}

export interface CiteLine {
  /** The part a debater reads aloud, shown in bold: "Smith 2015", or the publication or title without an author. */
  lead: string;
  /** The rest of the cite: qualifications, title, publication, date, pages, note. */
  rest: string;
  /** The source link, only when it is http(s). */
  url?: string;
}

/** The cite line of a card as debaters write it: author's last name and year first, then the details. */
export function citeLine(cite: Cite | undefined): CiteLine | undefined {
  if (!cite) return undefined;
  const year = cite.date?.match(/\b(1[5-9]\d\d|2\d\d\d)\b/)?.[1];
  const url = cite.url && isHttpUrl(cite.url) ? cite.url : undefined;
  let lead: string;
  const details: (string | undefined)[] = [];
  if (cite.author) {
    lead = [lastName(cite.author), year].filter(Boolean).join(" ");
    details.push(cite.author, cite.qualifications, cite.title, cite.publication);
  } else if (cite.publication) {
    lead = [cite.publication, year].filter(Boolean).join(" ");
    details.push(cite.qualifications, cite.title);
  } else if (cite.title) {
    lead = [cite.title, year].filter(Boolean).join(" ");
    details.push(cite.qualifications);
  } else {
    lead = year ?? "";
    details.push(cite.qualifications);
  }
  details.push(cite.date, cite.pages ? `p. ${cite.pages}` : undefined, cite.note);
  if (cite.accessed) details.push(`accessed ${cite.accessed}`);
  const rest = details.filter((d): d is string => Boolean(d?.trim())).join(", ");
  if (!lead && !rest && !url) return undefined;
  return { lead, rest, url };
}

/** All the text of a card that search looks through: tag, quote and cite. */
export function cardSearchText(card: Card): string {
  const cite = card.cite ? Object.values(card.cite).filter((v) => typeof v === "string") : [];
  return [card.tag, card.quote, ...cite].join("\n");
}
