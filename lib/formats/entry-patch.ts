import { relationId } from "../model/ids";
import { defaultTheses, derivedSideIn, deriveSides, indexMap } from "../model/queries";
import { sameValue } from "../model/same-value";
import {
  type ArgumentMap,
  type Card,
  type Claim,
  type FileClaim,
  FORMAT_VERSION,
  fileCardSchema,
  fileClaimSchema,
  type Relation,
  type RelationEntry,
  type Side,
} from "../model/schema";
import {
  fileCardOf,
  fileClaimOf,
  lazySource,
  newEntry,
  normalizeFile,
  type ParsedSource,
  rewriteEntry,
} from "./argument-file";
import { type EntrySpan, type FastYaml, readPlainYaml, type TopSpan } from "./fast-yaml";

/**
 * A save of a few changed claims and cards into a plain YAML file (one the fast reader reads),
 * without rendering, merging and parsing the whole document: each changed entry is merged alone,
 * exactly as a whole-file save merges it, and spliced into the text in its place. The new text is
 * then checked: the fast reader reads it whole, every changed entry reads back as wanted, every
 * claim's side (which can follow from other claims) is what the map says, and the theses too.
 *
 * Undefined when the edit is beyond it (the title or theses changed, claims reordered, a file
 * written in other styles) or any check fails: the caller then saves the whole-file way.
 */
