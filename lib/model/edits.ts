import { relationId, slugify, uniqueId } from "./ids";
import { derivedSide } from "./queries";
import {
  type ArgumentMap,
  type Card,
  type Cite,
  type Claim,
  ID_PATTERN,
  isHttpUrl,
  type Relation,
  type RelationType,
  type Side,
} from "./schema";
import { checkMap } from "./validate";

/** An edit that cannot be applied to the map as it is; the message is meant for the person editing. */
export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EditError";
  }
}

/** Where a card is attached: directly on a claim, or on a relation. */
export interface CardTarget {
  kind: "claim" | "relation";
  id: string;
}

/** What deleting a claim takes with it, for the confirmation dialog. */
export interface DeletionPlan {
  /** Claims removed besides the one deleted (its descendants, when asked for), in map order. */
  claims: string[];
  /** Relations removed: the claim's own, and undercuts of removed relations, in map order. */
  relations: string[];
  /** Whether the deleted claim is one of the map's theses. */
  thesis: boolean;
}

/** A span to mark as read: the text itself, or the offsets of a selection in the quote. */
export type ReadSpan = string | { start: number; end: number };

const MAX_DERIVED_ID = 120;

/** Adds a thesis (a root claim of the given side) and lists it among the map's theses. */
export function addThesis(
  map: ArgumentMap,
  input: { text: string; side: Side },
): { map: ArgumentMap; id: string } {
  const text = requireText(input.text, "A thesis");
  const id = newClaimId(map, text);
  return {
    map: checked({
      ...map,
      theses: [...map.theses, id],
      claims: [...map.claims, { id, text, side: input.side }],
    }),
    id,
  };
}

/**
 * Adds a claim that supports or attacks an existing claim, or attacks a relation (an undercut).
 * Without a side, the claim takes its target's side for a support and the opposite for an attack.
 */
export function addClaim(
  map: ArgumentMap,
  input: { text: string; side?: Side; relation: { type: RelationType; to: string } },
): { map: ArgumentMap; claimId: string; relationId: string } {
  const text = requireText(input.text, "A claim");
  const { type, to } = input.relation;
  requireTarget(map, type, to);
  const claimId = newClaimId(map, text);
  const taken = idsOf(map);
  taken.add(claimId);
  const id = newRelationId(taken, claimId, type, to);
  const claim: Claim = { id: claimId, text, side: input.side ?? "aff" };
  const at = answerPosition(map, map.relations.find((r) => r.id === to)?.from ?? to);
  const next: ArgumentMap = {
    ...map,
    claims: [...map.claims.slice(0, at), claim, ...map.claims.slice(at)],
    relations: [...map.relations, { id, from: claimId, to, type }],
  };
  if (!input.side) claim.side = derivedSide(next, claimId);
  return { map: checked(next), claimId, relationId: id };
}

/** Changes a claim's text, side, tags or notes; empty tags and notes are removed. */
export function updateClaim(
  map: ArgumentMap,
  id: string,
  patch: { text?: string; side?: Side; tags?: readonly string[]; notes?: string },
): ArgumentMap {
  const index = claimIndex(map, id);
  const claim: Claim = { ...map.claims[index] };
  if (patch.text !== undefined) claim.text = requireText(patch.text, "A claim");
  if (patch.side !== undefined) claim.side = patch.side;
  if (patch.tags !== undefined) {
    const tags = cleanTags(patch.tags);
    if (tags.length > 0) claim.tags = tags;
    else delete claim.tags;
  }
  if (patch.notes !== undefined) {
    if (patch.notes.trim()) claim.notes = patch.notes;
    else delete claim.notes;
  }
  // No reference check of the whole map: the claim keeps its id and its cards, and nothing else
  // changes, so the result holds every reference the map held (a big map's edit stays cheap).
  return { ...map, claims: replaceAt(map.claims, index, claim) };
}

/**
 * What deleting a claim removes: its relations both ways, undercuts of removed relations and,
 * with descendants, every claim below it whose relations all lead into the removed part (a claim
 * that also answers something else stays, and theses always stay).
 */
export function deletionPlan(map: ArgumentMap, id: string, withDescendants: boolean): DeletionPlan {
  claimIndex(map, id);
  const theses = new Set(map.theses);
  const claims = new Set([id]);
  let relations = removedRelations(map, claims);
  if (withDescendants) {
    for (let grew = true; grew; ) {
      grew = false;
      for (const claim of map.claims) {
        if (claims.has(claim.id) || theses.has(claim.id)) continue;
        const outgoing = map.relations.filter((r) => r.from === claim.id);
        if (outgoing.length > 0 && outgoing.every((r) => claims.has(r.to) || relations.has(r.to))) {
          claims.add(claim.id);
          relations = removedRelations(map, claims);
          grew = true;
        }
      }
    }
  }
  return {
    claims: map.claims.filter((c) => c.id !== id && claims.has(c.id)).map((c) => c.id),
    relations: map.relations.filter((r) => relations.has(r.id)).map((r) => r.id),
    thesis: theses.has(id),
  };
}

