import {
  ArgdownApplication,
  ArgumentSelectionPlugin,
  DataPlugin,
  type IArgument,
  type IEquivalenceClass,
  type IMapEdge,
  type IMapNode,
  type IRelation,
  type ISection,
  type IStatement,
  MapPlugin,
  ModelPlugin,
  ParserPlugin,
  PreselectionPlugin,
  parser,
  type RelationMember,
  StatementSelectionPlugin,
} from "@argdown/core";
import { stringify } from "yaml";
import { z } from "zod";
import { plural } from "../model/plural";
import type { Problem, ProblemCode } from "../model/problems";
import { derivedSideIn, indexMap } from "../model/queries";
import { readingOrderIn } from "../model/reading-order";
import {
  type ArgumentMap,
  type Card,
  ID_PATTERN,
  type RelationType,
  type Side,
  sideSchema,
} from "../model/schema";
import { subtreeMap } from "../model/subtree";
import { MAX_ARGDOWN_BYTES } from "./import-limits";
import type { ExportOptions, ImportResult } from "./index";
import { MapBuilder } from "./map-builder";
import { cardListSchema, cardsFromData, type NewCard } from "./sources";

/** Parsed Argdown, as far as the importer reads it (the parts of @argdown/core's response it uses). */
interface ArgdownResponse {
  statements?: Record<string, IEquivalenceClass>;
  arguments?: Record<string, IArgument>;
  relations?: IRelation[];
  map?: { nodes: IMapNode[]; edges: IMapEdge[] };
  frontMatter?: unknown;
  sections?: ISection[];
  lexerErrors?: { line?: number; column?: number; message: string }[];
  parserErrors?: { message: string; token?: { startLine?: number; startColumn?: number; image?: string } }[];
  exceptions?: Error[];
}

const PROCESS = ["parse-input", "build-model", "build-map"];
let application: ArgdownApplication | undefined;

/** Syntax errors read before the parser gives up: its recovery costs a scan of the rest per error. */
const MAX_SYNTAX_ERRORS = 20;
/** Thrown out of the parser when a file has more syntax errors than are worth reading. */
class TooManySyntaxErrors extends Error {}
/** Set when the last run's parser stopped at MAX_SYNTAX_ERRORS (the application wraps what it throws). */
let parserGaveUp = false;

interface Recognizer {
  SAVE_ERROR(error: unknown): unknown;
  errors: { message: string; token?: { startLine?: number; startColumn?: number } }[];
}

/**
 * Makes the parser stop at the MAX_SYNTAX_ERRORS-th error: a broken file of a megabyte would
 * otherwise keep it (and the server) busy for minutes.
 */
function capSyntaxErrors(): void {
  const recognizer = parser as unknown as Recognizer;
  const save = recognizer.SAVE_ERROR.bind(recognizer);
  recognizer.SAVE_ERROR = (error: unknown) => {
    const saved = save(error);
    if (recognizer.errors.length >= MAX_SYNTAX_ERRORS) {
      parserGaveUp = true;
      throw new TooManySyntaxErrors();
    }
    return saved;
  };
}

/** The official parser with the model and map plugins; built once, since the parser is a singleton anyway. */
function app(): ArgdownApplication {
  if (application) return application;
  capSyntaxErrors();
  const a = new ArgdownApplication();
  a.addPlugin(new ParserPlugin(), "parse-input");
  a.addPlugin(new DataPlugin(), "build-model");
  a.addPlugin(new ModelPlugin(), "build-model");
  a.addPlugin(new PreselectionPlugin(), "build-map");
  a.addPlugin(new StatementSelectionPlugin(), "build-map");
  a.addPlugin(new ArgumentSelectionPlugin(), "build-map");
  a.addPlugin(new MapPlugin(), "build-map");
  application = a;
  return a;
}

/** Deepest indentation accepted, in characters: the parser recurses once per level. */
const MAX_INDENT = 400;
/** Most YAML aliases a file with anchors may use in its data. */
const MAX_ALIASES = 20;

/**
 * Reads Argdown with @argdown/core: statements and arguments become claims; support, attack,
 * undercut and contradiction (as two attacks) become relations, from the model and from the map's
 * derived edges; premises support their argument, which supports its conclusion; `{yaml}` data is
 * kept (sources as cards), tags and headings become tags.
 */
