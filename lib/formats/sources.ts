import { z } from "zod";
import { type Card, type Cite, cardSchema, citeSchema, idSchema, isHttpUrl } from "../model/schema";

/** A card as an import finds it: the id is the source's, when it gave one. */
export type NewCard = Omit<Card, "id"> & { id?: string };

const SOURCE_KEYS = new Set([
  "source",
  "sources",
  "cite",
  "cites",
  "citation",
  "citations",
  "reference",
  "references",
  "ref",
  "refs",
]);

const FIELD_KEYS: Record<string, keyof Cite> = {
  author: "author",
  authors: "author",
  by: "author",
  qualifications: "qualifications",
  title: "title",
  publication: "publication",
  journal: "publication",
  publisher: "publication",
  container: "publication",
  venue: "publication",
  date: "date",
  year: "date",
  url: "url",
  link: "url",
  href: "url",
  accessed: "accessed",
  pages: "pages",
  page: "pages",
  note: "note",
};

/** Cards as our own exports write them in a format's extra data (ids optional). */
export const cardListSchema = z.array(
  cardSchema.extend({ id: idSchema.optional(), cite: citeSchema.optional() }),
);

/**
 * Finds cards in an element's data: our own `cards` list, and `source`/`cite`/`reference`-style
 * entries that look like a citation (a link, a year, or fields such as author and title). What
 * is not a card is returned as `rest`, for the claim's notes.
 */
export function cardsFromData(
  data: Record<string, unknown>,
  tag: string,
): { cards: NewCard[]; rest: Record<string, unknown> } {
  const rest: Record<string, unknown> = { ...data };
  const cards: NewCard[] = [];
  const own = cardListSchema.safeParse(data.cards);
  if (own.success) {
    cards.push(...own.data.map((card) => stripBadUrl(card)));
    delete rest.cards;
  }
  const quote = typeof data.quote === "string" ? data.quote : "";
  const fromSources: Cite[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (!SOURCE_KEYS.has(key.toLowerCase())) continue;
    const cites = (Array.isArray(value) ? value : [value]).map(citeOf);
    if (cites.length === 0 || cites.some((c) => c === undefined)) continue;
    for (const cite of cites as Cite[]) {
      cards.push({ tag: shortTag(tag), quote: cards.length === 0 ? quote : "", cite });
      fromSources.push(cite);
    }
    delete rest[key];
    if (quote) delete rest.quote;
  }
  // One source written beside its url, author or date (`{source: "Doe 2020", url: …}`): they are its cite's.
  if (fromSources.length === 1) {
    const cite = fromSources[0];
    for (const [key, value] of Object.entries(rest)) {
      const field = FIELD_KEYS[key.toLowerCase()];
      if (!field || field === "note" || cite[field] !== undefined) continue;
      if (typeof value !== "string" && typeof value !== "number") continue;
      const text = String(value).trim();
      if (!text || (field === "url" && !isHttpUrl(text))) continue;
      cite[field] = text;
      delete rest[key];
    }
  }
  return { cards, rest };
}

/** A citation from a string or an object, or undefined when the value does not look like one. */
export function citeOf(value: unknown): Cite | undefined {
  if (typeof value === "string" || typeof value === "number") {
    const text = String(value).trim();
    const url = /https?:\/\/[^\s<>"')\]]+/.exec(text)?.[0];
    const year = /\b(1[5-9]\d\d|20\d\d)\b/.test(text);
    if (!url && !year && !text.includes(",")) return undefined;
    const note = (url ? text.replace(url, "") : text)
      .replace(/\s+/g, " ")
      .replace(/^[\s,;:-]+|[\s,;:-]+$/g, "");
    const cite: Cite = {};
    if (note) cite.note = note;
    if (url && isHttpUrl(url)) cite.url = url;
    return Object.keys(cite).length ? cite : undefined;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const cite: Cite = {};
  const notes: string[] = [];
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const field = FIELD_KEYS[key.toLowerCase()] ?? (key.toLowerCase() === "doi" ? "url" : undefined);
    const text = Array.isArray(raw)
      ? raw.filter((x) => typeof x === "string" || typeof x === "number").join(", ")
      : typeof raw === "string" || typeof raw === "number"
        ? String(raw)
        : undefined;
    if (text === undefined || !text.trim()) continue;
    if (field === "url") {
      const url = key.toLowerCase() === "doi" && !/^https?:/i.test(text) ? `https://doi.org/${text}` : text;
      if (isHttpUrl(url)) cite.url = url;
      else notes.push(`${key}: ${text}`);
    } else if (field && field !== "note") cite[field] = text;
    else notes.push(field === "note" ? text : `${key}: ${text}`);
  }
  if (notes.length) cite.note = notes.join("; ");
  const looksLikeCite = cite.author || cite.title || cite.url || cite.date || cite.publication;
  return looksLikeCite ? cite : undefined;
}

function shortTag(text: string): string {
  const one = text.replace(/\s+/g, " ").trim() || "Source";
  return one.length > 160 ? `${one.slice(0, 159)}…` : one;
}

/** Drops what validation would refuse: a link that is not http(s), read spans not in the quote. */
function stripBadUrl(card: NewCard): NewCard {
  const out = { ...card };
  if (out.cite?.url && !isHttpUrl(out.cite.url)) {
    const { url: _url, ...cite } = out.cite;
    out.cite = cite;
  }
  if (out.read) {
    const read = out.read.filter((span) => out.quote.includes(span));
    if (read.length) out.read = read;
    else delete out.read;
  }
  return out;
}
