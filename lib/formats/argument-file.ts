import {
  Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Range,
  visit,
  YAMLMap,
  YAMLSeq,
  type Node as YamlNode,
} from "yaml";
import { z } from "zod";
import { relationId } from "../model/ids";
import { formatPath, type Problem, sortProblems } from "../model/problems";
import { defaultTheses, derivedSideIn, deriveSides, indexMap } from "../model/queries";
import {
  type ArgumentFile,
  type ArgumentMap,
  argumentFileSchema,
  argumentMapSchema,
  cardSchema,
  claimSchema,
  type FileCard,
  type FileClaim,
  FORMAT_VERSION,
  fileCardSchema,
  fileClaimSchema,
  idListSchema,
  idSchema,
  MAX_FILE_BYTES,
  type Relation,
  type RelationEntry,
  type RelationType,
  relationSchema,
  type Side,
} from "../model/schema";
import { checkMap, type Locus } from "../model/validate";
import { mergeLines } from "./line-merge";

/** Which of the two accepted shapes a source used. */
export type SourceShape = "file" | "normalized";
/** How the source is written out again. */
export type SourceSyntax = "yaml" | "json";

/** A parsed argument source: the normalized map plus what is needed to write it back faithfully. */
export interface ParsedSource {
  map: ArgumentMap;
  /** The source text as read, for writing back with the author's formatting. */
  text: string;
  doc: Document;
  shape: SourceShape;
  syntax: SourceSyntax;
}

export type ParseResult = { ok: true; value: ParsedSource } | { ok: false; problems: Problem[] };

type Path = (string | number)[];

/** Where each normalized element came from in the file, so problems point at the source. */
interface Origins {
  claims: Path[];
  relations: { base: Path; long: boolean }[];
  evidence: Path[];
  thesesGiven: boolean;
}

const YAML_OUTPUT = { lineWidth: 0, flowCollectionPadding: false } as const;
// The yaml package checks keys for duplicates by scanning every earlier key of the mapping, which
// takes seconds on a map of thousands of claims; duplicateKeyOffsets finds them in one pass.
const YAML_PARSE = { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false } as const;

/** Where each repeated key of a mapping starts in the text (every occurrence after the first). */
function duplicateKeyOffsets(doc: Document): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Map(_, map) {
      if (map.items.length < 2) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = `${typeof pair.key.value} ${String(pair.key.value)}`;
        if (seen.has(key)) offsets.push(pair.key.range?.[0] ?? 0);
        else seen.add(key);
      }
    },
  });
  return offsets;
}

/**
 * The document of the text the last serialization checked, so that reading that text back
 * (the save's own check) does not parse it a second time. Only ever holds one document.
 */
let verified: { text: string; doc: Document; lineCounter: LineCounter } | undefined;
/** Plain renderings already known for a document, so a save renders the file it starts from once. */
const renderings = new WeakMap<Document, string>();
/** Where a file in `arguments/` finds the JSON Schema; files elsewhere pass their own relative path. */
export const DEFAULT_SCHEMA_REFERENCE = "../schema/argument-map.schema.json";

/** Guesses the syntax from a file name; YAML is the default since JSON is YAML too. */
export function syntaxOf(fileName: string): SourceSyntax {
  return fileName.toLowerCase().endsWith(".json") ? "json" : "yaml";
}

/**
 * Parses an argument file (YAML or JSON, authored or normalized shape) and validates it fully:
 * syntax, shape, version, size and references, every problem at once with its line and column.
 */
