import type { ArgumentMap, Card, Claim, Relation } from "./schema";
import { checkMap, type Locus } from "./validate";

/**
 * Three-way merges of argument maps, field by field: what two people changed from one base is
 * kept when the changes touch different fields, lists of ids merge as sets (keeping each side's
 * order), and only the same field changed two ways, or an entity deleted on one side and changed
 * on the other, collides. Fields are named by path: `title`, `theses`, `claims[foo].text`,
 * `relations[a-attacks-b].evidence`, `evidence[card-1].cite.author`.
 */

/** One field that differs between two maps (`before`/`after` undefined: the field or entity is absent). */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** A place where the two sides' changes cannot both be kept. */
export interface MapCollision {
  path: string;
  message: string;
}

export type MergeResult = { ok: true; map: ArgumentMap } | { ok: false; collisions: MapCollision[] };

type Kind = "claims" | "relations" | "evidence";
type Entity = Claim | Relation | Card;

const SCALARS: Record<Kind, readonly string[]> = {
  claims: ["text", "side", "notes"],
  relations: ["from", "to", "type"],
  evidence: ["tag", "quote"],
};
const LISTS: Record<Kind, readonly string[]> = {
  claims: ["tags", "evidence"],
  relations: ["evidence"],
  evidence: ["read"],
};
const MAP_SCALARS = ["title", "resolution", "description"] as const;
const MAP_LISTS = ["tags", "theses", "presentation"] as const;

/** Structural equality of plain JSON values. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  if (keys.length !== Object.keys(right).filter((k) => right[k] !== undefined).length) return false;
  return keys.every((k) => same(left[k], right[k]));
}

function field(entity: Entity | undefined, key: string): unknown {
  return entity ? (entity as unknown as Record<string, unknown>)[key] : undefined;
}

function citeOf(entity: Entity | undefined): Record<string, unknown> | undefined {
  return (entity as Card | undefined)?.cite as Record<string, unknown> | undefined;
}

/** Whether the common items of two lists come in the same order. */
function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  const inB = new Set(b);
  const inA = new Set(a);
  const left = a.filter((x) => inB.has(x));
  const right = b.filter((x) => inA.has(x));
  return left.every((x, i) => x === right[i]);
}

// ---------------------------------------------------------------------------------------------
// Differences