export function patchEntries(
  source: ParsedSource,
  map: ArgumentMap,
): { text: string; source: ParsedSource } | undefined {
  const plain = source.plain;
  if (!plain || source.shape !== "file" || source.syntax !== "yaml") return undefined;
  const before = source.map;
  const topSame =
    before.title === map.title &&
    before.resolution === map.resolution &&
    before.description === map.description &&
    sameJson(before.tags ?? [], map.tags ?? []) &&
    sameJson(before.presentation, map.presentation) &&
    sameJson(before.theses, map.theses);
  if (!topSame) return undefined;
  const data = plain.value as { claims?: Record<string, unknown>; evidence?: Record<string, unknown> };
  const claimsTop = plain.top.find((t) => t.key === "claims");
  const evidenceTop = plain.top.find((t) => t.key === "evidence");
  if (!claimsTop?.entries || claimsTop.indent === undefined || !data.claims || map.claims.length === 0)
    return undefined;
  if (map.evidence.length > 0 && (!evidenceTop?.entries || evidenceTop.indent === undefined))
    return undefined;
  if (map.evidence.length === 0 && before.evidence.length > 0) return undefined;

  const oldIndex = indexMap(before);
  const newIndex = indexMap(map);
  const thesisSet = new Set(map.theses);

  // Claims: which changed, which came or went; the order of the others must stay.
  const claimEdits = planSection(
    claimsTop,
    before.claims.map((c) => c.id),
    map.claims.map((c) => c.id),
  );
  if (!claimEdits) return undefined;
  const sideChanged = new Set<string>();
  const touched = new Set<string>(claimEdits.added);
  for (const claim of map.claims) {
    const old = oldIndex.claims.get(claim.id);
    if (!old) continue;
    if (old.side !== claim.side) sideChanged.add(claim.id);
    if (!sameClaim(old, claim) || !sameList(oldIndex.outgoing.get(claim.id), newIndex.outgoing.get(claim.id)))
      touched.add(claim.id);
  }
  // A side left out of the file follows the claim's first relation: when the claim it points at
  // changes side, the file may have to write this one's side (or may drop it).
  for (const [from, list] of newIndex.outgoing) {
    const first = list[0];
    const target = newIndex.relations.get(first.to)?.from ?? first.to;
    if (sideChanged.has(target)) touched.add(from);
  }
  const wanted = new Map<string, FileClaim>();
  for (const id of touched) {
    const claim = newIndex.claims.get(id);
    if (!claim) continue;
    const old = oldIndex.claims.get(id);
    const written = data.claims[id] as { side?: unknown } | undefined;
    const keepSide =
      old !== undefined && written?.side !== undefined && derivedSideIn(oldIndex, id) === old.side;
    const want = fileClaimOf(claim, newIndex, thesisSet.has(id) || keepSide);
    if (old && sameValue(canonicalClaim(id, want), canonicalClaim(id, data.claims[id]))) continue;
    wanted.set(id, want);
  }

  // Cards likewise.
  const cardData = data.evidence ?? {};
  const oldCards = new Map(before.evidence.map((c) => [c.id, c]));
  const wantedCards = new Map<string, unknown>();
  let cardEdits: SectionPlan | undefined = { added: [], removed: [] };
  if (evidenceTop?.entries) {
    cardEdits = planSection(
      evidenceTop,
      before.evidence.map((c) => c.id),
      map.evidence.map((c) => c.id),
    );
    if (!cardEdits) return undefined;
    for (const card of map.evidence) {
      const old = oldCards.get(card.id);
      if (old && sameCard(card, old)) continue;
      wantedCards.set(card.id, fileCardOf(card));
    }
  }

  // The new text: each changed entry merged alone, new entries after the entry before them.
  const splices: Splice[] = [];
  const claimSplices = spliceSection(
    source.text,
    claimsTop,
    "claims",
    map.claims.map((c) => c.id),
    wanted,
    claimEdits,
    data.claims,
  );
  if (!claimSplices) return undefined;
  splices.push(...claimSplices);
  if (evidenceTop?.entries) {
    const cardSplices = spliceSection(
      source.text,
      evidenceTop,
      "evidence",
      map.evidence.map((c) => c.id),
      wantedCards,
      cardEdits,
      cardData,
    );
    if (!cardSplices) return undefined;
    splices.push(...cardSplices);
  }
  if (splices.length === 0) return { text: source.text, source };
  const applied = applySplices(source.text, splices);
  if (!applied) return undefined;
  const { text } = applied;

  // The checks. The file read in entries (the fast reader's structure): an entry's value depends
  // only on its own lines as long as what follows it is no deeper than its key, so each new entry
  // is read alone, and the lines after every splice are held to that.
  for (const splice of splices) if (!quietAfter(source.text, splice.end, splice.indent)) return undefined;
  const fresh = { claims: new Map<string, unknown>(), evidence: new Map<string, unknown>() };
  for (const splice of splices) {
    if (splice.id === undefined || splice.alone === undefined) continue;
    const alone = readPlainYaml(splice.alone);
    if (alone?.top.length !== 1 || alone.top[0].key !== splice.id) return undefined;
    fresh[splice.section].set(splice.id, alone.value[splice.id]);
  }
  const rebuilt = (ids: string[], section: "claims" | "evidence", old: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const id of ids) out[id] = fresh[section].has(id) ? fresh[section].get(id) : old[id];
    return out;
  };
  const readData = {
    ...(plain.value as Record<string, unknown>),
    claims: rebuilt(
      map.claims.map((c) => c.id),
      "claims",
      data.claims,
    ),
    ...(data.evidence
      ? {
          evidence: rebuilt(
            map.evidence.map((c) => c.id),
            "evidence",
            data.evidence,
          ),
        }
      : {}),
  };
  const spanOf = (section: "claims" | "evidence", ids: string[], old: TopSpan): EntrySpan[] => {
    const oldSpans = new Map((old.entries ?? []).map((e) => [e.id, e]));
    return ids.map((id) => {
      const splice = splices.find((x) => x.section === section && x.id === id);
      const at = splice && applied.at.get(splice);
      if (splice && at !== undefined) return { id, start: at, end: at + splice.text.length };
      const span = oldSpans.get(id) as EntrySpan;
      return { id, start: applied.shift(span.start, false), end: applied.shift(span.end, true) };
    });
  };
  const top = plain.top.map((t): TopSpan => {
    const moved: TopSpan = { ...t, start: applied.shift(t.start, false), end: applied.shift(t.end, true) };
    if (t === claimsTop)
      moved.entries = spanOf(
        "claims",
        map.claims.map((c) => c.id),
        t,
      );
    if (t === evidenceTop && t.entries)
      moved.entries = spanOf(
        "evidence",
        map.evidence.map((c) => c.id),
        t,
      );
    const last = moved.entries?.at(-1);
    if (last) moved.end = Math.max(moved.end, last.end);
    return moved;
  });
  const read: FastYaml = { value: readData, top };

  // The map as the new file reads: relations in the file's order, sides as they follow from it.
  const relations: Relation[] = [];
  const readClaim = new Map<string, Claim>();
  for (const claim of map.claims) {
    if (!wanted.has(claim.id)) {
      for (const r of oldIndex.outgoing.get(claim.id) ?? []) relations.push(r);
      continue;
    }
    const value = readData.claims[claim.id];
    if (!fileClaimSchema.safeParse(value).success) return undefined;
    if (!sameValue(canonicalClaim(claim.id, value), canonicalClaim(claim.id, wanted.get(claim.id))))
      return undefined;
    const one = normalizeFile({
      version: FORMAT_VERSION,
      title: "-",
      claims: { [claim.id]: value as FileClaim },
    });
    relations.push(...one.map.relations);
    readClaim.set(claim.id, one.map.claims[0]);
  }
  // Sides follow from each claim's written side or first relation: where none of those changed,
  // every claim reads the side it read before.
  const sidesMoved = [...wanted.keys()].some((id) => !sameSideSource(data.claims?.[id], readData.claims[id]));
  let sides: ReadonlyMap<string, Side>;
  if (sidesMoved) {
    const explicit = new Map<string, Side>();
    for (const claim of map.claims) {
      const side = (readData.claims[claim.id] as { side?: Side } | undefined)?.side;
      if (side) explicit.set(claim.id, side);
    }
    sides = deriveSides(
      map.claims.map((c) => c.id),
      relations,
      explicit,
    );
  } else {
    sides = new Map(before.claims.map((c) => [c.id, c.side]));
  }
  const claims: Claim[] = [];
  for (const claim of map.claims) {
    const side = sides.get(claim.id);
    if (side !== claim.side) return undefined;
    const fresh = readClaim.get(claim.id);
    const base = fresh ?? oldIndex.claims.get(claim.id);
    if (!base) return undefined;
    const out: Claim = { ...base, side };
    if (fresh && !sameClaim(out, claim)) return undefined;
    claims.push(out);
  }
  for (const id of wanted.keys()) {
    const got = relations.filter((r) => r.from === id);
    if (!sameRelations(got, newIndex.outgoing.get(id) ?? [])) return undefined;
  }
  const evidence: Card[] = [];
  for (const card of map.evidence) {
    if (!wantedCards.has(card.id)) {
      const old = oldCards.get(card.id);
      if (!old) return undefined;
      evidence.push(old);
      continue;
    }
    const value = readData.evidence?.[card.id];
    const parsed = fileCardSchema.safeParse(value);
    if (!parsed.success || !sameValue(value, fileCardOf(card))) return undefined;
    evidence.push({ id: card.id, ...parsed.data });
  }
  const thesesWritten = plain.top.some((t) => t.key === "theses");
  const theses = thesesWritten ? before.theses : defaultTheses({ claims, relations });
  if (!sameJson(theses, map.theses)) return undefined;
  const readMap: ArgumentMap = { ...before, slug: map.slug, theses, claims, relations, evidence };
  if (map.slug === undefined) delete readMap.slug;
  return { text, source: lazySource({ map: readMap, text, shape: "file", syntax: "yaml", plain: read }) };
}