export function parseArgumentSource(
  text: string,
  file: string,
  options: { slug?: string } = {},
): ParseResult {
  const syntax = syntaxOf(file);
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_FILE_BYTES) {
    return fail([
      { file, line: 1, col: 1, path: "", message: `file is ${bytes} bytes; the limit is ${MAX_FILE_BYTES}` },
    ]);
  }
  // A save has just parsed this very text to check its merge: take that document over.
  const reuse = verified?.text === text ? verified : undefined;
  verified = undefined;
  const lineCounter = reuse?.lineCounter ?? new LineCounter();
  if (syntax === "json" && !reuse) {
    const jsonProblem = jsonSyntaxProblem(text, file);
    if (jsonProblem) return fail([jsonProblem]);
  }
  const doc = reuse?.doc ?? parseDocument(text, { lineCounter, ...YAML_PARSE });
  const at = (offset: number, path: string, message: string): Problem => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, col: pos.col, path, message };
  };
  const problems: Problem[] = [];
  let fatal = false;
  const duplicate = (offset: number) => {
    const path = pathAtOffset(doc, offset);
    problems.push(at(offset, formatPath(path), `duplicate key "${String(path.at(-1) ?? "")}"`));
  };
  for (const error of doc.errors) {
    if (error.code === "DUPLICATE_KEY") duplicate(error.pos[0]);
    else {
      fatal = true;
      problems.push(
        at(error.pos[0], "", `${syntax === "json" ? "JSON" : "YAML"} syntax: ${firstLine(error.message)}`),
      );
    }
  }
  for (const offset of duplicateKeyOffsets(doc)) duplicate(offset);
  if (fatal) return fail(problems);

  const nodeAt = (path: Path): YamlNode | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (node && typeof node === "object" && "range" in node) return node as YamlNode;
    }
    return undefined;
  };
  const atPath = (path: Path, message: string, keyOf?: string): Problem => {
    const offset = keyOf !== undefined ? keyOffset(doc, path, keyOf) : undefined;
    const range: Range | null | undefined = nodeAt(path)?.range;
    return at(offset ?? range?.[0] ?? 0, formatPath(keyOf !== undefined ? [...path, keyOf] : path), message);
  };

  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    problems.push(at(0, "", "expected a mapping with version, title and claims"));
    return fail(problems);
  }
  const record = data as Record<string, unknown>;
  if (record.version !== FORMAT_VERSION) {
    const message =
      record.version === undefined
        ? `missing "version" (this Clashmap reads version ${FORMAT_VERSION})`
        : `unsupported version ${JSON.stringify(record.version)} (this Clashmap reads version ${FORMAT_VERSION})`;
    problems.push(atPath(["version"], message));
    return fail(problems);
  }

  const shape: SourceShape = Array.isArray(record.claims) ? "normalized" : "file";
  let map: ArgumentMap;
  let origins: Origins;
  if (shape === "normalized") {
    const parsed = parseNormalizedShape(record, atPath);
    problems.push(...parsed.problems);
    if (!parsed.map) return fail(problems);
    map = { ...parsed.map, slug: options.slug ?? parsed.map.slug };
    origins = parsed.origins;
  } else {
    const parsed = parseFileShape(record, atPath);
    problems.push(...parsed.problems);
    if (!parsed.file) return fail(problems);
    ({ map, origins } = normalizeFile(parsed.file, options.slug));
  }

  for (const issue of checkMap(map)) {
    const { path, key } = locate(issue.locus, map, origins);
    problems.push(atPath(path, issue.message, key));
  }
  if (problems.length > 0) return fail(problems);
  return { ok: true, value: { map, text, doc, shape, syntax } };
}

const PLACEHOLDER_CLAIM: FileClaim = { text: "(invalid claim)" };
const PLACEHOLDER_CARD: FileCard = { tag: "(invalid card)", quote: "" };

/**
 * Checks the authored shape claim by claim and card by card, so that one bad claim still lets
 * every other problem (references included) be reported in the same run.
 */
function parseFileShape(
  record: Record<string, unknown>,
  atPath: (path: Path, message: string, keyOf?: string) => Problem,
): { file?: ArgumentFile; problems: Problem[] } {
  const problems: Problem[] = [];
  const top = argumentFileSchema
    .extend({
      claims: z.record(z.string(), z.unknown()),
      evidence: z.record(z.string(), z.unknown()).optional(),
    })
    .safeParse(record);
  if (!top.success) problems.push(...zodProblems(top.error, atPath));
  const data = top.success ? top.data : salvageTop(record);
  const claims: Record<string, FileClaim> = {};
  for (const [id, raw] of Object.entries(data.claims)) {
    const key = idSchema.safeParse(id);
    if (!key.success)
      problems.push(atPath(["claims"], `invalid claim id "${id}": ${key.error.issues[0].message}`, id));
    const claim = fileClaimSchema.safeParse(raw);
    if (!claim.success) problems.push(...zodProblems(claim.error, atPath, ["claims", id]));
    claims[id] = claim.success ? claim.data : PLACEHOLDER_CLAIM;
  }
  const evidence: Record<string, FileCard> = {};
  for (const [id, raw] of Object.entries(data.evidence ?? {})) {
    const key = idSchema.safeParse(id);
    if (!key.success)
      problems.push(atPath(["evidence"], `invalid card id "${id}": ${key.error.issues[0].message}`, id));
    const card = fileCardSchema.safeParse(raw);
    if (!card.success) problems.push(...zodProblems(card.error, atPath, ["evidence", id]));
    evidence[id] = card.success ? card.data : PLACEHOLDER_CARD;
  }
  const { evidence: rawEvidence, ...rest } = data;
  return { file: { ...rest, claims, ...(rawEvidence ? { evidence } : {}) }, problems };
}