/** Every field that differs from `a` to `b`, in map order; entities added or removed as a whole. */
export function diffMaps(a: ArgumentMap, b: ArgumentMap): FieldChange[] {
  const out: FieldChange[] = [];
  const note = (path: string, before: unknown, after: unknown) => {
    if (!same(before, after)) out.push({ path, before, after });
  };
  for (const key of MAP_SCALARS) note(key, a[key], b[key]);
  for (const key of MAP_LISTS) note(key, a[key], b[key]);
  const kinds: [Kind, readonly Entity[], readonly Entity[]][] = [
    ["claims", a.claims, b.claims],
    ["relations", a.relations, b.relations],
    ["evidence", a.evidence, b.evidence],
  ];
  for (const [kind, before, after] of kinds) {
    if (before === after) continue;
    const was = new Map(before.map((x) => [x.id, x]));
    const now = new Map(after.map((x) => [x.id, x]));
    const ids = (list: readonly Entity[]) => list.map((x) => x.id);
    if (!sameOrder(ids(before), ids(after))) out.push({ path: kind, before: ids(before), after: ids(after) });
    for (const id of new Set([...was.keys(), ...now.keys()])) {
      const x = was.get(id);
      const y = now.get(id);
      if (x === y) continue;
      const at = `${kind}[${id}]`;
      if (!x || !y) {
        out.push({ path: at, before: x, after: y });
        continue;
      }
      for (const key of [...SCALARS[kind], ...LISTS[kind]])
        note(`${at}.${key}`, field(x, key), field(y, key));
      if (kind === "evidence") {
        const c = citeOf(x) ?? {};
        const d = citeOf(y) ?? {};
        if (citeOf(x) === undefined || citeOf(y) === undefined) note(`${at}.cite`, citeOf(x), citeOf(y));
        else
          for (const key of new Set([...Object.keys(c), ...Object.keys(d)]))
            note(`${at}.cite.${key}`, c[key], d[key]);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Merging

class Collector {
  readonly collisions: MapCollision[] = [];
  collide(path: string, message = "changed two different ways"): void {
    this.collisions.push({ path, message });
  }
}

/** A field both sides may have changed: one change wins over no change; two different ones collide. */
function mergeValue(path: string, b: unknown, o: unknown, t: unknown, c: Collector): unknown {
  if (same(o, t) || same(t, b)) return o;
  if (same(o, b)) return t;
  c.collide(path);
  return o;
}

/**
 * Merges two edits of one list of ids as sets: an id either side removed is gone, ids either side
 * added are in, each placed after the item it follows on its side. The order of what stays is the
 * side's that reordered (or the base's). Ids added at one place by both sides go in the order of
 * their first ids, so the result does not depend on which side is which.
 */
export function mergeIdList(b: readonly string[], o: readonly string[], t: readonly string[]): string[] {
  if (sameList(o, t) || sameList(t, b)) return [...o];
  if (sameList(o, b)) return [...t];
  const inB = new Set(b);
  const inO = new Set(o);
  const inT = new Set(t);
  const order = !sameOrder(o, b) ? o : !sameOrder(t, b) ? t : b;
  const skeleton = order.filter((x) => inB.has(x) && inO.has(x) && inT.has(x));
  const kept = new Set(skeleton);
  const START = "";
  const groups = new Map<string, { o: string[]; t: string[] }>();
  const place = (list: readonly string[], side: "o" | "t") => {
    let anchor = START;
    for (const x of list) {
      if (kept.has(x)) anchor = x;
      else if (!inB.has(x)) {
        const group = groups.get(anchor) ?? { o: [], t: [] };
        group[side].push(x);
        groups.set(anchor, group);
      }
    }
  };
  place(o, "o");
  place(t, "t");
  const out: string[] = [];
  const seen = new Set<string>();
  const emit = (x: string) => {
    if (!seen.has(x)) {
      seen.add(x);
      out.push(x);
    }
  };
  const emitGroup = (anchor: string) => {
    const group = groups.get(anchor);
    if (!group) return;
    const runs =
      group.o.length > 0 && group.t.length > 0 && group.t[0] < group.o[0]
        ? [group.t, group.o]
        : [group.o, group.t];
    for (const run of runs) for (const x of run) emit(x);
  };
  emitGroup(START);
  for (const x of skeleton) {
    emit(x);
    emitGroup(x);
  }
  return out;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/** An optional list: merged as a set; present when the merge of presence says so or it holds anything. */
function mergeOptionalList(
  b: readonly string[] | undefined,
  o: readonly string[] | undefined,
  t: readonly string[] | undefined,
): string[] | undefined {
  const list = mergeIdList(b ?? [], o ?? [], t ?? []);
  const present = mergePresence(b !== undefined, o !== undefined, t !== undefined);
  return present || list.length > 0 ? list : undefined;
}

function mergePresence(b: boolean, o: boolean, t: boolean): boolean {
  return o === t ? o : o === b ? t : o;
}

function setOptional(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

function mergeEntity(
  kind: Kind,
  id: string,
  b: Entity | undefined,
  o: Entity,
  t: Entity,
  c: Collector,
): Entity {
  const at = `${kind}[${id}]`;
  const out: Record<string, unknown> = { id };
  for (const key of SCALARS[kind]) {
    setOptional(out, key, mergeValue(`${at}.${key}`, field(b, key), field(o, key), field(t, key), c));
  }
  for (const key of LISTS[kind]) {
    const list = (e: Entity | undefined) => field(e, key) as string[] | undefined;
    setOptional(out, key, mergeOptionalList(list(b), list(o), list(t)));
  }
  if (kind === "evidence") {
    const [cb, co, ct] = [citeOf(b), citeOf(o), citeOf(t)];
    const cite: Record<string, unknown> = {};
    for (const key of new Set([
      ...Object.keys(co ?? {}),
      ...Object.keys(ct ?? {}),
      ...Object.keys(cb ?? {}),
    ])) {
      setOptional(cite, key, mergeValue(`${at}.cite.${key}`, cb?.[key], co?.[key], ct?.[key], c));
    }
    const present = mergePresence(cb !== undefined, co !== undefined, ct !== undefined);
    if (present || Object.keys(cite).length > 0) out.cite = cite;
  }
  return out as unknown as Entity;
}

function mergeEntities<T extends Entity>(
  kind: Kind,
  b: readonly T[],
  o: readonly T[],
  t: readonly T[],
  c: Collector,
): T[] {
  if (t === b || o === t) return [...o];
  if (o === b) return [...t];
  const byId = (list: readonly T[]) => new Map(list.map((x) => [x.id, x]));
  const [mb, mo, mt] = [byId(b), byId(o), byId(t)];
  const ids = (list: readonly T[]) => list.map((x) => x.id);
  const out: T[] = [];
  for (const id of mergeIdList(ids(b), ids(o), ids(t))) {
    const [xb, xo, xt] = [mb.get(id), mo.get(id), mt.get(id)];
    if (!xo || !xt) {
      // Added on one side only; an entity of the base missing on a side was deleted there.
      if (!xb && (xo || xt)) out.push((xo ?? xt) as T);
      continue;
    }
    out.push(
      xo === xt || same(xt, xb) ? xo : same(xo, xb) ? xt : (mergeEntity(kind, id, xb, xo, xt, c) as T),
    );
  }
  // Deleted on one side, changed on the other: the change would be lost.
  for (const [id, xb] of mb) {
    const [xo, xt] = [mo.get(id), mt.get(id)];
    if (!xo && xt && !same(xt, xb))
      c.collide(`${kind}[${id}]`, "deleted on one side and changed on the other");
    if (!xt && xo && !same(xo, xb))
      c.collide(`${kind}[${id}]`, "changed on one side and deleted on the other");
  }
  return out;
}

/** Where a reference problem of the merged map sits, as a path of ids. */
function issuePath(map: ArgumentMap, locus: Locus): string {
  switch (locus.kind) {
    case "map":
      return locus.field ?? "";
    case "thesis":
      return "theses";
    case "presentation":
      return "presentation";
    case "claim":
      return `claims[${map.claims[locus.index]?.id}]${locus.field === "evidence" ? ".evidence" : ""}`;
    case "relation": {
      const base = `relations[${map.relations[locus.index]?.id}]`;
      return locus.field === "to" || locus.field === "evidence" ? `${base}.${locus.field}` : base;
    }
    case "card": {
      const base = `evidence[${map.evidence[locus.index]?.id}]`;
      return locus.field === "read" ? `${base}.read` : locus.field === "cite.url" ? `${base}.cite.url` : base;
    }
  }
}

/**
 * Merges the changes `ours` and `theirs` each made to `base`. The merged map, or the collisions:
 * the same field changed two ways, an entity deleted on one side and changed on the other, or
 * changes that only break the map together (a rebuttal of a claim the other side deleted).
 * Where both sides' maps are valid and one side changed nothing, the result is the other side.
 */
export function merge3(base: ArgumentMap, ours: ArgumentMap, theirs: ArgumentMap): MergeResult {
  const c = new Collector();
  const map: ArgumentMap = {
    version: ours.version,
    ...(ours.slug !== undefined || theirs.slug !== undefined ? { slug: ours.slug ?? theirs.slug } : {}),
    title: ours.title,
    theses: mergeIdList(base.theses, ours.theses, theirs.theses),
    claims: mergeEntities("claims", base.claims, ours.claims, theirs.claims, c),
    relations: mergeEntities("relations", base.relations, ours.relations, theirs.relations, c),
    evidence: mergeEntities("evidence", base.evidence, ours.evidence, theirs.evidence, c),
  };
  for (const key of MAP_SCALARS) {
    setOptional(map, key, mergeValue(key, base[key], ours[key], theirs[key], c));
  }
  for (const key of ["tags", "presentation"] as const) {
    setOptional(map, key, mergeOptionalList(base[key], ours[key], theirs[key]));
  }
  if (c.collisions.length > 0) return { ok: false, collisions: c.collisions };
  const issues = checkMap(map);
  if (issues.length > 0) {
    return {
      ok: false,
      collisions: issues.map((issue) => ({
        path: issuePath(map, issue.locus),
        message: `the two changes do not fit together: ${issue.message}`,
      })),
    };
  }
  return { ok: true, map };
}