interface SectionPlan {
  added: string[];
  removed: string[];
}

/** Entries that came and went; undefined when the entries that stay changed order. */
function planSection(top: TopSpan, oldIds: string[], newIds: string[]): SectionPlan | undefined {
  const spans = top.entries ?? [];
  if (spans.length !== oldIds.length || spans.some((s, i) => s.id !== oldIds[i])) return undefined;
  const oldSet = new Set(oldIds);
  const newSet = new Set(newIds);
  const kept = oldIds.filter((id) => newSet.has(id));
  const stayed = newIds.filter((id) => oldSet.has(id));
  if (kept.length !== stayed.length || kept.some((id, i) => id !== stayed[i])) return undefined;
  return { added: newIds.filter((id) => !oldSet.has(id)), removed: oldIds.filter((id) => !newSet.has(id)) };
}

interface Splice {
  start: number;
  end: number;
  text: string;
  /** Orders insertions at the same place. */
  order: number;
  section: "claims" | "evidence";
  /** The entry written (none for a removal), its text unindented, and the indentation of its key. */
  id?: string;
  alone?: string;
  indent: number;
}

/** The splices of one mapping's entries: rewritten, removed and inserted ones. */
function spliceSection(
  text: string,
  top: TopSpan,
  section: "claims" | "evidence",
  newIds: string[],
  wanted: Map<string, unknown>,
  plan: SectionPlan,
  data: Record<string, unknown>,
): Splice[] | undefined {
  const indent = top.indent ?? 0;
  const spans = new Map((top.entries ?? []).map((s) => [s.id, s]));
  const added = new Set(plan.added);
  const splices: Splice[] = [];
  for (const id of plan.removed) {
    const span = spans.get(id);
    if (!span) return undefined;
    splices.push({ start: span.start, end: span.end, text: "", order: 0, section, indent });
  }
  let insertAt: number | undefined;
  let failed = false;
  const first = top.entries?.find((s) => !plan.removed.includes(s.id));
  newIds.forEach((id, order) => {
    const span = spans.get(id);
    if (span) insertAt = span.end;
    if (failed || !wanted.has(id)) return;
    if (added.has(id)) {
      const at = insertAt ?? first?.start;
      if (at === undefined) failed = true;
      else {
        const alone = newEntry(id, wanted.get(id));
        splices.push({
          start: at,
          end: at,
          text: indentLines(alone, indent),
          order,
          section,
          id,
          alone,
          indent,
        });
      }
      return;
    }
    if (!span) return;
    const alone = unindent(text.slice(span.start, span.end), indent);
    const rewritten =
      alone === undefined ? undefined : rewriteEntry(alone, id, wanted.get(id), section, data[id]);
    if (rewritten === undefined) failed = true;
    else {
      const text = indentLines(rewritten, indent);
      splices.push({ start: span.start, end: span.end, text, order, section, id, alone: rewritten, indent });
    }
  });
  return failed ? undefined : splices;
}

