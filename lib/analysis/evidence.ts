import type { MapIndex } from "../model/queries";
import type { ArgumentMap, Card, Side } from "../model/schema";
import { citeYear } from "./cite-date";
import type { Labelling } from "./grounded";

/** The kinds of evidence warning, in the order reports list them. */
export const WARNING_KINDS = [
  "no-evidence",
  "incomplete-cite",
  "unreadable-date",
  "old-card",
  "read-not-in-quote",
  "card-both-sides",
] as const;

export type WarningKind = (typeof WARNING_KINDS)[number];

/** Headings for each kind of warning. */
export const WARNING_TITLES: Record<WarningKind, string> = {
  "no-evidence": "Claims without a card or a standing support",
  "incomplete-cite": "Cards missing author, date or source",
  "unreadable-date": "Cards whose date gives no year",
  "old-card": "Cards older than the chosen year",
  "read-not-in-quote": "Read spans missing from their quote",
  "card-both-sides": "Cards quoted for both sides",
};

/** One evidence warning about a claim or a card. */
export interface EvidenceWarning {
  kind: WarningKind;
  /** The claim (for `no-evidence`) or card the warning is about. */
  id: string;
  message: string;
  /** The claim to show for it: the claim itself, or the first claim that quotes the card (none when no claim does). */
  claimId?: string;
}

export interface EvidenceOptions {
  /** Flag cards dated before this year; no age check without it. */
  since?: number;
  /** The year two-digit dates are read against (see `citeYear`). */
  pivotYear?: number;
}

function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Where a card is quoted: by claims directly, or on the relations they start (for the source's side). */
function cardUsers(map: Pick<ArgumentMap, "claims" | "relations">, index: MapIndex): Map<string, string[]> {
  const users = new Map<string, string[]>();
  const add = (cardId: string, claimId: string) => {
    const list = users.get(cardId);
    if (!list) users.set(cardId, [claimId]);
    else if (!list.includes(claimId)) list.push(claimId);
  };
  for (const claim of map.claims) for (const card of claim.evidence ?? []) add(card, claim.id);
  for (const relation of map.relations) {
    if (!index.claims.has(relation.from)) continue;
    for (const card of relation.evidence ?? []) add(card, relation.from);
  }
  return users;
}

/** A cite's source: where the card was published (publication or link). */
function hasSource(card: Card): boolean {
  const cite = card.cite;
  if (!cite) return false;
  const loose = (cite as Record<string, unknown>).source;
  return Boolean(cite.publication?.trim() || cite.url?.trim() || (typeof loose === "string" && loose.trim()));
}

/**
 * The evidence checks, grouped by kind in `WARNING_KINDS` order and in file order within a kind:
 * claims with neither a card (on the claim or on a relation it starts) nor a support that counts
 * in the labelling; cards missing an author, a date or a source (a publication or a link); dates
 * with no readable year; cards dated before `since`; read spans that do not occur in their quote;
 * and cards quoted by claims of both sides.
 */
export function evidenceWarnings(
  map: Pick<ArgumentMap, "claims" | "relations" | "evidence">,
  index: MapIndex,
  labelling: Labelling,
  options: EvidenceOptions = {},
): EvidenceWarning[] {
  const byKind = new Map<WarningKind, EvidenceWarning[]>(WARNING_KINDS.map((k) => [k, []]));
  const warn = (warning: EvidenceWarning) => byKind.get(warning.kind)?.push(warning);

  const isCard = (id: string) => index.cards.has(id);
  for (const claim of map.claims) {
    const carded =
      claim.evidence?.some(isCard) ||
      (index.outgoing.get(claim.id) ?? []).some((r) => r.evidence?.some(isCard) ?? false);
    if (carded) continue;
    const supports = (index.incoming.get(claim.id) ?? []).filter((r) => r.type === "support");
    if (supports.some((r) => labelling.relations.get(r.id) === "in")) continue;
    warn({
      kind: "no-evidence",
      id: claim.id,
      claimId: claim.id,
      message:
        supports.length === 0
          ? `“${clip(claim.text)}” has no card and no support`
          : `“${clip(claim.text)}” has no card, and none of its supports stands`,
    });
  }

  const users = cardUsers(map, index);
  for (const card of map.evidence) {
    const quotedBy = users.get(card.id) ?? [];
    const base = { id: card.id, ...(quotedBy.length > 0 ? { claimId: quotedBy[0] } : {}) };
    const name = `Card “${clip(card.tag)}”`;
    const date = citeYear(card.cite?.date, { pivotYear: options.pivotYear });
    const missing = [
      card.cite?.author?.trim() ? undefined : "author",
      date.kind === "none" ? "date" : undefined,
      hasSource(card) ? undefined : "source",
    ].filter((m) => m !== undefined);
    if (missing.length > 0) {
      warn({ kind: "incomplete-cite", ...base, message: `${name} has no ${list(missing, "or")}` });
    }
    if (date.kind === "unreadable") {
      warn({
        kind: "unreadable-date",
        ...base,
        message: `${name}: no year in the date “${card.cite?.date}”`,
      });
    } else if (date.kind === "year" && options.since !== undefined && date.year < options.since) {
      warn({
        kind: "old-card",
        ...base,
        message: `${name} is from ${date.year}, before ${options.since}`,
      });
    }
    for (const span of card.read ?? []) {
      if (!card.quote.includes(span)) {
        warn({
          kind: "read-not-in-quote",
          ...base,
          message: `${name}: the read span “${clip(span, 60)}” is not in its quote`,
        });
      }
    }
    const sides = new Map<Side, string>();
    for (const claimId of quotedBy) {
      const side = index.claims.get(claimId)?.side;
      if (side && !sides.has(side)) sides.set(side, claimId);
    }
    const aff = sides.get("aff");
    const neg = sides.get("neg");
    if (aff && neg) {
      const text = (id: string) => `“${clip(index.claims.get(id)?.text ?? id, 60)}”`;
      warn({
        kind: "card-both-sides",
        ...base,
        message: `${name} is quoted for aff (${text(aff)}) and for neg (${text(neg)})`,
      });
    }
  }
  return WARNING_KINDS.flatMap((kind) => byKind.get(kind) ?? []);
}

function list(parts: string[], joiner: string): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} ${joiner} ${parts[parts.length - 1]}`;
}