/** Deletes a claim and what `deletionPlan` lists; cards stay in the map for reuse. */
export function deleteClaim(
  map: ArgumentMap,
  id: string,
  options: { withDescendants: boolean },
): ArgumentMap {
  const plan = deletionPlan(map, id, options.withDescendants);
  const claims = new Set([id, ...plan.claims]);
  const relations = new Set(plan.relations);
  return checked({
    ...map,
    theses: map.theses.filter((t) => !claims.has(t)),
    ...(map.presentation ? { presentation: map.presentation.filter((c) => !claims.has(c)) } : {}),
    claims: map.claims.filter((c) => !claims.has(c.id)),
    relations: map.relations.filter((r) => !relations.has(r.id)),
  });
}

/** Joins two existing claims (or a claim and a relation, for an undercut) with a new relation. */
export function connect(
  map: ArgumentMap,
  input: { from: string; to: string; type: RelationType },
): { map: ArgumentMap; relationId: string } {
  const { from, to, type } = input;
  claimIndex(map, from);
  if (from === to) throw new EditError(`A claim cannot ${type} itself.`);
  requireTarget(map, type, to);
  const existing = map.relations.find((r) => r.from === from && r.to === to);
  if (existing) {
    throw new EditError(
      `"${from}" already ${verb(existing.type)} "${to}"; change that relation's type instead.`,
    );
  }
  const target = map.relations.find((r) => r.id === to);
  if (target && target.from === from) throw new EditError("A claim cannot undercut its own relation.");
  const id = newRelationId(idsOf(map), from, type, to);
  return { map: checked({ ...map, relations: [...map.relations, { id, from, to, type }] }), relationId: id };
}

/**
 * Turns a support into an attack or back. An explicit relation id is kept; a derived one is
 * derived again and undercuts follow it. The source claim's side follows too when it was derived.
 */
export function updateRelation(
  map: ArgumentMap,
  id: string,
  patch: { type: RelationType },
): { map: ArgumentMap; relationId: string } {
  const index = relationIndex(map, id);
  const relation = map.relations[index];
  if (relation.type === patch.type) return { map, relationId: id };
  if (patch.type === "support" && map.relations.some((r) => r.id === relation.to)) {
    throw new EditError("An undercut attacks a relation; it cannot become a support.");
  }
  let newId = id;
  if (id === relationId(relation.from, relation.type, relation.to)) {
    const taken = idsOf(map);
    taken.delete(id);
    newId = newRelationId(taken, relation.from, patch.type, relation.to);
  }
  const relations = map.relations.map((r, i) => {
    if (i === index) return { ...r, id: newId, type: patch.type };
    return r.to === id ? { ...r, to: newId } : r;
  });
  let next: ArgumentMap = { ...map, relations };
  const source = map.claims.find((c) => c.id === relation.from);
  if (source && source.side === derivedSide(map, source.id)) {
    const side = derivedSide(next, source.id);
    next = { ...next, claims: next.claims.map((c) => (c.id === source.id ? { ...c, side } : c)) };
  }
  return { map: checked(next), relationId: newId };
}

/** Deletes a relation and the undercuts aimed at it; both claims stay. */
export function deleteRelation(map: ArgumentMap, id: string): ArgumentMap {
  relationIndex(map, id);
  const removed = withUndercuts(map, new Set([id]));
  return checked({ ...map, relations: map.relations.filter((r) => !removed.has(r.id)) });
}

/** Adds an evidence card, optionally attached at once to a claim or relation. */
export function addCard(
  map: ArgumentMap,
  input: { tag: string; quote: string; read?: readonly string[]; cite?: Cite },
  attachTo?: CardTarget,
): { map: ArgumentMap; cardId: string } {
  const tag = requireText(input.tag, "A card's tag");
  const cardId = uniqueId(slugify(tag, "card", 48), new Set(map.evidence.map((c) => c.id)));
  const cite = cleanCite(input.cite);
  const read = cleanRead(input.quote, input.read ?? []);
  const card: Card = {
    id: cardId,
    tag,
    ...(cite ? { cite } : {}),
    quote: input.quote,
    ...(read.length > 0 ? { read } : {}),
  };
  const next: ArgumentMap = { ...map, evidence: [...map.evidence, card] };
  return { map: attachTo ? attachCard(next, cardId, attachTo) : checked(next), cardId };
}

/**
 * Changes a card's tag, quote, read spans or cite (null removes the cite). When only the quote
 * changes, read spans that no longer occur in it are dropped.
 */
