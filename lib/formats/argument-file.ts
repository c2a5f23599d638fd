import {
  type Alias,
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
import { describeIssue, issueCode, REPORT_INPUT } from "../model/issues";
import {
  failed,
  formatPath,
  ok,
  type Problem,
  type ProblemCode,
  quoteValue,
  type Result,
} from "../model/problems";
import { defaultTheses, derivedSideIn, deriveSides, indexMap, type MapIndex } from "../model/queries";
import {
  type ArgumentFile,
  type ArgumentMap,
  argumentFileSchema,
  argumentMapSchema,
  type Card,
  type Claim,
  cardSchema,
  claimSchema,
  type FileCard,
  type FileClaim,
  FORMAT_VERSION,
  fileCardSchema,
  fileClaimSchema,
  idSchema,
  MAX_FILE_BYTES,
  type Relation,
  type RelationEntry,
  type RelationType,
  relationSchema,
  type Side,
} from "../model/schema";
import { checkMap, type Locus } from "../model/validate";
import { type FastYaml, jsonWithoutDuplicateKeys, readPlainYaml } from "./fast-yaml";
import { mergeJsonValue, printedLikeStringify, printJsonLike } from "./json-writing";
import { mergeLines } from "./line-merge";
import { mapToNormalized } from "./normalized-json";

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
  /** The fast reader's reading of a YAML text (with where each claim and card sits), when it could read it. */
  plain?: FastYaml;
}

/** What parsing an argument file gives: the source ready to edit, or every problem found. */
export type ParseResult = Result<ParsedSource>;

type Path = (string | number)[];
/** Where an unclosed quote or bracket was opened, and what to say given where the parser gave up. */
type Opened = { offset: number; what: (end: { line: number; col: number } | "end") => string };

/** Places a problem at a document path (or at the key `keyOf` inside it). */
type AtPath = (code: ProblemCode, path: Path, message: string, keyOf?: string) => Problem;

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

/**
 * How many alias expansions a file may use (the yaml package's measure: uses times the size of
 * what they repeat). An "alias bomb" of nested anchors passes it at once and is refused.
 */
export const MAX_ALIAS_COUNT = 100;

/** Guesses the syntax from a file name; YAML is the default since JSON is YAML too. */
export function syntaxOf(fileName: string): SourceSyntax {
  return fileName.toLowerCase().endsWith(".json") ? "json" : "yaml";
}

/**
 * Parses an argument file (YAML or JSON, authored or normalized shape) and validates it fully:
 * syntax, shape, version, size and references, every problem at once with its line and column.
 * Never throws: a file the parser gives up on is a problem of that file like any other.
 */