export function parse(input: string, fileName: string): ImportResult {
  const bytes = Buffer.byteLength(input, "utf8");
  if (bytes > MAX_ARGDOWN_BYTES)
    return fail(
      fileName,
      1,
      1,
      `Argdown file is ${bytes} bytes; Argdown imports are limited to ${MAX_ARGDOWN_BYTES}`,
    );
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  const deep = lines.findIndex((line) => /^[ \t]*/.exec(line)![0].length > MAX_INDENT);
  if (deep >= 0) {
    return fail(fileName, deep + 1, 1, `indented deeper than ${MAX_INDENT} characters`);
  }
  // The parser expands YAML aliases in {data} and merges it deeply: a few aliases of aliases would
  // take it minutes (an alias bomb), so a file that defines anchors may use only a few aliases.
  const anchors = text.match(/(?:^|[\s[{,:])&[\w-]+/gm)?.length ?? 0;
  const aliases = text.match(/(?:^|[\s[{,:])\*[\w-]+(?=[\s,\]}]|$)/gm)?.length ?? 0;
  if (anchors > 0 && aliases > MAX_ALIASES) {
    const line = lines.findIndex((l) => /(?:^|[\s[{,:])&[\w-]+/.test(l)) + 1;
    return fail(
      fileName,
      line,
      1,
      `YAML data uses ${aliases} aliases (at most ${MAX_ALIASES}): refused as an alias bomb`,
    );
  }
  if (/^\s*={3,}\s*$/.test(lines.find((l) => l.trim()) ?? "")) {
    const start = lines.findIndex((l) => l.trim());
    if (!lines.slice(start + 1).some((l) => /^\s*={3,}\s*$/.test(l)))
      return fail(fileName, start + 1, 1, "the front matter that starts here is never closed with ===");
  }
  let response: ArgdownResponse;
  parserGaveUp = false;
  try {
    response = app().run({
      input: text,
      process: PROCESS,
      logLevel: "none",
      throwExceptions: false,
      // Front matter may not rewrite the parser's own settings (nor make it deep-merge a YAML alias bomb).
      data: { frontMatterSettingsMode: "ignore" },
    } as Parameters<ArgdownApplication["run"]>[0]) as ArgdownResponse;
  } catch (error) {
    return fail(fileName, 1, 1, `Argdown: ${error instanceof Error ? error.message : String(error)}`);
  }
  const problems: Problem[] = [];
  for (const e of response.lexerErrors ?? []) {
    problems.push(problem(fileName, e.line ?? 1, e.column ?? 1, `Argdown syntax: ${e.message}`));
  }
  // When the parser gave up, its response holds no errors: the parser itself still has them.
  const gaveUp = parserGaveUp && response.parserErrors === undefined;
  for (const e of gaveUp ? (parser as unknown as Recognizer).errors : (response.parserErrors ?? [])) {
    problems.push(
      problem(fileName, e.token?.startLine ?? 1, e.token?.startColumn ?? 1, `Argdown syntax: ${e.message}`),
    );
  }
  if (gaveUp) {
    const last = problems.at(-1);
    problems.push(
      problem(fileName, last?.line ?? 1, last?.col ?? 1, `stopped after ${MAX_SYNTAX_ERRORS} syntax errors`),
    );
  }
  // After a syntax error the later plugins only complain that the parse is missing.
  for (const e of problems.length > 0 ? [] : (response.exceptions ?? [])) {
    const where = /line (\d+), column (\d+)/.exec(e.message);
    problems.push(
      problem(fileName, Number(where?.[1] ?? 1), Number(where?.[2] ?? 1), `Argdown: ${e.message}`),
    );
  }
  problems.push(...undefinedElements(response, fileName));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: buildMap(response, fileName) };
}

/**
 * Elements that are only ever referred to, never given text (nor, for arguments, premises): a
 * dangling `[title]` or `<title>`, usually a misspelt title, or a relation sign with nothing after it.
 */
function undefinedElements(response: ArgdownResponse, file: string): Problem[] {
  const out: Problem[] = [];
  const check = (label: string, members: IStatement[], hasPcs: boolean) => {
    if (hasPcs || members.some((m) => !m.isReference && m.text?.trim())) return;
    const first = members.find((m) => m.startLine !== undefined);
    const untitled = /^[[<]Untitled \d+[\]>]$/.test(label);
    out.push(
      problem(
        file,
        first?.startLine ?? 1,
        first?.startColumn ?? 1,
        untitled ? "a statement without text" : `${label} is referred to but never defined`,
        "reference",
      ),
    );
  };
  for (const [title, ec] of Object.entries(response.statements ?? {}))
    check(`[${title}]`, ec.members ?? [], false);
  for (const [title, a] of Object.entries(response.arguments ?? {}))
    check(`<${title}>`, a.members ?? [], (a.pcs?.length ?? 0) > 0);
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

const dataSchema = z.looseObject({
  notes: z.string().optional(),
  side: sideSchema.optional(),
  undercuts: z.record(z.string(), z.string()).optional(),
  linkCards: z.record(z.string(), cardListSchema).optional().catch(undefined),
});

/** What the importer keeps of an element's `{yaml}` data. */
interface ReadData {
  notes?: string;
  side?: Side;
  evidence: string[];
  undercuts?: Record<string, string>;
  linkCards?: Record<string, NewCard[]>;
}

function buildMap(response: ArgdownResponse, fileName: string): { map: ArgumentMap; report: string[] } {
  const builder = new MapBuilder();
  const statements = response.statements ?? {};
  const argumentsByTitle = response.arguments ?? {};
  const ecIds = new Map<string, string>();
  const argumentIds = new Map<string, string>();
  const explicitSides = new Map<string, Side>();
  const undercutHints = new Map<string, Record<string, string>>();
  let dataKept = 0;
  let cardsMade = 0;

  // Our own export names its cards, and a card several claims share comes back as one card.
  const addCard =
    (stem: string) =>
    ({ id, ...card }: NewCard): string => {
      if (id && builder.hasCard(id)) return id;
      cardsMade++;
      return builder.addCard(card, card.tag || stem, id);
    };
  const linkCards = new Map<string, Record<string, NewCard[]>>();

  const readData = (data: unknown, stem: string, tag: string): ReadData => {
    if (data === undefined || data === null) return { evidence: [] };
    const parsed = dataSchema.safeParse(data);
    const record: Record<string, unknown> = parsed.success ? { ...parsed.data } : { value: data };
    const { cards, rest } = cardsFromData(record, tag);
    const evidence = cards.map(addCard(stem));
    delete rest.notes;
    delete rest.side;
    delete rest.undercuts;
    delete rest.linkCards;
    delete rest.isInMap;
    let notes = parsed.success ? parsed.data.notes : undefined;
    if (Object.keys(rest).length > 0) {
      dataKept++;
      notes = [notes, `Data:\n${yamlText(rest)}`].filter(Boolean).join("\n\n");
    }
    return {
      notes,
      side: parsed.success ? parsed.data.side : undefined,
      evidence,
      undercuts: parsed.success ? parsed.data.undercuts : undefined,
      linkCards: parsed.success ? parsed.data.linkCards : undefined,
    };
  };

  const claimFor = (
    kind: "statement" | "argument",
    title: string,
    members: IStatement[],
    element: { tags?: string[]; data?: unknown; section?: ISection | null },
  ): string => {
    const untitled = /^Untitled \d+$/.test(title);
    const body = canonicalText(members) || (untitled ? "" : title);
    const { text, trailingTags } = withoutTrailingTags(body);
    const label = kind === "statement" ? `[${title}]` : `<${title}>`;
    const data = readData(element.data, title, text || title);
    const wanted = ID_PATTERN.test(title) && /[a-z]/.test(title) ? title : undefined;
    // A title that is already an id becomes the claim's id; any other title is kept in its notes.
    const trace = untitled || (wanted && !builder.hasClaim(wanted)) ? undefined : `Argdown ${label}`;
    const notes = [trace, data.notes].filter(Boolean).join("\n\n");
    const tags = [...(element.tags ?? []), ...trailingTags];
    if (element.section?.title) tags.push(element.section.title);
    const id = builder.addClaim(text || title, { notes, tags, evidence: data.evidence, id: wanted }, title);
    if (data.side) explicitSides.set(id, data.side);
    if (data.undercuts) undercutHints.set(id, data.undercuts);
    if (data.linkCards) linkCards.set(id, data.linkCards);
    return id;
  };

  for (const [title, ec] of Object.entries(statements)) {
    ecIds.set(title, claimFor("statement", title, ec.members ?? [], ec));
  }
  for (const [title, argument] of Object.entries(argumentsByTitle)) {
    argumentIds.set(title, claimFor("argument", title, argument.members ?? [], argument));
  }

  const claimOf = (member: RelationMember | undefined): string | undefined => {
    if (!member?.title && member?.type !== "inference") return undefined;
    if (member.type === "equivalence-class") return ecIds.get(member.title ?? "");
    if (member.type === "argument") return argumentIds.get(member.title ?? "");
    return undefined;
  };

  // Premise–conclusion structures: each step's premises support its conclusion; the last step's
  // support the argument, and the argument supports its main conclusion.
  const conclusionLinks = new Map<string, string>();
  let structural = 0;
  for (const [title, argument] of Object.entries(argumentsByTitle)) {
    const argumentId = argumentIds.get(title);
    if (!argumentId || !argument.pcs?.length) continue;
    let pending: string[] = [];
    for (const statement of argument.pcs) {
      const id = ecIds.get(statement.title ?? "");
      if (!id) continue;
      if (statement.role === "premise") pending.push(id);
      else if (statement.role === "intermediary-conclusion") {
        for (const premise of pending) if (builder.addRelation(premise, "support", id)) structural++;
        pending = [id];
      } else if (statement.role === "main-conclusion") {
        for (const premise of pending) if (builder.addRelation(premise, "support", argumentId)) structural++;
        const link = builder.addRelation(argumentId, "support", id);
        if (link) {
          structural++;
          conclusionLinks.set(title, link);
        }
        pending = [];
      }
    }
  }

  let contradictions = 0;
  let skipped = 0;
  const undercuts: IRelation[] = [];
  for (const relation of response.relations ?? []) {
    const from = claimOf(relation.from);
    const type = relation.relationType;
    if (type === "undercut") {
      undercuts.push(relation);
      continue;
    }
    const to = claimOf(relation.to);
    if (!from || !to) {
      skipped++;
      continue;
    }
    if (type === "contradictory" || type === "contrary") {
      builder.addRelation(from, "attack", to);
      builder.addRelation(to, "attack", from);
      contradictions++;
    } else {
      builder.addRelation(from, type === "attack" ? "attack" : "support", to);
    }
  }

  // An undercut of an argument attacks that argument's link; when the argument is itself an
  // undercut whose link is not made yet, it waits for the next pass.
  let undercutsAsAttacks = 0;
  let pending = undercuts;
  while (pending.length > 0) {
    const waiting: IRelation[] = [];
    const sourcesWaiting = new Set(pending.map((r) => claimOf(r.from)));
    for (const relation of pending) {
      const from = claimOf(relation.from);
      const target = relation.to;
      if (!from || !target) {
        skipped++;
        continue;
      }
      let link: string | undefined;
      if (target.type === "inference") link = conclusionLinks.get(target.argumentTitle ?? "");
      else if (target.type === "argument") {
        const argumentId = argumentIds.get(target.title ?? "");
        if (argumentId) {
          link = conclusionLinks.get(target.title ?? "");
          const aimedAt = undercutHints.get(from)?.[argumentId];
          const outgoing = builder.outgoing(argumentId);
          link ??= (outgoing.find((r) => r.to === aimedAt) ?? outgoing[0])?.id;
          if (!link && sourcesWaiting.has(argumentId) && argumentId !== from) {
            waiting.push(relation);
            continue;
          }
        }
      }
      if (link) builder.addRelation(from, "attack", link);
      else {
        const to = claimOf(target);
        if (to && builder.addRelation(from, "attack", to)) undercutsAsAttacks++;
        else skipped++;
      }
    }
    // A ring of undercuts waiting on each other: the first attacks its argument as a claim.
    if (waiting.length === pending.length) {
      const [first, ...rest] = waiting;
      const from = claimOf(first.from);
      const to = claimOf(first.to);
      if (from && to && builder.addRelation(from, "attack", to)) undercutsAsAttacks++;
      pending = rest;
    } else pending = waiting;
  }

  // Some derived relations exist only as edges of the map (an argument supporting another one
  // through a shared statement, for one): every edge not already covered becomes a relation.
  let fromEdges = 0;
  const nodeClaim = (node: IMapNode): string | undefined =>
    node.type === "argument-map-node" ? argumentIds.get(node.title ?? "") : ecIds.get(node.title ?? "");
  for (const edge of response.map?.edges ?? []) {
    if (edge.relationType === "undercut") continue;
    const from = nodeClaim(edge.from);
    const to = nodeClaim(edge.to);
    if (!from || !to) continue;
    const type: RelationType =
      edge.relationType === "support" || edge.relationType === "entails" ? "support" : "attack";
    const froms = [from, edge.fromEquivalenceClass && ecIds.get(edge.fromEquivalenceClass.title ?? "")];
    const tos = [to, edge.toEquivalenceClass && ecIds.get(edge.toEquivalenceClass.title ?? "")];
    const covered = froms.some(
      (f) => f && tos.some((t) => t && (f === t || builder.relationBetween(f, type, t) !== undefined)),
    );
    if (!covered && builder.addRelation(from, type, to)) fromEdges++;
  }

  // Cards of a link ride on its source statement, keyed by the link's target.
  const titleToClaim = (title: string) => ecIds.get(title) ?? argumentIds.get(title);
  for (const [from, byTarget] of linkCards) {
    for (const [target, cards] of Object.entries(byTarget)) {
      const to = titleToClaim(target);
      const outgoing = builder.outgoing(from);
      const relation = to
        ? outgoing.find((r) => r.to === to)
        : (outgoing.find((r) => r.to === target) ??
          outgoing.find((r) => builder.relation(r.to) !== undefined));
      if (relation) builder.attachRelationEvidence(relation.id, cards.map(addCard(target)));
    }
  }

  const front = frontMatterSchema.safeParse(response.frontMatter);
  const meta = front.success ? front.data : {};
  const firstHeading = (response.sections ?? []).find((s) => s.level === 1)?.title;
  const stem = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const map = builder.build(
    {
      title: meta.title ?? firstHeading ?? stem,
      description:
        [meta.subTitle, meta.abstract, byline(meta.author)].filter(Boolean).join("\n\n") || undefined,
    },
    explicitSides,
  );

  const report = builder.summary();
  report.push(
    `${plural(Object.keys(statements).length, "statement")} and ${plural(Object.keys(argumentsByTitle).length, "argument")} read`,
  );
  if (structural > 0) report.push(`${plural(structural, "support")} from premise–conclusion structures`);
  if (fromEdges > 0) report.push(`${plural(fromEdges, "relation")} taken from the map's derived edges`);
  if (contradictions > 0)
    report.push(
      `${plural(contradictions, "contradiction")} imported as two attacks${contradictions === 1 ? "" : " each"}`,
    );
  if (undercutsAsAttacks > 0)
    report.push(
      `${plural(undercutsAsAttacks, "undercut")} of an argument without a conclusion kept as ${undercutsAsAttacks === 1 ? "an attack" : "attacks"}`,
    );
  if (cardsMade > 0) report.push(`${plural(cardsMade, "source")} kept as cards`);
  if (dataKept > 0)
    report.push(
      dataKept === 1
        ? "1 element's {yaml} data kept in its claim's notes"
        : `${dataKept} elements' {yaml} data kept in their claims' notes`,
    );
  if (skipped > 0) report.push(`${plural(skipped, "relation")} between elements outside the map skipped`);
  return { map, report };
}

const frontMatterSchema = z.looseObject({
  title: z.string().optional().catch(undefined),
  subTitle: z.string().optional().catch(undefined),
  abstract: z.string().optional().catch(undefined),
  author: z
    .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))])
    .optional()
    .catch(undefined),
});