export function updateCard(
  map: ArgumentMap,
  cardId: string,
  patch: { tag?: string; quote?: string; read?: readonly string[]; cite?: Cite | null },
): ArgumentMap {
  const index = cardIndex(map, cardId);
  const card: Card = { ...map.evidence[index] };
  if (patch.tag !== undefined) card.tag = requireText(patch.tag, "A card's tag");
  if (patch.quote !== undefined) card.quote = patch.quote;
  const read =
    patch.read !== undefined ? cleanRead(card.quote, patch.read) : spansInQuote(card.quote, card.read ?? []);
  if (read.length > 0) card.read = read;
  else delete card.read;
  if (patch.cite !== undefined) {
    const cite = cleanCite(patch.cite ?? undefined);
    if (cite) card.cite = cite;
    else delete card.cite;
  }
  return checked({ ...map, evidence: replaceAt(map.evidence, index, card) });
}

/** Attaches an existing card to a claim or a relation. */
export function attachCard(map: ArgumentMap, cardId: string, target: CardTarget): ArgumentMap {
  cardIndex(map, cardId);
  return updateEvidenceList(map, target, (list) => {
    if (list.includes(cardId)) throw new EditError(`Card "${cardId}" is already attached to "${target.id}".`);
    return [...list, cardId];
  });
}

/** Detaches a card from one claim or relation; the card itself stays in the map. */
export function detachCard(map: ArgumentMap, cardId: string, target: CardTarget): ArgumentMap {
  return updateEvidenceList(map, target, (list) => {
    if (!list.includes(cardId)) throw new EditError(`Card "${cardId}" is not attached to "${target.id}".`);
    return list.filter((id) => id !== cardId);
  });
}

/** Deletes a card and detaches it from every claim and relation. */
export function deleteCard(map: ArgumentMap, cardId: string): ArgumentMap {
  cardIndex(map, cardId);
  const drop = <T extends { evidence?: string[] }>(item: T): T => {
    if (!item.evidence?.includes(cardId)) return item;
    const { evidence, ...rest } = item;
    const left = evidence.filter((id) => id !== cardId);
    return (left.length > 0 ? { ...rest, evidence: left } : rest) as T;
  };
  return checked({
    ...map,
    claims: map.claims.map(drop),
    relations: map.relations.map(drop),
    evidence: map.evidence.filter((c) => c.id !== cardId),
  });
}

/**
 * Adds a span of a quote (text, or a selection's offsets) to a card's read spans: a span already
 * covering it leaves the list as it is, spans it covers are replaced, and spans stay in quote order.
 */
export function markReadSpan(quote: string, read: readonly string[], span: ReadSpan): string[] {
  const text = spanText(quote, span);
  if (read.some((s) => s.includes(text))) return [...read];
  return inQuoteOrder(quote, [...read.filter((s) => !text.includes(s)), text]);
}

/** The read spans that still occur in a quote (after it was edited), in quote order. */
export function spansInQuote(quote: string, read: readonly string[]): string[] {
  return inQuoteOrder(
    quote,
    read.filter((span) => quote.includes(span)),
  );
}

/** Tags as typed: trimmed, without empties or repeats, in their first order. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];
}

function requireText(text: string, what: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new EditError(`${what} needs some text.`);
  return trimmed;
}

function idsOf(map: ArgumentMap): Set<string> {
  return new Set([...map.claims.map((c) => c.id), ...map.relations.map((r) => r.id)]);
}

function newClaimId(map: ArgumentMap, text: string): string {
  return uniqueId(slugify(text, "claim", 48), idsOf(map));
}

/**
 * The derived id when it is free and short enough to be a valid id (the file then leaves it out);
 * otherwise a unique explicit one, cut at a word boundary.
 */
function newRelationId(taken: ReadonlySet<string>, from: string, type: RelationType, to: string): string {
  const derived = relationId(from, type, to);
  if (!taken.has(derived) && ID_PATTERN.test(derived)) return derived;
  const stem = derived.length > MAX_DERIVED_ID ? derived.slice(0, MAX_DERIVED_ID) : derived;
  const cut =
    derived.length > MAX_DERIVED_ID && derived[MAX_DERIVED_ID] !== "-" ? stem.replace(/-[^-]*$/, "") : stem;
  return uniqueId(cut.replace(/-+$/, "") || stem, taken);
}

/**
 * Where a new answer to `target` goes in the claim list, so that the file has it beside what it
 * answers: after the target's entry and the answers to it listed right after it, but never inside
 * the block of an answer that has answers of its own below it.
 */
