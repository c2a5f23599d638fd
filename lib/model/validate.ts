import { type ProblemCode, quoteValue } from "./problems";
import { type ArgumentMap, isHttpUrl } from "./schema";

/** Where in a normalized map a problem sits; formats turn it into a path in their source. */
export type Locus =
  | { kind: "map"; field?: string }
  | { kind: "thesis"; index: number }
  | { kind: "presentation"; index: number }
  | { kind: "claim"; index: number; field?: "id" | "evidence"; item?: number }
  | { kind: "relation"; index: number; field?: "id" | "to" | "evidence"; item?: number }
  | { kind: "card"; index: number; field?: "id" | "read" | "cite.url"; item?: number };

/**
 * A problem found beyond the schema's shape (a broken reference, a duplicate, a bad span), not yet
 * placed in a source: a format turns its locus into a file, line and path.
 */
export interface MapIssue {
  locus: Locus;
  code: ProblemCode;
  message: string;
}

/**
 * Cards whose own checks (read spans, link) passed: maps are edited by replacing what changes, so
 * a card object met again is the same card, and checking every edit of a big map stays cheap.
 */
const sound = new WeakSet<object>();

/**
 * Reference checks on a normalized map, all at once: unknown claims, cards and relations,
 * duplicate ids (claims and relations share one namespace), self-relations, supports aimed at
 * relations, read spans missing from their quote, and non-http(s) links.
 */
export function checkMap(map: ArgumentMap): MapIssue[] {
  const issues: MapIssue[] = [];
  const claimIds = new Map<string, number>();
  const relationIds = new Map<string, number>();
  const cardIds = new Map<string, number>();

  map.claims.forEach((claim, index) => {
    if (claimIds.has(claim.id)) {
      issues.push({
        locus: { kind: "claim", index, field: "id" },
        code: "duplicate",
        message: `duplicate claim id "${claim.id}"`,
      });
    } else claimIds.set(claim.id, index);
  });
  map.relations.forEach((relation, index) => {
    if (claimIds.has(relation.id)) {
      issues.push({
        locus: { kind: "relation", index, field: "id" },
        code: "duplicate",
        message: `relation id "${relation.id}" is already a claim id`,
      });
    } else if (relationIds.has(relation.id)) {
      issues.push({
        locus: { kind: "relation", index, field: "id" },
        code: "duplicate",
        message: `duplicate relation id "${relation.id}" (the same ${relation.type} is written twice)`,
      });
    } else relationIds.set(relation.id, index);
  });
  map.evidence.forEach((card, index) => {
    if (cardIds.has(card.id)) {
      issues.push({
        locus: { kind: "card", index, field: "id" },
        code: "duplicate",
        message: `duplicate card id "${card.id}"`,
      });
    } else cardIds.set(card.id, index);
  });

  const checkCards = (ids: readonly string[] | undefined, at: (item: number) => Locus) => {
    ids?.forEach((id, item) => {
      if (!cardIds.has(id))
        issues.push({ locus: at(item), code: "reference", message: `unknown evidence card "${id}"` });
    });
  };

  map.theses.forEach((id, index) => {
    if (!claimIds.has(id))
      issues.push({ locus: { kind: "thesis", index }, code: "reference", message: `unknown claim "${id}"` });
  });

  const presented = new Set<string>();
  map.presentation?.forEach((id, index) => {
    const locus: Locus = { kind: "presentation", index };
    if (!claimIds.has(id)) issues.push({ code: "reference", locus, message: `unknown claim "${id}"` });
    else if (presented.has(id))
      issues.push({ code: "duplicate", locus, message: `claim "${id}" is already listed` });
    presented.add(id);
  });

  map.claims.forEach((claim, index) => {
    checkCards(claim.evidence, (item) => ({ kind: "claim", index, field: "evidence", item }));
  });

  map.relations.forEach((relation, index) => {
    const locus: Locus = { kind: "relation", index, field: "to" };
    if (!claimIds.has(relation.from)) {
      issues.push({
        locus: { kind: "relation", index },
        code: "reference",
        message: `unknown claim "${relation.from}"`,
      });
    }
    const targetRelation = relationIds.has(relation.to)
      ? map.relations[relationIds.get(relation.to) ?? -1]
      : undefined;
    if (relation.to === relation.from) {
      issues.push({
        locus,
        code: "reference",
        message: `claim "${relation.from}" cannot ${relation.type} itself`,
      });
    } else if (targetRelation) {
      if (relation.type === "support") {
        issues.push({
          locus,
          code: "reference",
          message: `"${relation.to}" is a relation; only an attack (undercut) can target a relation`,
        });
      } else if (relation.to === relation.id) {
        issues.push({ locus, code: "reference", message: `relation "${relation.id}" cannot attack itself` });
      } else if (targetRelation.from === relation.from) {
        issues.push({
          locus,
          code: "reference",
          message: `claim "${relation.from}" cannot undercut its own relation "${relation.to}"`,
        });
      }
    } else if (!claimIds.has(relation.to)) {
      issues.push({ locus, code: "reference", message: `unknown claim or relation "${relation.to}"` });
    }
    checkCards(relation.evidence, (item) => ({ kind: "relation", index, field: "evidence", item }));
  });

  map.evidence.forEach((card, index) => {
    if (sound.has(card)) return;
    const before = issues.length;
    card.read?.forEach((span, item) => {
      if (!card.quote.includes(span)) {
        issues.push({
          locus: { kind: "card", index, field: "read", item },
          code: "value",
          message: `read span ${quoteValue(span)} does not occur in the card's quote`,
        });
      }
    });
    const url = card.cite?.url;
    if (url !== undefined && !isHttpUrl(url)) {
      issues.push({
        locus: { kind: "card", index, field: "cite.url" },
        code: "value",
        message: `links must be absolute http:// or https:// URLs, got ${quoteValue(url)}`,
      });
    }
    if (issues.length === before) sound.add(card);
  });

  return issues;
}