/** "By Jane Doe", "By Jane Doe and Ann Roe": the front matter's author(s), for the map's description. */
function byline(author: string | number | (string | number)[] | undefined): string | undefined {
  const names = (Array.isArray(author) ? author : [author])
    .map((name) => (name === undefined ? "" : String(name).trim()))
    .filter(Boolean);
  if (names.length === 0) return undefined;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `By ${list}`;
}

/** The text that stands for an element: its canonical (last defining) member, else its longest; links kept in Markdown. */
function canonicalText(members: IStatement[]): string {
  const defining = members.filter((m) => !m.isReference && m.text?.trim());
  const chosen =
    defining.at(-1) ?? [...members].sort((a, b) => (b.text ?? "").length - (a.text ?? "").length)[0];
  let text = chosen?.text ?? "";
  const links = (chosen?.ranges ?? [])
    .filter((r) => r.type === "link" && r.url)
    .sort((a, b) => b.start - a.start);
  for (const link of links) {
    if (link.start < 0 || link.stop >= text.length || link.stop < link.start) continue;
    const label = text.slice(link.start, link.stop + 1);
    // The parser ends a link's target at its first `)`: `(javascript:alert(1))` leaves one `)` behind.
    let url = link.url ?? "";
    let after = text.slice(link.stop + 1);
    for (let open = unclosed(url); open > 0 && after.startsWith(")"); open--) {
      url += ")";
      after = after.slice(1);
    }
    // Only http(s) links stay links; any other target (javascript:, data:, file:) leaves its label.
    text = `${text.slice(0, link.start)}${/^https?:\/\//i.test(url) ? `[${label}](${url})` : label}${after}`;
  }
  return text.replace(/\s+/g, " ").trim();
}

