import { relationId, slugify, uniqueId } from "../model/ids";
import { count, plural } from "../model/plural";
import { defaultTheses, deriveSides } from "../model/queries";
import {
  type ArgumentMap,
  type Card,
  type Claim,
  FORMAT_VERSION,
  ID_PATTERN,
  type Relation,
  type RelationType,
  type Side,
} from "../model/schema";

/** What an importer knows about one claim besides its text. */
export interface ClaimExtras {
  notes?: string;
  tags?: string[];
  evidence?: string[];
  /** An id the source already gave the claim, used when it is a valid id not yet taken. */
  id?: string;
}

const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|javascript:/i;

/**
 * Builds a map the way importers find it: claims one by one (readable ids from their text, unique
 * across claims and relations), relations deduplicated by their ends and type, sides derived.
 */
export class MapBuilder {
  private readonly claims: Claim[] = [];
  private readonly relations: Relation[] = [];
  private readonly cards: Card[] = [];
  private readonly taken = new Set<string>();
  private readonly cardIds = new Set<string>();
  private readonly byEnds = new Map<string, Relation>();
  private readonly relationById = new Map<string, Relation>();
  private readonly claimById = new Map<string, Claim>();
  private readonly outgoingBy = new Map<string, Relation[]>();
  /** Claims whose text carries HTML-like markup, kept as plain text. */
  markup = 0;

  /** Adds a claim and returns its id, a slug of its text (or of `fallback` when the text has no letters). */
  addClaim(text: string, extras: ClaimExtras = {}, fallback = "claim"): string {
    const clean = cleanText(text) || "(no text)";
    if (MARKUP.test(clean)) this.markup++;
    const id =
      extras.id && ID_PATTERN.test(extras.id) && !this.taken.has(extras.id)
        ? extras.id
        : uniqueId(slugify(clean, slugify(fallback, "claim")), this.taken);
    this.taken.add(id);
    const claim: Claim = { id, text: clean, side: "aff" };
    if (extras.notes?.trim()) claim.notes = extras.notes.trim();
    const tags = [...new Set((extras.tags ?? []).map((t) => t.trim()).filter(Boolean))];
    if (tags.length) claim.tags = tags;
    if (extras.evidence?.length) claim.evidence = extras.evidence;
    this.claims.push(claim);
    this.claimById.set(id, claim);
    return id;
  }

  /** Adds cards to a claim's evidence. */
  attachEvidence(claimId: string, cardIds: string[]): void {
    const claim = this.claimById.get(claimId);
    if (claim && cardIds.length) claim.evidence = [...new Set([...(claim.evidence ?? []), ...cardIds])];
  }

  /** Adds a card and returns its id. */
  addCard(card: Omit<Card, "id">, stem: string, wantedId?: string): string {
    const id =
      wantedId && ID_PATTERN.test(wantedId) && !this.cardIds.has(wantedId)
        ? wantedId
        : uniqueId(slugify(stem, "card"), this.cardIds);
    this.cardIds.add(id);
    this.cards.push({ id, ...card });
    return id;
  }

  /**
   * Adds `from` supports/attacks `to` (a claim or relation id) unless it is already there, and
   * returns the relation's id; undefined for a self-relation, which a map cannot hold.
   */
  addRelation(from: string, type: RelationType, to: string, wantedId?: string): string | undefined {
    if (from === to) return undefined;
    const key = `${from}\u0000${type}\u0000${to}`;
    const existing = this.byEnds.get(key);
    if (existing) return existing.id;
    const target = this.relationById.get(to);
    if (target && (type === "support" || target.from === from)) return undefined;
    const id =
      wantedId && ID_PATTERN.test(wantedId) && !this.taken.has(wantedId)
        ? wantedId
        : uniqueId(relationId(from, type, to).slice(0, 120).replace(/-+$/, ""), this.taken);
    this.taken.add(id);
    const relation: Relation = { id, from, to, type };
    this.relations.push(relation);
    this.byEnds.set(key, relation);
    this.relationById.set(id, relation);
    const list = this.outgoingBy.get(from);
    if (list) list.push(relation);
    else this.outgoingBy.set(from, [relation]);
    return id;
  }

  /** Adds cards to a relation's evidence. */
  attachRelationEvidence(relationId: string, cardIds: string[]): void {
    const relation = this.relationById.get(relationId);
    if (relation && cardIds.length)
      relation.evidence = [...new Set([...(relation.evidence ?? []), ...cardIds])];
  }

  /** True when a card with this id was added. */
  hasCard(id: string): boolean {
    return this.cardIds.has(id);
  }