/**
 * Checks the normalized shape element by element, like the authored one: a claim, relation or
 * card of the wrong shape is reported and left out, and everything else is still checked.
 */
function parseNormalizedShape(
  record: Record<string, unknown>,
  atPath: (path: Path, message: string, keyOf?: string) => Problem,
): { map?: ArgumentMap; origins: Origins; problems: Problem[] } {
  const problems: Problem[] = [];
  const origins: Origins = { claims: [], relations: [], evidence: [], thesesGiven: true };
  const top = argumentMapSchema
    .extend({ claims: z.array(z.unknown()), relations: z.array(z.unknown()), evidence: z.array(z.unknown()) })
    .safeParse(record);
  if (!top.success) {
    problems.push(...zodProblems(top.error, atPath));
    return { origins, problems };
  }
  const keep = <T>(
    list: unknown[],
    schema: z.ZodType<T>,
    key: string,
    placeholder?: (id: string) => T,
  ): T[] =>
    list
      .flatMap((raw, i) => {
        const parsed = schema.safeParse(raw);
        if (parsed.success) return [{ value: parsed.data, i }];
        problems.push(...zodProblems(parsed.error, atPath, [key, i]));
        // A claim or card with a usable id stays as a placeholder, so references to it do not also fail.
        const id = idSchema.safeParse((raw as { id?: unknown } | null)?.id);
        return id.success && placeholder ? [{ value: placeholder(id.data), i }] : [];
      })
      .map(({ value, i }) => {
        if (key === "claims") origins.claims.push([key, i]);
        else if (key === "evidence") origins.evidence.push([key, i]);
        else origins.relations.push({ base: [key, i], long: true });
        return value;
      });
  const claims = keep(top.data.claims, claimSchema, "claims", (id) => ({
    id,
    text: "(invalid claim)",
    side: "aff" as const,
  }));
  const relations = keep(top.data.relations, relationSchema, "relations");
  const evidence = keep(top.data.evidence, cardSchema, "evidence", (id) => ({
    id,
    tag: "(invalid card)",
    quote: "",
  }));
  return { map: { ...top.data, claims, relations, evidence }, origins, problems };
}

/** What can still be checked of a file whose top level is wrong: its claims and cards. */
function salvageTop(record: Record<string, unknown>) {
  const asRecord = (value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  const theses = idListSchema.safeParse(record.theses);
  return {
    version: FORMAT_VERSION as typeof FORMAT_VERSION,
    title: "(invalid)",
    theses: theses.success ? theses.data : undefined,
    claims: asRecord(record.claims) ?? {},
    evidence: asRecord(record.evidence),
  };
}

/**
 * YAML accepts much that JSON does not (comments, unquoted keys, trailing commas), so a `.json`
 * file is first held to JSON itself, with the parser's message at its line and column.
 */
function jsonSyntaxProblem(text: string, file: string): Problem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    const before = text.slice(0, offset).split("\n");
    return {
      file,
      line: before.length,
      col: before[before.length - 1].length + 1,
      path: "",
      message: `JSON syntax: ${message.replace(/ in JSON at position \d+.*$/s, "").replace(/ \(line \d+ column \d+\)$/, "")}`,
    };
  }
}

function fail(problems: Problem[]): ParseResult {
  return { ok: false, problems: sortProblems(problems) };
}

function firstLine(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}