/** How many `(` in `text` no `)` closes. */
function unclosed(text: string): number {
  let open = 0;
  for (const char of text) {
    if (char === "(") open++;
    else if (char === ")" && open > 0) open--;
  }
  return open;
}

/** Tags written at the end of a statement are labels, not words of it: they move to the claim's tags. */
function withoutTrailingTags(text: string): { text: string; trailingTags: string[] } {
  const trailingTags: string[] = [];
  let rest = text;
  for (;;) {
    const match = /\s*#(?:\(([^)]+)\)|([\p{L}\p{N}-]+))\s*$/u.exec(rest);
    if (!match || match.index === 0) break;
    trailingTags.unshift(match[1] ?? match[2]);
    rest = rest.slice(0, match.index);
  }
  return { text: rest.trim(), trailingTags };
}

/** YAML text of imported data, bounded: shared references stay aliases, and a huge value is cut. */
function yamlText(value: unknown): string {
  let out: string;
  try {
    out = stringify(value, { aliasDuplicateObjects: true, lineWidth: 0 });
  } catch {
    out = String(value);
  }
  return out.length > 20_000 ? `${out.slice(0, 20_000)}\n… (cut)` : out.trimEnd();
}

function problem(
  file: string,
  line: number,
  col: number,
  message: string,
  code: ProblemCode = "syntax",
): Problem {
  return { code, file, line, col, path: "", message };
}