function answerPosition(map: ArgumentMap, target: string): number {
  const at = map.claims.findIndex((c) => c.id === target);
  if (at < 0) return map.claims.length;
  const relationFrom = new Map(map.relations.map((r) => [r.id, r.from]));
  const answers = (claimId: string, to: string) =>
    map.relations.some((r) => r.from === claimId && (r.to === to || relationFrom.get(r.to) === to));
  let end = at + 1;
  while (end < map.claims.length && answers(map.claims[end].id, target)) {
    const next = map.claims[end + 1];
    if (next && answers(next.id, map.claims[end].id)) break;
    end += 1;
  }
  return end;
}

function requireTarget(map: ArgumentMap, type: RelationType, to: string): void {
  if (map.claims.some((c) => c.id === to)) return;
  if (map.relations.some((r) => r.id === to)) {
    if (type === "support") throw new EditError("Only an attack (an undercut) can target a relation.");
    return;
  }
  throw new EditError(`There is no claim or relation "${to}".`);
}

function claimIndex(map: ArgumentMap, id: string): number {
  const index = map.claims.findIndex((c) => c.id === id);
  if (index < 0) throw new EditError(`There is no claim "${id}".`);
  return index;
}

function relationIndex(map: ArgumentMap, id: string): number {
  const index = map.relations.findIndex((r) => r.id === id);
  if (index < 0) throw new EditError(`There is no relation "${id}".`);
  return index;
}

function cardIndex(map: ArgumentMap, id: string): number {
  const index = map.evidence.findIndex((c) => c.id === id);
  if (index < 0) throw new EditError(`There is no card "${id}".`);
  return index;
}

function removedRelations(map: ArgumentMap, claims: ReadonlySet<string>): Set<string> {
  return withUndercuts(
    map,
    new Set(map.relations.filter((r) => claims.has(r.from) || claims.has(r.to)).map((r) => r.id)),
  );
}

/** Adds to a set of removed relations every undercut aimed at one of them, transitively. */
function withUndercuts(map: ArgumentMap, removed: Set<string>): Set<string> {
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of map.relations) {
      if (!removed.has(r.id) && removed.has(r.to)) {
        removed.add(r.id);
        grew = true;
      }
    }
  }
  return removed;
}

function updateEvidenceList(
  map: ArgumentMap,
  target: CardTarget,
  change: (list: string[]) => string[],
): ArgumentMap {
  const apply = <T extends { evidence?: string[] }>(item: T): T => {
    const { evidence, ...rest } = item;
    const list = change(evidence ?? []);
    return (list.length > 0 ? { ...rest, evidence: list } : rest) as T;
  };
  if (target.kind === "claim") {
    const index = claimIndex(map, target.id);
    return checked({ ...map, claims: replaceAt(map.claims, index, apply(map.claims[index])) });
  }
  const index = relationIndex(map, target.id);
  return checked({
    ...map,
    relations: replaceAt<Relation>(map.relations, index, apply(map.relations[index])),
  });
}

function cleanRead(quote: string, spans: readonly string[]): string[] {
  const out: string[] = [];
  for (const span of spans) {
    if (!span) continue;
    if (!quote.includes(span)) throw new EditError(`"${shorten(span)}" does not occur in the card's quote.`);
    if (!out.includes(span)) out.push(span);
  }
  return inQuoteOrder(quote, out);
}

function cleanCite(cite: Cite | undefined): Cite | undefined {
  if (!cite) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(cite)) {
    if (typeof value === "string" && value.trim()) out[key] = value.trim();
  }
  if (out.url !== undefined && !isHttpUrl(out.url)) {
    throw new EditError("A cite link must be an absolute http:// or https:// URL.");
  }
  return Object.keys(out).length > 0 ? (out as Cite) : undefined;
}

function spanText(quote: string, span: ReadSpan): string {
  if (typeof span === "string") {
    const text = span.trim();
    if (!text) throw new EditError("Select some text of the quote to mark it as read.");
    if (!quote.includes(text)) throw new EditError(`"${shorten(text)}" does not occur in the card's quote.`);
    return text;
  }
  // A selection made backwards has its end before its start.
  const start = Math.min(span.start, span.end);
  const end = Math.max(span.start, span.end);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > quote.length) {
    throw new EditError("The selection is not inside the card's quote.");
  }
  const text = quote.slice(start, end).trim();
  if (!text) throw new EditError("Select some text of the quote to mark it as read.");
  return text;
}

function inQuoteOrder(quote: string, spans: readonly string[]): string[] {
  return [...spans].sort((a, b) => quote.indexOf(a) - quote.indexOf(b));
}

function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

function verb(type: RelationType): string {
  return type === "support" ? "supports" : "attacks";
}

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The last guard of every edit: a result that fails the reference checks is refused, never returned. */
function checked(map: ArgumentMap): ArgumentMap {
  const issues = checkMap(map);
  if (issues.length > 0) throw new EditError(`This edit would break the map: ${issues[0].message}.`);
  return map;
}