function zodProblems(
  error: z.ZodError,
  atPath: (path: Path, message: string, keyOf?: string) => Problem,
  prefix: Path = [],
): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== "symbol")];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push(atPath(path, `unknown field "${key}"`, key));
    } else if (issue.code === "invalid_key") {
      out.push(
        atPath(path, `invalid id "${String(path.at(-1))}": ${issue.issues[0]?.message ?? issue.message}`),
      );
    } else if (issue.code === "invalid_union") {
      out.push(atPath(path, unionMessage(issue)));
    } else {
      out.push(atPath(path, describeIssue(issue)));
    }
  }
  return out;
}

function unionMessage(issue: z.core.$ZodIssueInvalidUnion): string {
  const inner = issue.errors.flat().find((i) => i.code !== "invalid_type");
  return inner
    ? `${describeIssue(inner as z.core.$ZodIssue)} (expected an id, a list of ids, or { to, evidence })`
    : "expected an id, a list of ids, or entries like { to: id, evidence: [card] }";
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") {
    return issue.input === undefined
      ? `missing required field (expected ${issue.expected})`
      : `expected ${issue.expected}`;
  }
  if (issue.code === "invalid_value") {
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return issue.message;
}

/** Turns the authored shape into the normalized map and remembers where each part came from. */
export function normalizeFile(file: ArgumentFile, slug?: string): { map: ArgumentMap; origins: Origins } {
  const claimEntries = Object.entries(file.claims);
  const relations: Relation[] = [];
  const relationOrigins: Origins["relations"] = [];
  for (const [from, claim] of claimEntries) {
    for (const key of Object.keys(claim)) {
      if (key !== "supports" && key !== "attacks") continue;
      const type: RelationType = key === "supports" ? "support" : "attack";
      const value = claim[key];
      const entries = Array.isArray(value) ? value : value === undefined ? [] : [value];
      entries.forEach((entry, i) => {
        const base: Path = Array.isArray(value) ? ["claims", from, key, i] : ["claims", from, key];
        const long = typeof entry !== "string";
        const e: RelationEntry = typeof entry === "string" ? { to: entry } : entry;
        relations.push({
          id: e.id ?? relationId(from, type, e.to),
          from,
          to: e.to,
          type,
          ...(e.evidence ? { evidence: e.evidence } : {}),
        });
        relationOrigins.push({ base, long });
      });
    }
  }
  const explicit = new Map<string, Side>();
  for (const [id, claim] of claimEntries) if (claim.side) explicit.set(id, claim.side);
  const sides = deriveSides(
    claimEntries.map(([id]) => id),
    relations,
    explicit,
  );
  const claims = claimEntries.map(([id, c]) => ({
    id,
    text: c.text,
    side: sides.get(id) ?? "aff",
    ...(c.notes !== undefined ? { notes: c.notes } : {}),
    ...(c.tags ? { tags: c.tags } : {}),
    ...(c.evidence ? { evidence: c.evidence } : {}),
  }));
  const evidence = Object.entries(file.evidence ?? {}).map(([id, card]) => ({ id, ...card }));
  const map: ArgumentMap = {
    version: FORMAT_VERSION,
    ...(slug ? { slug } : {}),
    title: file.title,
    ...(file.resolution !== undefined ? { resolution: file.resolution } : {}),
    ...(file.description !== undefined ? { description: file.description } : {}),
    ...(file.tags ? { tags: file.tags } : {}),
    theses: file.theses ?? defaultTheses({ claims, relations }),
    claims,
    relations,
    evidence,
  };
  return {
    map,
    origins: {
      claims: claimEntries.map(([id]) => ["claims", id]),
      relations: relationOrigins,
      evidence: Object.keys(file.evidence ?? {}).map((id) => ["evidence", id]),
      thesesGiven: file.theses !== undefined,
    },
  };
}