function fail(file: string, line: number, col: number, message: string): ImportResult {
  return { ok: false, problems: [problem(file, line, col, message)] };
}

/** Argdown's own marks: a `[title]:` or `<title>:` definition, a relation line, front matter or a PCS. */
export function detect(input: string, fileName: string): boolean {
  if (/\.(argdown|ad)$/i.test(fileName)) return true;
  const head = input.replace(/^\uFEFF/, "").slice(0, 20_000);
  // JSON is not Argdown, though a statement definition starts with a bracket too.
  if (/^\s*\{/.test(head) || (/^\s*\[/.test(head) && !/^\s*\[[^\]\n]+\]:/.test(head))) return false;
  return (
    /^[ \t]*(?:[+\-_]>?|<[+\-_]|><)?[ \t]*(?:\[[^\]\n]+\]|<[^>\n]+>):/m.test(head) ||
    /^[ \t]+(?:[+\-_]>?|<[+\-_]|><)[ \t]+(?:\[[^\]\n]+\]|<[^>\n]+>)/m.test(head) ||
    (/^\(\d+\)[ \t]/m.test(head) && /^[ \t]*--+/m.test(head))
  );
}

// Export

/** Backslash-escapes what Argdown would read as markup, so claim text parses back as the same text. */
export function escapeArgdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\@#*_[\]{}<>()/=+-]/g, (c) => `\\${c}`)
    .replace(/([.:])(?=[^\s.:]+?[.:])/g, "\\$1");
}

