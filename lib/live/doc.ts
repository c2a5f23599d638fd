import * as Y from "yjs";
import {
  type ArgumentMap,
  type Card,
  type Claim,
  FORMAT_VERSION,
  ID_PATTERN,
  isHttpUrl,
  type Relation,
} from "../model/schema";

/**
 * The shared (Yjs) form of an argument map, and the two ways between it and the normalized map.
 *
 * Layout of a map doc:
 * - `meta` (Y.Map): title, slug, resolution, description, tags (a plain list), `presentation`
 *   (true when the map has a presentation list);
 * - `theses`, `presentation`, `claimOrder`, `relationOrder`, `cardOrder` (Y.Array of ids);
 * - `claims`, `relations`, `cards` (Y.Map id → Y.Map of fields). A claim's or relation's
 *   `evidence` is a Y.Array of card ids (with `evidenceListed` true when the list is written even
 *   while empty); a card's `cite` is a Y.Map of its fields.
 * Every field merges on its own; lists of ids merge by insertions and deletions.
 */

/** The WebSocket path of live editing, on the app's own port. */
export const LIVE_PATH = "/collab";

const MAP_PREFIX = "map:";
const PRESENT_PREFIX = "present:";
const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** The live document of a map. */
export function mapDocName(slug: string): string {
  return `${MAP_PREFIX}${slug}`;
}

/** The live document of a map's presentation (who presents, which step). */
export function presentDocName(slug: string): string {
  return `${PRESENT_PREFIX}${slug}`;
}

/** What a live document's name stands for, or undefined for any other name. */
export function parseDocName(name: string): { kind: "map" | "present"; slug: string } | undefined {
  const [kind, slug] = name.startsWith(MAP_PREFIX)
    ? (["map", name.slice(MAP_PREFIX.length)] as const)
    : name.startsWith(PRESENT_PREFIX)
      ? (["present", name.slice(PRESENT_PREFIX.length)] as const)
      : [undefined, ""];
  if (!kind || slug.length > 200 || !SLUG_PATTERN.test(slug)) return undefined;
  return { kind, slug };
}

/** The doc's shared types; a type some client defined with another shape reads as absent. */
interface Shared {
  meta?: Y.Map<unknown>;
  theses?: Y.Array<unknown>;
  presentation?: Y.Array<unknown>;
  claimOrder?: Y.Array<unknown>;
  relationOrder?: Y.Array<unknown>;
  cardOrder?: Y.Array<unknown>;
  claims?: Y.Map<unknown>;
  relations?: Y.Map<unknown>;
  cards?: Y.Map<unknown>;
}

function tryType<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

function shared(doc: Y.Doc): Shared {
  const map = (name: string) => tryType(() => doc.getMap<unknown>(name));
  const array = (name: string) => tryType(() => doc.getArray<unknown>(name));
  return {
    meta: map("meta"),
    theses: array("theses"),
    presentation: array("presentation"),
    claimOrder: array("claimOrder"),
    relationOrder: array("relationOrder"),
    cardOrder: array("cardOrder"),
    claims: map("claims"),
    relations: map("relations"),
    cards: map("cards"),
  };
}

/** True while nothing of a map was put in the doc (a doc that still has to be loaded from its file). */
export function isMapDocEmpty(doc: Y.Doc): boolean {
  const s = shared(doc);
  return (s.meta?.size ?? 0) === 0 && (s.claims?.size ?? 0) === 0 && (s.claimOrder?.length ?? 0) === 0;
}

/** A map with nothing in it, the `before` of a first load. */
const NOTHING: ArgumentMap = {
  version: FORMAT_VERSION,
  title: "",
  theses: [],
  claims: [],
  relations: [],
  evidence: [],
};

/**
 * Fills an empty doc from a map, deterministically: the content is built on a scratch doc whose
 * client id is a hash of the map, and that doc's update is applied. Two servers loading the same
 * file thus produce the very same Yjs items, and a doc shared between them never holds the map
 * twice.
 */
