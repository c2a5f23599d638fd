import { z } from "zod";

/**
 * What kind of problem a file or a map has. A closed list: the library, the map's error page, the
 * API and the command line each switch on it exhaustively.
 */
export const PROBLEM_CODES = [
  /** The text is not YAML or JSON (an unclosed quote, a bad indent, a character YAML forbids). */
  "syntax",
  /** A value of the wrong type, a missing or an unknown field. */
  "shape",
  /** `version` is missing or names a version this build cannot read. */
  "version",
  /** An id that names no claim, relation or card, or a relation that cannot point where it does. */
  "reference",
  /** A value of the right type that is not allowed: an enum, an id's spelling, a link, a read span. */
  "value",
  /** A key, id or file that is there twice. */
  "duplicate",
  /** Too large: over the byte limit, or aliases that expand beyond what is read. */
  "size",
  /** A file name that cannot be a map's address. */
  "name",
  /** The file could not be read, or the parser gave up on it. */
  "unreadable",
  /** A save whose file would read back as a different map; nothing was written. */
  "roundtrip",
] as const;

export const problemCodeSchema = z.enum(PROBLEM_CODES);
export type ProblemCode = z.infer<typeof problemCodeSchema>;

/**
 * One problem in one file, with the path inside the document. `line` and `col` place it in the
 * source text; they are absent only for data without one (a map sent to the API as JSON).
 */
export const problemSchema = z.object({
  code: problemCodeSchema,
  file: z.string(),
  line: z.number().int().positive().optional(),
  col: z.number().int().positive().optional(),
  path: z.string(),
  message: z.string(),
});
export type Problem = z.infer<typeof problemSchema>;

/** The failing side of every result: each problem found, in reading order. */
export type Failure = { ok: false; problems: Problem[] };

/**
 * The one result shape of parsing, validation, loading and importing: a value, or every problem
 * found. Results that carry more beside (a stored map's file and slug) keep `Failure` as their other side.
 */
export type Result<T> = { ok: true; value: T } | Failure;

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result, its problems in reading order. */
export function failed<T = never>(problems: Problem[]): Result<T> {
  return { ok: false, problems: sortProblems(problems) };
}

/** Renders a problem as `file:line:col  path  message`, the form editors and CI logs link to. */
export function formatProblem(problem: Problem): string {
  const at =
    problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.col ?? 1}`;
  return `${at}  ${problem.path || "(document)"}  ${problem.message}`;
}

/** Renders a path such as `["claims", "a", "supports", 0]` as `claims.a.supports[0]`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

/** Orders problems by file, then position, so reports read top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0),
  );
}

/** A value as a message quotes it: strings in double quotes (cut at 60 characters), others by kind. */
export function quoteValue(value: unknown, max = 60): string {
  if (typeof value === "string") {
    const shown = value.length > max ? `${value.slice(0, max - 1)}…` : value;
    return JSON.stringify(shown);
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return String(value);
}