/** JSON (a YAML flow mapping) that Argdown's data token cannot end early: braces in strings are escaped. */
function dataText(value: Record<string, unknown>): string {
  const json = JSON.stringify(value);
  let out = "";
  let inside = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inside && c === "\\") {
      out += c + json[i + 1];
      i++;
    } else {
      if (c === '"') inside = !inside;
      out += inside && c === "{" ? "\\u007b" : inside && c === "}" ? "\\u007d" : c;
    }
  }
  return out;
}

/**
 * The map as Argdown: theses with their answers as indented `+`/`-` children in reading order,
 * undercuts as `_` under the argument whose link they attack, cards and notes as `{yaml}` data.
 */
export function serialize(map: ArgumentMap, options: ExportOptions): string {
  const chosen = options.claimId ? subtreeMap(map, options.claimId) : map;
  const index = indexMap(chosen);
  const undercutSources = new Set<string>();
  for (const r of chosen.relations) {
    const target = index.relations.get(r.to);
    if (target) undercutSources.add(target.from);
  }
  const ref = (id: string) => (undercutSources.has(id) ? `<${id}>` : `[${id}]`);
  const thesisSet = new Set(chosen.theses);
  const defined = new Set<string>();
  const definition = (id: string): string => {
    const claim = index.claims.get(id);
    if (!claim || defined.has(id)) return ref(id);
    defined.add(id);
    const data: Record<string, unknown> = {};
    // A side the import might derive otherwise (a neg thesis; a claim whose links read in another
    // order) is written down.
    const several = (index.outgoing.get(id)?.length ?? 0) > 1;
    if (thesisSet.has(id) || several || derivedSideIn(index, id) !== claim.side) data.side = claim.side;
    if (claim.notes) data.notes = claim.notes;
    const cardsOf = (ids: string[] | undefined) =>
      (ids ?? []).map((e) => index.cards.get(e)).filter((c): c is Card => !!c);
    const cards = cardsOf(claim.evidence);
    if (cards.length) data.cards = cards;
    const links: Record<string, Card[]> = {};
    for (const r of index.outgoing.get(id) ?? []) if (r.evidence?.length) links[r.to] = cardsOf(r.evidence);
    if (Object.keys(links).length) data.linkCards = links;
    const undercuts: Record<string, string> = {};
    for (const r of index.outgoing.get(id) ?? []) {
      const target = index.relations.get(r.to);
      if (target && (index.outgoing.get(target.from) ?? []).length > 1) undercuts[target.from] = target.to;
    }
    if (Object.keys(undercuts).length) data.undercuts = undercuts;
    const tags = (claim.tags ?? []).map((t) => ` #(${t.replace(/[()]/g, "")})`).join("");
    const extra = Object.keys(data).length ? ` ${dataText(data)}` : "";
    return `${ref(id)}: ${escapeArgdown(claim.text)}${tags}${extra}`;
  };

  const out: string[] = [];
  out.push("===", stringify({ title: chosen.title }, { lineWidth: 0 }).trimEnd(), "===", "");
  if (chosen.description) out.push(`// ${chosen.description.replace(/\s+/g, " ")}`, "");
  const steps = readingOrderIn(chosen, index);
  const covered = new Set<string>();
  steps.forEach((step, i) => {
    if (step.depth === 0 && i > 0) out.push("");
    const indent = "  ".repeat(step.depth);
    const mark =
      step.role === "support" ? "+ " : step.role === "attack" ? "- " : step.role === "undercut" ? "_ " : "";
    if (step.relation) covered.add(step.relation.id);
    out.push(`${indent}${mark}${step.repeat ? ref(step.claimId) : definition(step.claimId)}`);
  });
  // Anything the reading order did not place (it places every relation, but stay safe): flat links.
  for (const r of chosen.relations) {
    if (covered.has(r.id)) continue;
    const target = index.relations.get(r.to);
    out.push("");
    if (target) out.push(ref(target.from), `  _ ${definition(r.from)}`);
    else out.push(definition(r.from), `  ${r.type === "support" ? "+>" : "->"} ${definition(r.to)}`);
  }
  return `${out.join("\n")}\n`;
}