export function loadMapIntoDoc(doc: Y.Doc, map: ArgumentMap): void {
  const id = contentHash(JSON.stringify(map));
  if (doc.store.clients.size === 0) {
    // A doc with no items at all: write under the hashed id directly and give the doc its own id
    // back, the same items without encoding and applying them a second time (a 20,000-claim map
    // loads in half the time, on the server's main thread).
    const own = doc.clientID;
    doc.clientID = id;
    try {
      writeMapChange(doc, NOTHING, map, "load");
    } finally {
      doc.clientID = own;
    }
    return;
  }
  const scratch = new Y.Doc();
  scratch.clientID = id;
  writeMapChange(scratch, NOTHING, map);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch), "load");
  scratch.destroy();
}

/** FNV-1a over the UTF-16 units, as a non-zero unsigned 32-bit number (a Yjs client id). */
function contentHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0 || 1;
}

// ---------------------------------------------------------------------------------------------
// Reading

function isId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}

function isText(value: unknown): value is string {
  return typeof value === "string" && value.trim().length > 0;
}

/** The distinct ids of a Y.Array (or nothing), in order, that `keep` accepts. */
function idsOf(list: unknown, keep: (id: string) => boolean): string[] {
  if (!(list instanceof Y.Array)) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const id of list.toArray()) {
    if (isId(id) && !seen.has(id) && keep(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}

/** The entities of a keyed Y.Map in list order: listed ones first, then unlisted ones by id. */
function ordered(
  entities: Y.Map<unknown> | undefined,
  order: Y.Array<unknown> | undefined,
): [string, Y.Map<unknown>][] {
  if (!entities) return [];
  const out: [string, Y.Map<unknown>][] = [];
  const seen = new Set<string>();
  const take = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const value = entities.get(id);
    if (value instanceof Y.Map) out.push([id, value]);
  };
  for (const id of idsOf(order, (id) => entities.has(id))) take(id);
  if (seen.size < entities.size) {
    const rest = [...entities.keys()].filter((id) => isId(id) && !seen.has(id)).sort();
    for (const id of rest) take(id);
  }
  return out;
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((t): t is string => typeof t === "string" && t.trim().length > 0).map((t) => t.trim());
}

function evidenceOf(entity: Y.Map<unknown>, cards: ReadonlySet<string>): string[] | undefined {
  const list = idsOf(entity.get("evidence"), (id) => cards.has(id));
  return list.length > 0 || entity.get("evidenceListed") === true ? list : undefined;
}

function readCard(id: string, entity: Y.Map<unknown>): Card | undefined {
  const tag = entity.get("tag");
  const quote = entity.get("quote");
  if (!isText(tag) || typeof quote !== "string") return undefined;
  const card: Card = { id, tag, quote };
  const citeValue = entity.get("cite");
  if (citeValue instanceof Y.Map) {
    const cite: Record<string, string> = {};
    for (const [key, value] of citeValue.entries()) {
      if (typeof value !== "string" || key === "__proto__") continue;
      if (key === "url" && !isHttpUrl(value)) continue;
      cite[key] = value;
    }
    card.cite = cite;
  }
  const read = entity.get("read");
  if (Array.isArray(read)) {
    card.read = read.filter((s): s is string => typeof s === "string" && s.length > 0 && quote.includes(s));
  }
  return card;
}

function readClaim(id: string, entity: Y.Map<unknown>, cards: ReadonlySet<string>): Claim | undefined {
  const text = entity.get("text");
  const side = entity.get("side");
  if (!isText(text) || (side !== "aff" && side !== "neg")) return undefined;
  const claim: Claim = { id, text, side };
  const notes = entity.get("notes");
  if (typeof notes === "string") claim.notes = notes;
  const tags = stringList(entity.get("tags"));
  if (tags) claim.tags = tags;
  const evidence = evidenceOf(entity, cards);
  if (evidence) claim.evidence = evidence;
  return claim;
}

/**
 * The relations that can stand: endpoints present, no self-relations, supports aimed at claims
 * only, undercuts aimed at a standing relation of another claim (followed without recursion, so
 * a long or circular chain of undercuts is harmless).
 */
function standingRelations(candidates: Relation[], claims: ReadonlySet<string>): Relation[] {
  const byId = new Map(candidates.map((r) => [r.id, r]));
  const verdict = new Map<string, boolean>();
  for (const start of candidates) {
    const path: Relation[] = [];
    const onPath = new Set<string>();
    let current: Relation | undefined = start;
    let ok = false;
    while (current) {
      const known = verdict.get(current.id);
      if (known !== undefined) {
        ok = known;
        break;
      }
      if (onPath.has(current.id)) break; // a circle of undercuts: none of it stands
      path.push(current);
      onPath.add(current.id);
      const r: Relation = current;
      if (r.to === r.from) break;
      if (claims.has(r.to)) {
        ok = true;
        break;
      }
      const target = byId.get(r.to);
      if (!target || r.type !== "attack" || target.from === r.from) break;
      current = target;
    }
    // Everything on the path stands exactly when what it ends on does.
    for (const r of path) verdict.set(r.id, ok);
  }
  return candidates.filter((r) => verdict.get(r.id) === true);
}

/**
 * The map a doc holds, always one that passes `checkMap`: entities of the wrong shape are skipped,
 * relations and card references whose targets are gone are dropped, repeated ids in lists are
 * ignored, and the title falls back to the slug.
 */
export function readMapFromDoc(doc: Y.Doc): ArgumentMap {
  const s = shared(doc);
  const meta = s.meta;

  const evidence: Card[] = [];
  for (const [id, entity] of ordered(s.cards, s.cardOrder)) {
    const card = readCard(id, entity);
    if (card) evidence.push(card);
  }
  const cardIds = new Set(evidence.map((c) => c.id));

  const claims: Claim[] = [];
  for (const [id, entity] of ordered(s.claims, s.claimOrder)) {
    const claim = readClaim(id, entity, cardIds);
    if (claim) claims.push(claim);
  }
  const claimIds = new Set(claims.map((c) => c.id));

  const candidates: Relation[] = [];
  const relationIds = new Set<string>();
  for (const [id, entity] of ordered(s.relations, s.relationOrder)) {
    if (claimIds.has(id) || relationIds.has(id)) continue;
    const from = entity.get("from");
    const to = entity.get("to");
    const type = entity.get("type");
    if (!isId(from) || !isId(to) || (type !== "support" && type !== "attack") || !claimIds.has(from))
      continue;
    const relation: Relation = { id, from, to, type };
    const list = evidenceOf(entity, cardIds);
    if (list) relation.evidence = list;
    candidates.push(relation);
    relationIds.add(id);
  }
  const relations = standingRelations(candidates, claimIds);

  const slug = meta?.get("slug");
  const title = meta?.get("title");
  const map: ArgumentMap = {
    version: FORMAT_VERSION,
    ...(typeof slug === "string" && slug ? { slug } : {}),
    title: isText(title) ? title : typeof slug === "string" && isText(slug) ? slug : "Untitled map",
    theses: idsOf(s.theses, (id) => claimIds.has(id)),
    claims,
    relations,
    evidence,
  };
  for (const key of ["resolution", "description"] as const) {
    const value = meta?.get(key);
    if (typeof value === "string") map[key] = value;
  }
  const tags = stringList(meta?.get("tags"));
  if (tags) map.tags = tags;
  const presentation = idsOf(s.presentation, (id) => claimIds.has(id));
  if (presentation.length > 0 || meta?.get("presentation") === true) map.presentation = presentation;
  // Field order as the loader writes it, so a map read back compares equal to the one loaded.
  return {
    version: map.version,
    ...(map.slug !== undefined ? { slug: map.slug } : {}),
    title: map.title,
    ...(map.resolution !== undefined ? { resolution: map.resolution } : {}),
    ...(map.description !== undefined ? { description: map.description } : {}),
    ...(map.tags !== undefined ? { tags: map.tags } : {}),
    theses: map.theses,
    ...(map.presentation !== undefined ? { presentation: map.presentation } : {}),
    claims,
    relations,
    evidence,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

function sameList(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Sets or deletes one plain field when it changed from before to after. */
function setField(target: Y.Map<unknown>, key: string, before: unknown, after: unknown): void {
  const same =
    Array.isArray(before) || Array.isArray(after)
      ? sameList(before as unknown[], after as unknown[])
      : before === after;
  if (same) return;
  if (after === undefined) target.delete(key);
  else target.set(key, Array.isArray(after) ? [...after] : after);
}

/** The positions of a longest increasing run of numbers (patience sorting), as a set of indexes. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < values[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) keep.add(i);
  return keep;
}

/**
 * Edits a Y.Array of ids from the list `before` to the list `after` by deletions and insertions,
 * relative to what the array holds now (which may carry others' concurrent changes): ids removed
 * are deleted wherever they are, ids added go after their predecessor in `after`, ids moved are
 * deleted and inserted again. Ids someone else already added are not added twice.
 */
function syncList(list: Y.Array<unknown>, before: readonly string[], after: readonly string[]): void {
  if (sameList(before, after)) return;
  // Only the part between an unchanged head and tail can hold changes.
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  const was = before.slice(head, before.length - tail);
  const now = after.slice(head, after.length - tail);
  const nowSet = new Set(now);
  const wasSet = new Set(was);
  const gone = new Set(was.filter((id) => !nowSet.has(id)));
  const common = now.filter((id) => wasSet.has(id));
  const moved = new Set<string>();
  if (common.length > 0) {
    const rank = new Map<string, number>();
    for (const id of was) if (nowSet.has(id) && !rank.has(id)) rank.set(id, rank.size);
    const ranks = common.map((id) => rank.get(id) ?? 0);
    if (ranks.some((r, i) => i > 0 && r < ranks[i - 1])) {
      const keep = longestIncreasing(ranks);
      common.forEach((id, i) => {
        if (!keep.has(i)) moved.add(id);
      });
    }
  }
  for (const id of moved) gone.add(id);

  const current = list.toArray();
  if (gone.size > 0) {
    for (let i = current.length - 1; i >= 0; ) {
      if (!gone.has(current[i] as string)) {
        i--;
        continue;
      }
      let start = i;
      while (start > 0 && gone.has(current[start - 1] as string)) start--;
      list.delete(start, i - start + 1);
      current.splice(start, i - start + 1);
      i = start - 1;
    }
  }

  const present = new Set(current as string[]);
  const toAdd = (x: string) => (!wasSet.has(x) || moved.has(x)) && !present.has(x);
  let i = head;
  const end = after.length - tail;
  while (i < end) {
    if (!toAdd(after[i])) {
      i++;
      continue;
    }
    // A run of ids to insert together, after the nearest earlier id the array holds.
    const run: string[] = [];
    const inRun = new Set<string>();
    while (i < end && toAdd(after[i]) && !inRun.has(after[i])) {
      inRun.add(after[i]);
      run.push(after[i++]);
    }
    let at = 0;
    for (let j = i - run.length - 1; j >= 0; j--) {
      if (present.has(after[j])) {
        at = current.indexOf(after[j]) + 1;
        break;
      }
    }
    list.insert(at, run);
    current.splice(at, 0, ...run);
    for (const x of run) present.add(x);
  }
}

/** The Y.Array under `key` of an entity, created when missing. */
function arrayField(entity: Y.Map<unknown>, key: string): Y.Array<unknown> {
  const value = entity.get(key);
  if (value instanceof Y.Array) return value;
  const list = new Y.Array<unknown>();
  entity.set(key, list);
  return list;
}

function writeEvidence(
  entity: Y.Map<unknown>,
  before: string[] | undefined,
  after: string[] | undefined,
): void {
  // The list exists from the start, so that two people attaching the first cards both land.
  const list = arrayField(entity, "evidence");
  if (sameList(before, after)) return;
  syncList(list, before ?? [], after ?? []);
  if (after !== undefined && after.length === 0) entity.set("evidenceListed", true);
  else if (entity.has("evidenceListed")) entity.delete("evidenceListed");
}

function writeClaim(entity: Y.Map<unknown>, before: Partial<Claim>, after: Claim): void {
  setField(entity, "text", before.text, after.text);
  setField(entity, "side", before.side, after.side);
  setField(entity, "notes", before.notes, after.notes);
  setField(entity, "tags", before.tags, after.tags);
  writeEvidence(entity, before.evidence, after.evidence);
}

function writeRelation(entity: Y.Map<unknown>, before: Partial<Relation>, after: Relation): void {
  setField(entity, "from", before.from, after.from);
  setField(entity, "to", before.to, after.to);
  setField(entity, "type", before.type, after.type);
  writeEvidence(entity, before.evidence, after.evidence);
}

function writeCard(entity: Y.Map<unknown>, before: Partial<Card>, after: Card): void {
  setField(entity, "tag", before.tag, after.tag);
  setField(entity, "quote", before.quote, after.quote);
  setField(entity, "read", before.read, after.read);
  if (before.cite === after.cite) return;
  if (!after.cite) {
    entity.delete("cite");
    return;
  }
  let cite = entity.get("cite");
  if (!(cite instanceof Y.Map)) {
    cite = new Y.Map<unknown>();
    entity.set("cite", cite);
  }
  const target = cite as Y.Map<unknown>;
  const was: Record<string, unknown> = before.cite ?? {};
  const now: Record<string, unknown> = after.cite;
  for (const key of Object.keys(was)) if (!(key in now)) target.delete(key);
  for (const [key, value] of Object.entries(now)) setField(target, key, was[key], value);
}

/** Adds, changes and removes the entities of one kind, and keeps their order list. */
function writeEntities<T extends { id: string }>(
  entities: Y.Map<unknown>,
  order: Y.Array<unknown>,
  before: readonly T[],
  after: readonly T[],
  write: (entity: Y.Map<unknown>, before: Partial<T>, after: T) => void,
): void {
  if (before === after) return;
  // Pure edits keep unchanged entities as the same objects: skip the unchanged head and tail.
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  if (head === before.length && head === after.length) return;
  const was = new Map<string, T>();
  for (let i = head; i < before.length - tail; i++) was.set(before[i].id, before[i]);
  const now = new Set<string>();
  for (let i = head; i < after.length - tail; i++) {
    const item = after[i];
    now.add(item.id);
    const old = was.get(item.id);
    if (old === item) continue;
    let entity = entities.get(item.id);
    if (!(entity instanceof Y.Map)) {
      // An entity changed here but deleted meanwhile by someone else stays deleted.
      if (old) continue;
      entity = new Y.Map<unknown>();
      entities.set(item.id, entity);
    }
    write(entity as Y.Map<unknown>, old ?? {}, item);
  }
  for (const id of was.keys()) if (!now.has(id)) entities.delete(id);
  const ids = (list: readonly T[]) => list.map((x) => x.id);
  syncList(order, ids(before), ids(after));
}

/**
 * Writes the difference from `before` to `after` into the doc in one transaction with `origin`:
 * only fields that changed are set, entities added or removed, lists of ids edited by insertions
 * and deletions (so two people adding to one list both land). Nothing happens when nothing differs.
 */
export function writeMapChange(doc: Y.Doc, before: ArgumentMap, after: ArgumentMap, origin?: unknown): void {
  if (before === after) return;
  doc.transact(() => {
    const meta = doc.getMap<unknown>("meta");
    setField(meta, "title", before.title, after.title);
    setField(meta, "slug", before.slug, after.slug);
    setField(meta, "resolution", before.resolution, after.resolution);
    setField(meta, "description", before.description, after.description);
    setField(meta, "tags", before.tags, after.tags);
    writeEntities(doc.getMap("cards"), doc.getArray("cardOrder"), before.evidence, after.evidence, writeCard);
    writeEntities(doc.getMap("claims"), doc.getArray("claimOrder"), before.claims, after.claims, writeClaim);
    writeEntities(
      doc.getMap("relations"),
      doc.getArray("relationOrder"),
      before.relations,
      after.relations,
      writeRelation,
    );
    syncList(doc.getArray("theses"), before.theses, after.theses);
    if (!sameList(before.presentation, after.presentation)) {
      syncList(doc.getArray("presentation"), before.presentation ?? [], after.presentation ?? []);
      setField(meta, "presentation", before.presentation !== undefined, after.presentation !== undefined);
    }
  }, origin);
}