/**
 * The text with the splices made (insertions at a place go before what replaces the text there),
 * where each splice landed, and where an offset of the old text moved (`end`: an entry's end,
 * which stays before what is inserted right after it).
 */
function applySplices(
  text: string,
  splices: Splice[],
): { text: string; at: Map<Splice, number>; shift: (offset: number, end: boolean) => number } | undefined {
  const rank = (s: Splice) => (s.start === s.end ? 0 : 1);
  const sorted = [...splices].sort((a, b) => a.start - b.start || rank(a) - rank(b) || a.order - b.order);
  const parts: string[] = [];
  const at = new Map<Splice, number>();
  let from = 0;
  let length = 0;
  for (const s of sorted) {
    if (s.start < from) return undefined;
    parts.push(text.slice(from, s.start));
    length += s.start - from;
    at.set(s, length);
    parts.push(s.text);
    length += s.text.length;
    from = s.end;
  }
  parts.push(text.slice(from));
  const shift = (offset: number, end: boolean) => {
    let delta = 0;
    for (const s of sorted) {
      const before = s.start === s.end ? (end ? s.start < offset : s.start <= offset) : s.end <= offset;
      if (before) delta += s.text.length - (s.end - s.start);
    }
    return offset + delta;
  };
  return { text: parts.join(""), at, shift };
}

/**
 * True when the lines from `offset` up to the next line with content are blank or comments no
 * deeper than `indent`, and that line is no deeper either: nothing there can continue an entry.
 */