  /** The relation with these ends, if added. */
  relationBetween(from: string, type: RelationType, to: string): string | undefined {
    return this.byEnds.get(`${from}\u0000${type}\u0000${to}`)?.id;
  }

  /** The relations starting at a claim, in the order they were added. */
  outgoing(from: string): Relation[] {
    return this.outgoingBy.get(from) ?? [];
  }

  /** The relation with this id, if added. */
  relation(id: string): Relation | undefined {
    return this.relationById.get(id);
  }

  /** True when `id` is a claim of this map. */
  hasClaim(id: string): boolean {
    return this.claimById.has(id);
  }

  get claimCount(): number {
    return this.claims.length;
  }

  /** Counts of relations by kind, undercuts (attacks on relations) apart. */
  relationCounts(): { support: number; attack: number; undercut: number } {
    const ids = new Set(this.relations.map((r) => r.id));
    let support = 0;
    let attack = 0;
    let undercut = 0;
    for (const r of this.relations) {
      if (r.type === "support") support++;
      else if (ids.has(r.to)) undercut++;
      else attack++;
    }
    return { support, attack, undercut };
  }

  /** The finished map: theses are the claims that answer nothing, sides follow from the relations. */
  build(
    meta: { title: string; description?: string; tags?: string[] },
    explicitSides: ReadonlyMap<string, Side> = new Map(),
  ): ArgumentMap {
    const theses = this.theses();
    const explicit = new Map(explicitSides);
    for (const id of theses) if (!explicit.has(id)) explicit.set(id, "aff");
    const sides = deriveSides(
      this.claims.map((c) => c.id),
      this.relations,
      explicit,
    );
    const claims = this.claims.map((c) => ({ ...c, side: sides.get(c.id) ?? "aff" }));
    const title = cleanText(meta.title).replace(/\s+/g, " ").slice(0, 200).trim() || "Imported map";
    const map: ArgumentMap = {
      version: FORMAT_VERSION,
      title,
      theses,
      claims,
      relations: this.relations,
      evidence: this.cards,
    };
    if (meta.description?.trim()) map.description = meta.description.trim();
    const tags = [...new Set((meta.tags ?? []).map((t) => t.trim()).filter(Boolean))];
    if (tags.length) map.tags = tags;
    return map;
  }

  /**
   * The claims that answer nothing, then, for every group of claims that only answer each other
   * (two contradicting statements, say), its first claim: so every claim sits under a thesis.
   */
  private theses(): string[] {
    const theses = defaultTheses({ claims: this.claims, relations: this.relations });
    const incoming = new Map<string, string[]>();
    for (const r of this.relations) {
      const target = this.relationById.get(r.to)?.from ?? r.to;
      const list = incoming.get(target);
      if (list) list.push(r.from);
      else incoming.set(target, [r.from]);
    }
    const reached = new Set<string>();
    const reach = (start: string) => {
      const stack = [start];
      reached.add(start);
      while (stack.length > 0) {
        for (const from of incoming.get(stack.pop()!) ?? []) {
          if (!reached.has(from)) {
            reached.add(from);
            stack.push(from);
          }
        }
      }
    };
    for (const id of theses) reach(id);
    const targetOf = (id: string): string | undefined => {
      const first = this.outgoingBy.get(id)?.[0];
      return first ? (this.relationById.get(first.to)?.from ?? first.to) : undefined;
    };
    for (const claim of this.claims) {
      if (reached.has(claim.id)) continue;
      // An unreached claim leads into a cycle: the claim where its chain of first targets comes back round.
      const seen = new Set<string>();
      let at = claim.id;
      while (!seen.has(at)) {
        seen.add(at);
        const next = targetOf(at);
        if (next === undefined || reached.has(next)) break;
        at = next;
      }
      theses.push(at);
      reach(at);
    }
    return theses;
  }

  /** The report lines every import shares: what came in, and markup kept as text. */
  summary(): string[] {
    const { support, attack, undercut } = this.relationCounts();
    const lines = [
      `${plural(this.claims.length, "claim")}, ${plural(support + attack + undercut, "relation")} ` +
        `(${count(support)} support, ${count(attack)} attack, ${count(undercut)} undercut), ${plural(this.cards.length, "card")} imported`,
    ];
    if (this.markup > 0)
      lines.push(`${plural(this.markup, "claim")} with HTML-like markup kept as plain text`);
    return lines;
  }
}

/** Text as a claim holds it: no control characters, no surrounding blank space, Windows line ends made plain. */
export function cleanText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, "\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .replace(/[ \t]+\n/g, "\n")
      .trim()
  );
}