function locate(locus: Locus, map: ArgumentMap, origins: Origins): { path: Path; key?: string } {
  switch (locus.kind) {
    case "map":
      return { path: locus.field ? [locus.field] : [] };
    case "thesis":
      return { path: origins.thesesGiven ? ["theses", locus.index] : ["claims"] };
    case "claim": {
      const base = origins.claims[locus.index];
      if (locus.field === "evidence") return { path: [...base, "evidence", locus.item ?? 0] };
      if (locus.field === "id" && typeof base[1] === "string") return { path: ["claims"], key: base[1] };
      return { path: base };
    }
    case "relation": {
      const origin = origins.relations[locus.index];
      if (!origin.long) return { path: origin.base };
      if (locus.field === "evidence") return { path: [...origin.base, "evidence", locus.item ?? 0] };
      if (locus.field === "to") return { path: [...origin.base, "to"] };
      if (locus.field === "id" && map.relations[locus.index]) return { path: [...origin.base, "id"] };
      return { path: origin.base };
    }
    case "card": {
      const base = origins.evidence[locus.index];
      if (locus.field === "read") return { path: [...base, "read", locus.item ?? 0] };
      if (locus.field === "cite.url") return { path: [...base, "cite", "url"] };
      if (locus.field === "id" && typeof base[1] === "string") return { path: ["evidence"], key: base[1] };
      return { path: base };
    }
  }
}

/** Offset of the key `key` inside the mapping at `path`, so unknown fields point at their name. */
function keyOffset(doc: Document, path: Path, key: string): number | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair.key.range?.[0];
  }
  return undefined;
}

/** The document path of the deepest key whose source contains `offset` (for parser errors). */
function pathAtOffset(doc: Document, offset: number): Path {
  let best: Path = [];
  const visit = (node: unknown, path: Path) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : "?";
        const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
        if (keyRange && keyRange[0] <= offset && offset < keyRange[1]) best = [...path, key];
        visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        visit(item, [...path, i]);
      });
    }
  };
  visit(doc.contents, []);
  return best;
}

// Writing back

/**
 * The authored shape of a map: relation ids left out where derived, sides left out where they
 * follow from the relations (unless `keepSides` names the claim), single short targets unlisted.
 */
export function mapToFile(map: ArgumentMap, keepSides: ReadonlySet<string> = new Set()): ArgumentFile {
  const thesisSet = new Set(map.theses);
  const index = indexMap(map);
  const claims: Record<string, FileClaim> = {};
  for (const claim of map.claims) {
    const out: FileClaim = { text: claim.text };
    if (thesisSet.has(claim.id) || keepSides.has(claim.id) || derivedSideIn(index, claim.id) !== claim.side) {
      out.side = claim.side;
    }
    if (claim.notes !== undefined) out.notes = claim.notes;
    if (claim.tags?.length) out.tags = claim.tags;
    for (const type of ["support", "attack"] as const) {
      const mine = (index.outgoing.get(claim.id) ?? []).filter((r) => r.type === type);
      if (mine.length === 0) continue;
      const entries = mine.map((r) => {
        const derived = r.id === relationId(r.from, r.type, r.to);
        if (derived && !r.evidence?.length) return r.to;
        const entry: RelationEntry = { to: r.to };
        if (!derived) entry.id = r.id;
        if (r.evidence?.length) entry.evidence = r.evidence;
        return entry;
      });
      const key = type === "support" ? "supports" : "attacks";
      out[key] = entries.length === 1 && typeof entries[0] === "string" ? entries[0] : entries;
    }
    if (claim.evidence?.length) out.evidence = claim.evidence;
    claims[claim.id] = out;
  }
  const file: ArgumentFile = { version: FORMAT_VERSION, title: map.title, claims };
  if (map.resolution !== undefined) file.resolution = map.resolution;
  if (map.description !== undefined) file.description = map.description;
  if (map.tags?.length) file.tags = map.tags;
  const roots = defaultTheses(map);
  if (map.theses.length !== roots.length || map.theses.some((t, i) => t !== roots[i]))
    file.theses = map.theses;
  if (map.evidence.length > 0) {
    file.evidence = Object.fromEntries(
      map.evidence.map(({ id, ...card }) => [id, stripUndefined(card)]),
    ) as ArgumentFile["evidence"];
  }
  return orderKeys(file);
}

const TOP_ORDER = ["version", "title", "resolution", "description", "tags", "theses", "claims", "evidence"];

function orderKeys(file: ArgumentFile): ArgumentFile {
  const out: Record<string, unknown> = {};
  for (const key of TOP_ORDER)
    if ((file as Record<string, unknown>)[key] !== undefined)
      out[key] = (file as Record<string, unknown>)[key];
  return out as ArgumentFile;
}

function stripUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The normalized JSON of FORMATS.md, every object's keys in one fixed order so exports and saves agree. */
export function mapToNormalized(map: ArgumentMap): ArgumentMap {
  return stripUndefined({
    version: map.version,
    slug: map.slug,
    title: map.title,
    resolution: map.resolution,
    description: map.description,
    tags: map.tags,
    theses: map.theses,
    claims: map.claims.map((c) => ({
      id: c.id,
      text: c.text,
      side: c.side,
      notes: c.notes,
      tags: c.tags,
      evidence: c.evidence,
    })),
    relations: map.relations.map((r) => ({
      id: r.id,
      from: r.from,
      to: r.to,
      type: r.type,
      evidence: r.evidence,
    })),
    evidence: map.evidence.map((card) => ({
      id: card.id,
      tag: card.tag,
      quote: card.quote,
      read: card.read,
      cite: card.cite,
    })),
  });
}

/** A new YAML document for a map, with the schema comment editors use for completion. */
export function newYamlDocument(map: ArgumentMap, schemaReference = DEFAULT_SCHEMA_REFERENCE): Document {
  const doc = new Document(mapToFile(map));
  doc.commentBefore = ` yaml-language-server: $schema=${schemaReference}`;
  return doc;
}

/**
 * Writes `map` back as the text of `source`, changing only what differs: comments, key order,
 * quoting and block styles of untouched parts stay as the author left them. With `consume` the
 * source's document is edited in place instead of copied (a save that is done with it).
 */
export function serializeArgumentSource(
  source: ParsedSource,
  map: ArgumentMap,
  options: { consume?: boolean } = {},
): string {
  if (source.shape === "normalized") {
    const slug = source.doc.get("slug");
    const render = (m: ArgumentMap) =>
      `${JSON.stringify(mapToNormalized({ ...m, slug: typeof slug === "string" ? slug : undefined }), null, 2)}\n`;
    const base = render(source.map);
    const edited = render(map);
    return edited === base ? source.text : keepAuthorFormatting(source, base, edited, JSON.parse(edited));
  }
  const render = (d: Document) =>
    source.syntax === "json" ? `${JSON.stringify(d.toJS(), null, 2)}\n` : d.toString(YAML_OUTPUT);
  // The plain rendering of the file as it was, taken before a consumed document changes.
  const base = renderings.get(source.doc) ?? render(source.doc);
  const doc = options.consume ? source.doc : source.doc.clone();
  // A side the author wrote though it follows from the relations is theirs to keep; one that was
  // written only because it differed (often by an earlier save) goes when it is no longer needed,
  // so undoing an edit gives back the file as it was.
  const keepSides = new Set<string>();
  const sourceIndex = indexMap(source.map);
  const claimsNode = doc.get("claims", true);
  if (isMap(claimsNode)) {
    for (const pair of claimsNode.items) {
      if (!isMap(pair.value) || !pair.value.has("side") || !isScalar(pair.key)) continue;
      const id = String(pair.key.value);
      const before = sourceIndex.claims.get(id);
      if (before && derivedSideIn(sourceIndex, id) === before.side) keepSides.add(id);
    }
  }
  const want = mapToFile(map, keepSides);
  // Likewise a theses list: kept when the author wrote it, dropped when it was only needed before.
  const thesesWereDefault = sameJson(source.map.theses, defaultTheses(source.map));
  if (doc.has("theses") && thesesWereDefault && !want.theses) (want as ArgumentFile).theses = map.theses;
  doc.contents = mergeNode(doc, doc.contents, want, []) as typeof doc.contents;
  const edited = render(doc);
  if (edited === base) return source.text;
  return keepAuthorFormatting(source, base, edited, doc.toJS());
}

/**
 * The yaml package re-renders untouched scalars in its own style (folded lines re-wrapped, for
 * one). A three-way merge of the author's text, the plain re-rendering of the original document
 * and the re-rendering of the edited one carries over only the edit's lines, so everything else
 * keeps the author's exact formatting. Where the merge would not reproduce the map, the plain
 * re-rendering is used instead.
 */