function quietAfter(text: string, offset: number, indent: number): boolean {
  let at = offset;
  while (at < text.length) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    let lead = 0;
    while (text.charCodeAt(at + lead) === 32) lead++;
    if (at + lead === end) {
      if (lead > indent) return false;
    } else if (text.charCodeAt(at + lead) !== 35) return lead <= indent;
    else if (lead > indent) return false;
    at = end + 1;
  }
  return true;
}

/** An entry's lines without the indentation of its key; undefined when a line sits left of it. */
function unindent(block: string, indent: number): string | undefined {
  const pad = " ".repeat(indent);
  const lines = block.split("\n");
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === "") out.push("");
    else if (line.startsWith(pad)) out.push(line.slice(indent));
    else return undefined;
  }
  return out.join("\n");
}

function indentLines(block: string, indent: number): string {
  const pad = " ".repeat(indent);
  const body = block.endsWith("\n") ? block.slice(0, -1) : block;
  return `${body
    .split("\n")
    .map((line) => (line === "" ? "" : pad + line))
    .join("\n")}\n`;
}

function sameClaim(a: Claim, b: Claim): boolean {
  return (
    a.id === b.id &&
    a.text === b.text &&
    a.side === b.side &&
    a.notes === b.notes &&
    sameJson(a.tags ?? [], b.tags ?? []) &&
    sameJson(a.evidence ?? [], b.evidence ?? [])
  );
}

/** The same relations in the same order (ids, ends, type and cards). */
function sameList(a: Relation[] | undefined, b: Relation[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i++) {
    const x = left[i];
    const y = right[i];
    if (x.id !== y.id || x.from !== y.from || x.to !== y.to || x.type !== y.type) return false;
    if (!sameStrings(x.evidence, y.evidence)) return false;
  }
  return true;
}

function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((x, i) => x === right[i]);
}

function sameCard(a: Card, b: Card): boolean {
  return (
    a.id === b.id &&
    a.tag === b.tag &&
    a.quote === b.quote &&
    sameStrings(a.read, b.read) &&
    (a.read === undefined) === (b.read === undefined) &&
    sameValue(a.cite, b.cite)
  );
}

/** The written side and the first relation (key and target) of two readings of a claim entry. */
function sameSideSource(a: unknown, b: unknown): boolean {
  const source = (value: unknown) => {
    const v = (value ?? {}) as Record<string, unknown>;
    const first = Object.keys(v).find((k) => k === "supports" || k === "attacks");
    const targets = first === undefined ? undefined : v[first];
    const head = Array.isArray(targets) ? targets[0] : targets;
    const to = typeof head === "string" ? head : (head as { to?: unknown } | undefined)?.to;
    return JSON.stringify([v.side ?? null, first ?? null, to ?? null]);
  };
  return a !== undefined && source(a) === source(b);
}

function sameRelations(a: Relation[], b: Relation[]): boolean {
  const key = (r: Relation) => JSON.stringify([r.id, r.from, r.to, r.type, r.evidence ?? []]);
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return sameJson(left, right);
}

/**
 * What a claim entry means, whatever way it is written: its fields, and its relations as
 * `{ to, id, evidence }` in order (`supports: a` and `supports: [a]` mean the same).
 */
function canonicalClaim(id: string, value: unknown): unknown {
  if (!value || typeof value !== "object") return value;
  const v = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v).sort()) {
    if (key !== "supports" && key !== "attacks") {
      out[key] = v[key];
      continue;
    }
    const type = key === "supports" ? "support" : "attack";
    const list = Array.isArray(v[key]) ? (v[key] as unknown[]) : [v[key]];
    out[key] = list.map((entry) => {
      const e: RelationEntry = typeof entry === "string" ? { to: entry } : (entry as RelationEntry);
      return { to: e.to, id: e.id ?? relationId(id, type, e.to), evidence: e.evidence ?? [] };
    });
  }
  return out;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