export function parseArgumentSource(
  text: string,
  file: string,
  options: { slug?: string } = {},
): ParseResult {
  try {
    return parseChecked(text, file, options);
  } catch (error) {
    return failed([
      {
        code: "unreadable",
        file,
        line: 1,
        col: 1,
        path: "",
        message: `the file could not be read: ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
}

function parseChecked(text: string, file: string, options: { slug?: string }): ParseResult {
  const syntax = syntaxOf(file);
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_FILE_BYTES) {
    return failed([
      {
        code: "size",
        file,
        line: 1,
        col: 1,
        path: "",
        message: `file is ${bytes} bytes; the limit is ${MAX_FILE_BYTES}`,
      },
    ]);
  }
  const problems: Problem[] = forbiddenCharacters(text, file, syntax);
  // A save has just parsed this very text to check its merge: take that document over.
  const reuse = verified?.text === text ? verified : undefined;
  verified = undefined;
  if (problems.length === 0) {
    const fast = parseFast(text, syntax, options, reuse?.doc);
    if (fast) return ok(fast);
  }
  const lineCounter = reuse?.lineCounter ?? new LineCounter();
  if (syntax === "json" && !reuse) {
    // The characters just reported would also stop JSON.parse; blanked, the rest is still checked.
    const jsonProblem = jsonSyntaxProblem(text.replace(FORBIDDEN_IN_JSON, " "), file);
    if (jsonProblem) return failed([...problems, jsonProblem]);
  }
  const doc = reuse?.doc ?? parseDocument(text, { lineCounter, ...YAML_PARSE });
  const at = (code: ProblemCode, offset: number, path: string, message: string): Problem => {
    const pos = lineCounter.linePos(offset);
    return { code, file, line: pos.line, col: pos.col, path, message };
  };
  let fatal = false;
  const duplicate = (offset: number) => {
    const path = pathAtOffset(doc, offset);
    problems.push(at("duplicate", offset, formatPath(path), `duplicate key "${String(path.at(-1) ?? "")}"`));
  };
  // One unclosed bracket can trip the parser twice; its place is reported once.
  const reopened = new Set<number>();
  for (const error of doc.errors) {
    if (error.code === "DUPLICATE_KEY") {
      duplicate(error.pos[0]);
      continue;
    }
    fatal = true;
    const opened =
      error.code === "MISSING_CHAR" || error.code === "BAD_INDENT" ? openedAt(doc, error.pos[0]) : undefined;
    if (opened && reopened.has(opened.offset)) continue;
    if (opened) {
      reopened.add(opened.offset);
      const end = error.pos[0] >= text.trimEnd().length ? "end" : lineCounter.linePos(error.pos[0]);
      const path = formatPath(pathToOffset(doc, opened.offset));
      problems.push(at("syntax", opened.offset, path, `YAML syntax: ${opened.what(end)}`));
    } else {
      problems.push(
        at(
          "syntax",
          error.pos[0],
          "",
          `${syntax === "json" ? "JSON" : "YAML"} syntax: ${firstLine(error.message)}`,
        ),
      );
    }
  }
  for (const offset of duplicateKeyOffsets(doc)) duplicate(offset);
  if (fatal) return failed(problems);

  const nodeAt = (path: Path): YamlNode | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (node && typeof node === "object" && "range" in node) return node as YamlNode;
    }
    return undefined;
  };
  const atPath: AtPath = (code, path, message, keyOf) => {
    const offset = keyOf !== undefined ? keyOffset(doc, path, keyOf) : undefined;
    const range: Range | null | undefined = nodeAt(path)?.range;
    return at(
      code,
      offset ?? range?.[0] ?? 0,
      formatPath(keyOf !== undefined ? [...path, keyOf] : path),
      message,
    );
  };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    problems.push(aliasProblem(doc, error, at));
    return failed(problems);
  }
  const checked = checkData(data, options, atPath, () =>
    at("shape", 0, "", "expected a mapping with version, title and claims"),
  );
  problems.push(...checked.problems);
  if (problems.length > 0 || !checked.value) return failed(problems);
  return ok({ ...checked.value, text, doc, syntax });
}

/**
 * The shape, version and reference checks of a file's data, the same for the full parser and the
 * fast one: the map, or its problems placed by `atPath` (`atStart` for data that is no mapping).
 */
function checkData(
  data: unknown,
  options: { slug?: string },
  atPath: AtPath,
  atStart: () => Problem,
): { problems: Problem[]; value?: { map: ArgumentMap; shape: SourceShape } } {
  const problems: Problem[] = [];
  if (!data || typeof data !== "object" || Array.isArray(data)) return { problems: [atStart()] };
  let record = data as Record<string, unknown>;
  if (record.version === undefined) {
    // Most likely a version 1 file that forgot to say so: read it as one, so every other problem shows too.
    problems.push(atPath("version", [], `missing "version" (this Clashmap reads version ${FORMAT_VERSION})`));
    record = { ...record, version: FORMAT_VERSION };
  } else if (record.version !== FORMAT_VERSION) {
    const message = `unsupported version ${quoteValue(record.version)} (this Clashmap reads version ${FORMAT_VERSION})`;
    return { problems: [atPath("version", ["version"], message)] };
  }

  const shape: SourceShape = Array.isArray(record.claims) ? "normalized" : "file";
  let map: ArgumentMap;
  let origins: Origins;
  if (shape === "normalized") {
    const parsed = parseNormalizedShape(record, atPath);
    problems.push(...parsed.problems);
    map = { ...parsed.map, slug: options.slug ?? parsed.map.slug };
    origins = parsed.origins;
  } else {
    const parsed = parseFileShape(record, atPath);
    problems.push(...parsed.problems);
    ({ map, origins } = normalizeFile(parsed.file, options.slug));
  }

  for (const issue of checkMap(map)) {
    const { path, key } = locate(issue.locus, map, origins);
    problems.push(atPath(issue.code, path, issue.message, key));
  }
  return problems.length > 0 ? { problems } : { problems, value: { map, shape } };
}

/**
 * The fast way through a file that is valid, which nearly all are: JSON.parse for JSON (with a
 * count of keys for duplicates, which it would silently merge), the plain-YAML reader for YAML,
 * and the same checks as the full parser. Undefined as soon as anything is off: the full parser
 * then reads the file again and places every problem, exactly as without this path.
 */
function parseFast(
  text: string,
  syntax: SourceSyntax,
  options: { slug?: string },
  doc?: Document,
): ParsedSource | undefined {
  let data: unknown;
  let plain: FastYaml | undefined;
  if (syntax === "json") {
    data = jsonWithoutDuplicateKeys(text);
  } else {
    plain = readPlainYaml(text);
    data = plain?.value;
  }
  if (data === undefined) return undefined;
  const unplaced: Problem = { code: "shape", file: "", path: "", message: "" };
  const checked = checkData(
    data,
    options,
    () => unplaced,
    () => unplaced,
  );
  if (!checked.value) return undefined;
  return lazySource({ ...checked.value, text, syntax, plain }, doc);
}

/** A parsed source whose yaml document, needed only to write the file back, is parsed when first asked for. */
export function lazySource(source: Omit<ParsedSource, "doc">, doc?: Document): ParsedSource {
  let parsed = doc;
  return {
    ...source,
    get doc() {
      parsed ??= parseDocument(source.text, YAML_PARSE);
      return parsed;
    },
  };
}

/**
 * A quoted scalar or a flow collection that is never closed makes the parser complain where it
 * gives up, often the end of the file; the author needs the place it was opened.
 */
function openedAt(doc: Document, pos: number): Opened | undefined {
  let best: Opened | undefined;
  const consider = (range: Range | null | undefined, what: Opened["what"]) => {
    if (!range || !(range[0] < pos && range[1] <= pos && pos <= range[2])) return;
    if (!best || range[0] > best.offset) best = { offset: range[0], what };
  };
  visit(doc, {
    Scalar(_key, node) {
      if (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") {
        const quote = node.type === "QUOTE_DOUBLE" ? '"' : "'";
        consider(
          node.range,
          (end) =>
            `the ${quote} opened here is never closed (the quoted text runs on to ${end === "end" ? "the end of the file" : `line ${end.line}`})`,
        );
      }
    },
    Map(_key, node) {
      if (node.flow)
        consider(
          node.range,
          (end) => `the { opened here is not closed by a } (still open ${stillOpen(end)})`,
        );
    },
    Seq(_key, node) {
      if (node.flow)
        consider(
          node.range,
          (end) => `the [ opened here is not closed by a ] (still open ${stillOpen(end)})`,
        );
    },
  });
  return best;
}

function stillOpen(end: { line: number; col: number } | "end"): string {
  return end === "end" ? "at the end of the file" : `at line ${end.line}, column ${end.col}`;
}

/** An alias bomb, or an alias with no anchor before it: located at the first alias of the file. */
function aliasProblem(
  doc: Document,
  error: unknown,
  at: (code: ProblemCode, offset: number, path: string, message: string) => Problem,
): Problem {
  const message = error instanceof Error ? error.message : String(error);
  let first: Alias | undefined;
  let unresolved: Alias | undefined;
  const missing = /^Unresolved alias.*: (.*)$/.exec(message)?.[1];
  visit(doc, {
    Alias(_key, node) {
      first ??= node;
      if (missing !== undefined && node.source === missing) {
        unresolved = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (unresolved) {
    const offset = unresolved.range?.[0] ?? 0;
    return at(
      "syntax",
      offset,
      formatPath(pathToOffset(doc, offset)),
      `YAML syntax: the alias *${missing} names no anchor set before it`,
    );
  }
  const offset = first?.range?.[0] ?? 0;
  const path = formatPath(pathToOffset(doc, offset));
  if (/alias count/i.test(message)) {
    return at(
      "size",
      offset,
      path,
      `the aliases (*name) in this file expand to too much data (over ${MAX_ALIAS_COUNT} expansions); write the repeated parts out`,
    );
  }
  return at("unreadable", offset, path, `the file could not be read: ${message}`);
}

/** Characters YAML 1.2 does not allow anywhere in a file, tab, line feed and carriage return excepted. */
const FORBIDDEN_IN_YAML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** JSON allows DEL and the C1 controls in strings, but no other control character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const FORBIDDEN_IN_JSON = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

const C0_NAMES = [
  "NUL",
  "SOH",
  "STX",
  "ETX",
  "EOT",
  "ENQ",
  "ACK",
  "BEL",
  "BS",
  "TAB",
  "LF",
  "VT",
  "FF",
  "CR",
  "SO",
  "SI",
  "DLE",
  "DC1",
  "DC2",
  "DC3",
  "DC4",
  "NAK",
  "SYN",
  "ETB",
  "CAN",
  "EM",
  "SUB",
  "ESC",
  "FS",
  "GS",
  "RS",
  "US",
];

/** Each forbidden character, at its line and column (the first of each line, at most 20 lines). */
function forbiddenCharacters(text: string, file: string, syntax: SourceSyntax): Problem[] {
  const problems: Problem[] = [];
  const pattern = new RegExp(syntax === "json" ? FORBIDDEN_IN_JSON : FORBIDDEN_IN_YAML);
  // One pass: lines are counted as the scan goes, and after a report it goes on at the next line.
  let line = 1;
  let lineStart = 0;
  let nextBreak = text.indexOf("\n");
  for (let match = pattern.exec(text); match && problems.length < 20; match = pattern.exec(text)) {
    const offset = match.index;
    while (nextBreak !== -1 && nextBreak < offset) {
      line++;
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf("\n", lineStart);
    }
    const code = match[0].charCodeAt(0);
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    const name = code < 32 ? ` (${C0_NAMES[code]})` : code === 0x7f ? " (DEL)" : "";
    problems.push({
      code: "syntax",
      file,
      line,
      col: offset - lineStart + 1,
      path: "",
      message: `${syntax === "json" ? "JSON" : "YAML"} syntax: the control character ${hex}${name} is not allowed in the file; delete it`,
    });
    if (nextBreak === -1) break;
    pattern.lastIndex = nextBreak + 1;
  }
  return problems;
}

const PLACEHOLDER_TEXT = "(invalid claim)";
const PLACEHOLDER_TAG = "(invalid card)";

/**
 * What can still be checked of an element of the wrong shape: every field that is valid on its
 * own, required ones filled in from `fill`; undefined when even that does not make one.
 */
function salvage<T extends z.ZodObject>(
  schema: T,
  raw: unknown,
  fill: Record<string, unknown>,
): z.infer<T> | undefined {
  if (!isPlainObject(raw)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const parsed = (field as z.ZodType).safeParse(raw[key]);
    if (parsed.success) {
      if (parsed.data !== undefined) out[key] = parsed.data;
    } else if (key in fill) out[key] = fill[key];
  }
  // Read spans are checked against the quote: with the quote unusable they would all look wrong.
  if ("quote" in fill && out.quote === fill.quote) delete out.read;
  const again = schema.safeParse(out);
  return again.success ? again.data : undefined;
}

/**
 * Checks the authored shape claim by claim and card by card, keeping every valid field of a bad
 * claim or card, so that one shape problem still lets every other problem (references included)
 * be reported in the same run.
 */
function parseFileShape(
  record: Record<string, unknown>,
  atPath: AtPath,
): { file: ArgumentFile; problems: Problem[] } {
  const problems: Problem[] = [];
  const topSchema = argumentFileSchema.extend({
    claims: z.record(z.string(), z.unknown()),
    evidence: z.record(z.string(), z.unknown()).optional(),
  });
  const top = topSchema.safeParse(record, REPORT_INPUT);
  if (!top.success) problems.push(...zodProblems(top.error, atPath));
  const data = top.success
    ? top.data
    : (salvage(topSchema, record, { version: FORMAT_VERSION, title: "(invalid)", claims: {} }) ?? {
        version: FORMAT_VERSION,
        title: "(invalid)",
        claims: {},
      });
  const claims: Record<string, FileClaim> = {};
  for (const [id, raw] of Object.entries(data.claims)) {
    const key = idSchema.safeParse(id);
    if (!key.success)
      problems.push(
        atPath("value", ["claims"], `invalid claim id ${quoteValue(id)}: ${key.error.issues[0].message}`, id),
      );
    const claim = fileClaimSchema.safeParse(raw, REPORT_INPUT);
    if (!claim.success) problems.push(...zodProblems(claim.error, atPath, ["claims", id]));
    claims[id] = claim.success
      ? claim.data
      : (salvage(fileClaimSchema, raw, { text: PLACEHOLDER_TEXT }) ?? { text: PLACEHOLDER_TEXT });
  }
  const evidence: Record<string, FileCard> = {};
  for (const [id, raw] of Object.entries(data.evidence ?? {})) {
    const key = idSchema.safeParse(id);
    if (!key.success)
      problems.push(
        atPath(
          "value",
          ["evidence"],
          `invalid card id ${quoteValue(id)}: ${key.error.issues[0].message}`,
          id,
        ),
      );
    const card = fileCardSchema.safeParse(raw, REPORT_INPUT);
    if (!card.success) problems.push(...zodProblems(card.error, atPath, ["evidence", id]));
    evidence[id] = card.success
      ? card.data
      : (salvage(fileCardSchema, raw, { tag: PLACEHOLDER_TAG, quote: "" }) ?? {
          tag: PLACEHOLDER_TAG,
          quote: "",
        });
  }
  const { evidence: rawEvidence, ...rest } = data;
  return { file: { ...rest, claims, ...(rawEvidence ? { evidence } : {}) }, problems };
}

/**
 * Checks the normalized shape element by element, like the authored one: a claim, relation or
 * card of the wrong shape is reported, and what is valid of it is still checked with the rest.
 */
function parseNormalizedShape(
  record: Record<string, unknown>,
  atPath: AtPath,
): { map: ArgumentMap; origins: Origins; problems: Problem[] } {
  const problems: Problem[] = [];
  const origins: Origins = { claims: [], relations: [], evidence: [], thesesGiven: true };
  const topSchema = argumentMapSchema.extend({
    claims: z.array(z.unknown()),
    relations: z.array(z.unknown()),
    evidence: z.array(z.unknown()),
  });
  const top = topSchema.safeParse(record, REPORT_INPUT);
  if (!top.success) problems.push(...zodProblems(top.error, atPath));
  const empty = {
    version: FORMAT_VERSION as typeof FORMAT_VERSION,
    title: "(invalid)",
    theses: [],
    claims: [],
    relations: [],
    evidence: [],
  };
  const data = top.success ? top.data : (salvage(topSchema, record, empty) ?? empty);
  const keep = <S extends z.ZodObject>(
    list: unknown[],
    schema: S,
    key: string,
    fill: Record<string, unknown>,
  ) =>
    list.flatMap((raw, i) => {
      const parsed = schema.safeParse(raw, REPORT_INPUT);
      if (!parsed.success) problems.push(...zodProblems(parsed.error, atPath, [key, i]));
      // An element with usable ids stays, so references to it and from it are still checked.
      const value = parsed.success ? parsed.data : salvage(schema, raw, fill);
      if (value === undefined) return [];
      if (key === "claims") origins.claims.push([key, i]);
      else if (key === "evidence") origins.evidence.push([key, i]);
      else origins.relations.push({ base: [key, i], long: true });
      return [value as z.infer<S>];
    });
  const claims = keep(data.claims, claimSchema, "claims", { text: PLACEHOLDER_TEXT, side: "aff" });
  // An unknown type is read as an attack so the relation's ends are still checked.
  const relations = keep(data.relations, relationSchema, "relations", { type: "attack" });
  const evidence = keep(data.evidence, cardSchema, "evidence", { tag: PLACEHOLDER_TAG, quote: "" });
  return { map: { ...data, claims, relations, evidence }, origins, problems };
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
      code: "syntax",
      file,
      line: before.length,
      col: before[before.length - 1].length + 1,
      path: "",
      message: `JSON syntax: ${message.replace(/ in JSON at position \d+.*$/s, "").replace(/ \(line \d+ column \d+\)$/, "")}`,
    };
  }
}

function firstLine(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}

function zodProblems(error: z.ZodError, atPath: AtPath, prefix: Path = []): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== "symbol")];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push(atPath("shape", path, `unknown field ${quoteValue(key)}`, key));
    } else if (issue.code === "invalid_key") {
      out.push(
        atPath(
          "value",
          path,
          `invalid id ${quoteValue(String(path.at(-1)))}: ${issue.issues[0]?.message ?? issue.message}`,
        ),
      );
    } else if (issue.code === "invalid_union") {
      const { code, message } = unionMessage(issue);
      out.push(atPath(code, path, message));
    } else {
      out.push(atPath(issueCode(issue), path, describeIssue(issue)));
    }
  }
  return out;
}

function unionMessage(issue: z.core.$ZodIssueInvalidUnion): { code: ProblemCode; message: string } {
  const inner = issue.errors.flat().find((i) => i.code !== "invalid_type") as z.core.$ZodIssue | undefined;
  if (inner) {
    return {
      code: issueCode(inner),
      message: `${describeIssue(inner)} (expected an id, a list of ids, or { to, evidence })`,
    };
  }
  const got = issue.input === undefined ? "" : `, got ${quoteValue(issue.input)}`;
  return {
    code: "shape",
    message: `expected an id, a list of ids, or entries like { to: id, evidence: [card] }${got}`,
  };
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
    ...(file.presentation ? { presentation: file.presentation } : {}),
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
    case "presentation":
      return { path: ["presentation", locus.index] };
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

/** The document path of the deepest key or value whose source contains `offset`. */
function pathToOffset(doc: Document, offset: number): Path {
  let best: Path = [];
  const contains = (range: Range | null | undefined) => !!range && range[0] <= offset && offset < range[2];
  const visitNode = (node: unknown, path: Path) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "?";
        const value = pair.value as YamlNode | null;
        if (contains((pair.key as YamlNode | null)?.range) || contains(value?.range)) {
          best = [...path, key];
          visitNode(value, best);
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (contains((item as YamlNode | null)?.range)) {
          best = [...path, i];
          visitNode(item, best);
        }
      });
    }
  };
  visitNode(doc.contents, []);
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
    claims[claim.id] = fileClaimOf(claim, index, thesisSet.has(claim.id) || keepSides.has(claim.id));
  }
  const file: ArgumentFile = { version: FORMAT_VERSION, title: map.title, claims };
  if (map.resolution !== undefined) file.resolution = map.resolution;
  if (map.description !== undefined) file.description = map.description;
  if (map.tags?.length) file.tags = map.tags;
  const roots = defaultTheses(map);
  if (map.theses.length !== roots.length || map.theses.some((t, i) => t !== roots[i]))
    file.theses = map.theses;
  if (map.presentation) file.presentation = map.presentation;
  if (map.evidence.length > 0) {
    file.evidence = Object.fromEntries(map.evidence.map((card) => [card.id, fileCardOf(card)]));
  }
  return orderKeys(file);
}

/** One claim as the file writes it (see mapToFile); `writeSide` keeps its side even when derived. */
export function fileClaimOf(claim: Claim, index: MapIndex, writeSide: boolean): FileClaim {
  const out: FileClaim = { text: claim.text };
  if (writeSide || derivedSideIn(index, claim.id) !== claim.side) out.side = claim.side;
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
  return out;
}

/** One card as the file writes it: without its id, which is its key. */
export function fileCardOf({ id: _id, ...card }: Card): FileCard {
  return stripUndefined(card);
}

const TOP_ORDER = [
  "version",
  "title",
  "resolution",
  "description",
  "tags",
  "theses",
  "presentation",
  "claims",
  "evidence",
];

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

/**
 * A new YAML document for a map, with the schema comment editors use for completion (none when
 * `schemaReference` is null: no path to the schema would hold on another machine).
 */
export function newYamlDocument(
  map: ArgumentMap,
  schemaReference: string | null = DEFAULT_SCHEMA_REFERENCE,
): Document {
  const doc = new Document(mapToFile(map));
  styleNew(doc.contents);
  if (schemaReference !== null) doc.commentBefore = ` yaml-language-server: $schema=${schemaReference}`;
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
    const printed = printedLikeStringify(source.text, (original) => {
      const slug = isPlainObject(original) ? original.slug : undefined;
      return mergeJsonValue(
        original,
        mapToNormalized({ ...map, slug: typeof slug === "string" ? slug : undefined }),
      );
    });
    if (printed !== undefined) return printed === source.text ? source.text : printed;
    const slug = source.doc.get("slug");
    const original: unknown = source.doc.toJS();
    const wanted = mergeJsonValue(
      original,
      mapToNormalized({ ...map, slug: typeof slug === "string" ? slug : undefined }),
    );
    const layout = { text: source.text, root: source.doc.contents };
    const base = printJsonLike(original, layout);
    const edited = printJsonLike(wanted, layout);
    return edited === base ? source.text : keepAuthorFormatting(source, base, edited, wanted);
  }
  const json = source.syntax === "json";
  // A JSON file is printed in its author's layout, read from its original document: that one is
  // never edited in place, and its plain rendering is never cached.
  const layout = { text: source.text, root: source.doc.contents };
  const render = (d: Document) => (json ? printJsonLike(d.toJS(), layout) : d.toString(YAML_OUTPUT));
  // The plain rendering of the file as it was, taken before a consumed document changes.
  const base = (json ? undefined : renderings.get(source.doc)) ?? render(source.doc);
  const doc = options.consume && !json ? source.doc : source.doc.clone();
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
  // An `evidence:` section the author wrote stays, written `{}` when it holds no card (as it was
  // before a card was added and undone); an empty `tags: []` stays too. An edit elsewhere leaves them be.
  const tagsNode = doc.get("tags", true);
  if (doc.has("evidence") && !want.evidence) (want as ArgumentFile).evidence = {};
  if (!want.tags && isSeq(tagsNode) && tagsNode.items.length === 0) (want as ArgumentFile).tags = [];
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

/**
 * Writes `want` into one entry of the claims or evidence mapping, given alone as `text` (the
 * entry's lines, unindented): the same merge as a whole-file save, on a document of one entry.
 * Undefined when the entry does not read alone as `expected` (what it reads as in the file).
 */
export function rewriteEntry(
  text: string,
  id: string,
  want: unknown,
  section: "claims" | "evidence",
  expected: unknown,
): string | undefined {
  const doc = parseDocument(text, YAML_PARSE);
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.items.length !== 1) return undefined;
  const pair = doc.contents.items[0];
  if (!isScalar(pair.key) || pair.key.value !== id) return undefined;
  if (!sameJson((doc.toJS() as Record<string, unknown>)[id], expected)) return undefined;
  const base = doc.toString(YAML_OUTPUT);
  doc.contents = mergeNode(doc, doc.contents, { [id]: want }, [section]) as typeof doc.contents;
  const edited = doc.toString(YAML_OUTPUT);
  if (edited === base) return text;
  const merged = mergeLines(text.split("\n"), base.split("\n"), edited.split("\n"))?.join("\n");
  if (merged === undefined) return edited;
  const check = parseDocument(merged, YAML_PARSE);
  return check.errors.length === 0 && sameJson(check.toJS(), doc.toJS()) ? merged : edited;
}

/** A new entry of the claims or evidence mapping, unindented, styled as a whole-file save writes it. */
export function newEntry(id: string, want: unknown): string {
  const doc = new Document({ [id]: want });
  styleNew(doc.contents);
  return doc.toString(YAML_OUTPUT);
}

/** Serializes a map as a fresh file of the given syntax (authored shape). */
export function serializeNewSource(
  map: ArgumentMap,
  syntax: SourceSyntax,
  schemaReference: string | null = DEFAULT_SCHEMA_REFERENCE,
): string {
  if (syntax === "json") return `${JSON.stringify(mapToFile(map), null, 2)}\n`;
  return newYamlDocument(map, schemaReference).toString(YAML_OUTPUT);
}

/** Mappings whose entries follow the map's order (claims and cards); elsewhere the author's order stays. */
const ORDERED_MAPPINGS = new Set(["claims", "evidence"]);

function mergeNode(doc: Document, node: unknown, want: unknown, path: string[]): unknown {
  if (want === undefined) return undefined;
  // A short relation (`supports: x`) that gains cards takes the README's long form, a one-item
  // list; when it is short again, it goes back to the one line it was.
  if (isScalar(node) && Array.isArray(want) && want.length === 1 && isPlainObject(want[0])) {
    return withComments(styleNew(doc.createNode(want)), node);
  }
  if (
    isSeq(node) &&
    !node.flow &&
    typeof want === "string" &&
    node.items.length === 1 &&
    isMap(node.items[0])
  ) {
    return withComments(doc.createNode(want), node);
  }
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
    const ordered = path.length === 1 && ORDERED_MAPPINGS.has(path[0]);
    keys.forEach((key, k) => {
      const pair = pairs.get(key);
      if (pair) {
        pair.value = mergeNode(doc, pair.value, want[key], [...path, key]) as typeof pair.value;
        return;
      }
      const created = doc.createPair(key, want[key]);
      styleNew(created.value);
      // Claims and cards are put in the map's order below, all at once.
      if (ordered) {
        node.items.push(created);
        return;
      }
      // Elsewhere a new key goes right after the key that precedes it in the wanted order (a
      // resolution after the title, notes after the text), not at the end of the mapping.
      let at = 0;
      for (let previous = k - 1; previous >= 0; previous--) {
        const found = node.items.findIndex((item) => keyOf(item) === keys[previous]);
        if (found >= 0) {
          at = found + 1;
          break;
        }
      }
      node.items.splice(at, 0, created);
    });
    if (ordered) {
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
      else node.items.push(styleNew(doc.createNode(item)));
    });
    return node;
  }
  if (isScalar(node) && (typeof want === "string" || typeof want === "number" || typeof want === "boolean")) {
    if (node.value !== want) {
      // A plain or single-quoted one-liner that gains a line break would be written folded over
      // blank lines; it takes the block style a new text gets instead.
      if (
        typeof want === "string" &&
        want.includes("\n") &&
        (node.type === "PLAIN" || node.type === "QUOTE_SINGLE")
      )
        node.type = undefined;
      node.value = want;
    }
    return node;
  }
  return withComments(styleNew(doc.createNode(want)), node);
}

/** A node that replaces `old` keeps the comments written on it. */
function withComments<T extends YamlNode>(created: T, old: unknown): T {
  if (isScalar(old) || isMap(old) || isSeq(old)) {
    created.comment = old.comment;
    created.commentBefore = old.commentBefore;
  }
  return created;
}

/** Plain ids, which a list written on one line holds: `evidence: [card]`, `tags: [a, b]`. */
const SHORT_ID = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * The style of nodes Clashmap writes anew, as the README writes them: mappings in block style,
 * lists of ids on one line (`evidence: [card]`), other lists (quotes' read spans) one item a line.
 */
function styleNew<T>(node: T): T {
  const style = (value: unknown) => {
    if (value instanceof YAMLMap) value.flow = false;
    else if (value instanceof YAMLSeq) {
      value.flow =
        value.items.length > 0 &&
        value.items.every(
          (item) => isScalar(item) && typeof item.value === "string" && SHORT_ID.test(item.value),
        );
    }
  };
  if (node instanceof YAMLMap || node instanceof YAMLSeq) {
    style(node);
    visit(node, { Map: (_, n) => style(n), Seq: (_, n) => style(n) });
  }
  return node;
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