function keepAuthorFormatting(source: ParsedSource, base: string, edited: string, content: unknown): string {
  const crlf = source.text.includes("\r\n");
  const author = crlf ? source.text.replace(/\r\n/g, "\n") : source.text;
  const merged = mergeLines(author.split("\n"), base.split("\n"), edited.split("\n"))?.join("\n");
  const lineCounter = new LineCounter();
  const check = merged === undefined ? undefined : parseDocument(merged, { lineCounter, ...YAML_PARSE });
  const sameContent = check !== undefined && check.errors.length === 0 && sameJson(check.toJS(), content);
  const out = sameContent && merged !== undefined ? merged : edited;
  if (check && sameContent && merged !== undefined && !crlf) {
    // The merged text renders as `edited` did (same content, same node styles), which makes it
    // the base of the next save into this text.
    verified = { text: merged, doc: check, lineCounter };
    renderings.set(check, edited);
  }
  return crlf ? out.replace(/\n/g, "\r\n") : out;
}

/** Serializes a map as a fresh file of the given syntax (authored shape). */
export function serializeNewSource(
  map: ArgumentMap,
  syntax: SourceSyntax,
  schemaReference = DEFAULT_SCHEMA_REFERENCE,
): string {
  if (syntax === "json") return `${JSON.stringify(mapToFile(map), null, 2)}\n`;
  return newYamlDocument(map, schemaReference).toString(YAML_OUTPUT);
}

/** Mappings whose entries follow the map's order (claims and cards); elsewhere the author's order stays. */
const ORDERED_MAPPINGS = new Set(["claims", "evidence"]);

function mergeNode(doc: Document, node: unknown, want: unknown, path: string[]): unknown {
  if (want === undefined) return undefined;
  // One target may be written as a one-item list or as a single value: keep the author's choice.
  if (isSeq(node) && !Array.isArray(want) && node.items.length === 1) {
    node.items[0] = mergeNode(doc, node.items[0], want, [...path, "0"]) as (typeof node.items)[number];
    return node;
  }
  if (!isSeq(node) && Array.isArray(want) && want.length === 1 && (isMap(node) || isScalar(node))) {
    return mergeNode(doc, node, want[0], path);
  }
  if ((isMap(node) || isSeq(node)) && node.flow && node.items.length === 0 && holdsCollections(want)) {
    // An emptied block collection is written `{}` or `[]`; claims or cards that come back go in block style.
    node.flow = false;
  }
  if (isPlainObject(want) && isMap(node)) {
    const keys = Object.keys(want);
    const keyOf = (pair: (typeof node.items)[number]) =>
      isScalar(pair.key) ? String(pair.key.value) : undefined;
    const wanted = new Set(keys);
    node.items = node.items.filter((pair) => wanted.has(keyOf(pair) ?? ""));
    const pairs = new Map(node.items.map((pair) => [keyOf(pair), pair]));
    for (const key of keys) {
      const pair = pairs.get(key);
      if (pair) pair.value = mergeNode(doc, pair.value, want[key], [...path, key]) as typeof pair.value;
      else node.add(doc.createPair(key, want[key]));
    }
    if (path.length === 1 && ORDERED_MAPPINGS.has(path[0])) {
      // An undone deletion puts the claim back where it was, not at the end.
      const rank = new Map(keys.map((k, i) => [k, i]));
      node.items.sort((a, b) => (rank.get(keyOf(a) ?? "") ?? 0) - (rank.get(keyOf(b) ?? "") ?? 0));
    }
    return node;
  }
  if (Array.isArray(want) && isSeq(node)) {
    if (sameJson(node.toJSON(), want)) return node;
    node.items = node.items.slice(0, want.length);
    want.forEach((item, i) => {
      if (i < node.items.length)
        node.items[i] = mergeNode(doc, node.items[i], item, [
          ...path,
          String(i),
        ]) as (typeof node.items)[number];
      else node.items.push(doc.createNode(item));
    });
    return node;
  }
  if (isScalar(node) && (typeof want === "string" || typeof want === "number" || typeof want === "boolean")) {
    if (node.value !== want) node.value = want;
    return node;
  }
  const created = doc.createNode(want);
  if (isScalar(node) || isMap(node) || isSeq(node)) {
    if (created instanceof YAMLMap || created instanceof YAMLSeq) created.flow = false;
    created.comment = node.comment;
    created.commentBefore = node.commentBefore;
  }
  return created;
}

function holdsCollections(value: unknown): boolean {
  const items = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : [];
  return items.some((item) => typeof item === "object" && item !== null);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
