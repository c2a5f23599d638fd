import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  type ParsedSource,
  type ParseResult,
  parseArgumentSource,
  serializeArgumentSource,
  serializeNewSource,
} from "../lib/formats/argument-file";
import { exportFormatList, exportFormats, exportMap } from "../lib/formats/export";
import { formatInfo } from "../lib/formats/index";
import { argumentFileJsonSchemaText } from "../lib/formats/json-schema";
import { mapToNormalized } from "../lib/formats/normalized-json";
import { failed, formatProblem, PROBLEM_CODES, type Problem, type ProblemCode } from "../lib/model/problems";
import {
  ARGUMENT_EXTENSIONS,
  argumentsDir,
  duplicateProblem,
  fileNameProblem,
  mapFilesIn,
} from "../lib/storage/maps";
import { analyzeCommand } from "./analyze";
import { importCommand } from "./import";

/** Where the command line writes; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  /** Writes bytes to standard output (binary exports); defaults to process.stdout. */
  outBytes?: (bytes: Uint8Array) => void;
  /** Whether standard output is a terminal, where binary exports are refused; defaults to process.stdout.isTTY. */
  stdoutIsTTY?: boolean;
}

/** Exit codes: 0 all good, 1 invalid input, 2 usage error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

class UsageError extends Error {}

export const USAGE = `Usage: npm run -s cli -- <command> [options]

Commands:
  validate [files or folders…]          check argument files (default: ARGUMENTS_DIR or ./arguments)
  export <file> --format FORMAT [--claim ID] [--direction TB|LR] [--out PATH]
                                        export a map, or one claim's subtree, as one of:
${exportFormats()
  .map(
    (f) =>
      `                                          ${f.id.padEnd(8)} ${f.label}${f.binary ? " (binary: --out or a pipe)" : ""}`,
  )
  .join("\n")}
  import <file…> [--from F] [--out PATH] [--force]
                                        turn Argdown, Kialo, AIF or our own files into new YAML maps
  schema [--out PATH]                   print the JSON Schema of argument files
  analyze [files or folders…] [--json] [--since YEAR] [--fail-on unanswered|warnings]
                                        which claims stand or fall, unanswered arguments per side,
                                        evidence warnings (cards older than YEAR with --since);
                                        --fail-on exits 1 when any are found
  help                                  show this text

Exit codes: 0 valid, 1 invalid input, 2 usage error.`;

/** Runs one command line and returns its exit code; never calls process.exit. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "validate":
        return await validateCommand(rest, io);
      case "export":
        return await exportCommand(rest, io);
      case "schema":
        return await schemaCommand(rest, io);
      case "analyze":
        return await analyzeCommand(rest, io, (message) => new UsageError(message));
      case "import":
        return await importCommand(rest, io);
      case "help":
      case "--help":
      case "-h":
        io.out(`${USAGE}\n`);
        return EXIT.ok;
      case undefined:
        throw new UsageError("no command given");
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`error: ${(error as Error).message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
}

function resolve(io: Io, target: string): string {
  return path.resolve(io.cwd, target);
}

async function validateCommand(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const targets = positionals.length > 0 ? positionals : [path.relative(io.cwd, argumentsDir()) || "."];
  const files: string[] = [];
  /** Problems of names inside folders: files the app would not open under their name. */
  const nameProblems = new Map<string, Problem[]>();
  for (const target of targets) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(resolve(io, target));
    } catch {
      throw new UsageError(`no such file or folder: ${target}`);
    }
    if (info.isDirectory()) files.push(...(await argumentFilesIn(resolve(io, target), target, nameProblems)));
    else files.push(target);
  }
  if (files.length === 0) {
    io.err(`no argument files (${ARGUMENT_EXTENSIONS.join(", ")}) in ${targets.join(", ")}\n`);
    return EXIT.invalid;
  }
  let invalid = 0;
  const found: Problem[] = [];
  for (const file of files) {
    // Each file on its own: one the parser gives up on is reported, and the others are still checked.
    const result = await validateFile(io, file);
    const problems = [...(nameProblems.get(file) ?? []), ...(result.ok ? [] : result.problems)];
    if (result.ok && problems.length === 0) {
      const { claims, relations, evidence } = result.value.map;
      io.out(
        `ok  ${file}  ${count(claims.length, "claim")}, ${count(relations.length, "relation")}, ${count(evidence.length, "card")}\n`,
      );
    } else {
      invalid++;
      found.push(...problems);
      for (const problem of problems) io.out(`${formatProblem(problem)}\n`);
    }
  }
  const summary =
    invalid === 0
      ? `${count(files.length, "file")} valid`
      : `${invalid} of ${count(files.length, "file")} invalid, ${count(found.length, "problem")} (${problemKinds(found)})`;
  io.err(`${summary}\n`);
  return invalid === 0 ? EXIT.ok : EXIT.invalid;
}

async function validateFile(io: Io, file: string): Promise<ParseResult> {
  let text: string;
  try {
    text = await readFile(resolve(io, file), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return failed([
      {
        code: "unreadable",
        file,
        line: 1,
        col: 1,
        path: "",
        message: `the file could not be read (${code})`,
      },
    ]);
  }
  return parseArgumentSource(text, file, { slug: slugOf(file) });
}

/** "1 claim", "2 claims". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** What the problems are, by kind and in the order of PROBLEM_CODES: "2 reference, 1 syntax". */
function problemKinds(problems: readonly Problem[]): string {
  const tally = new Map<string, number>();
  for (const code of PROBLEM_CODES) {
    const n = problems.filter((p) => p.code === code).length;
    if (n > 0) tally.set(kindWord(code), (tally.get(kindWord(code)) ?? 0) + n);
  }
  return [...tally].map(([word, n]) => `${n} ${word}`).join(", ");
}

/** The word a summary counts a kind of problem by. */
function kindWord(code: ProblemCode): string {
  switch (code) {
    case "syntax":
      return "syntax";
    case "shape":
      return "shape";
    case "version":
      return "version";
    case "reference":
      return "reference";
    case "value":
      return "value";
    case "duplicate":
      return "duplicate";
    case "size":
      return "size";
    case "name":
      return "file name";
    case "unreadable":
      return "unreadable";
    case "roundtrip":
      return "round trip";
    default: {
      const unknown: never = code;
      return String(unknown);
    }
  }
}

async function argumentFilesIn(
  dir: string,
  shown: string,
  nameProblems: Map<string, Problem[]>,
): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const files = entries.filter((e) => !e.isDirectory()).map((e) => e.name);
  const note = (name: string, problem: Problem) => {
    const shownPath = path.join(shown, name);
    nameProblems.set(shownPath, [...(nameProblems.get(shownPath) ?? []), { ...problem, file: shownPath }]);
  };
  for (const { slug, chosen, ignored } of mapFilesIn(files)) {
    const nameProblem = fileNameProblem(chosen);
    if (nameProblem) note(chosen, nameProblem);
    for (const name of ignored) note(name, duplicateProblem(slug, chosen, ignored));
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const shownPath = path.join(shown, entry.name);
    if (entry.isDirectory())
      out.push(...(await argumentFilesIn(path.join(dir, entry.name), shownPath, nameProblems)));
    else if (ARGUMENT_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) out.push(shownPath);
  }
  return out;
}

function slugOf(file: string): string {
  const base = path.basename(file);
  const ext = ARGUMENT_EXTENSIONS.find((e) => base.toLowerCase().endsWith(e));
  return ext ? base.slice(0, -ext.length) : base;
}

async function loadOrReport(file: string, io: Io): Promise<ParsedSource | Problem[]> {
  let text: string;
  try {
    text = await readFile(resolve(io, file), "utf8");
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const result = parseArgumentSource(text, file, { slug: slugOf(file) });
  return result.ok ? result.value : result.problems;
}

async function exportCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string", short: "f" },
      out: { type: "string", short: "o" },
      claim: { type: "string" },
      direction: { type: "string" },
    },
  });
  if (positionals.length !== 1) throw new UsageError("export takes exactly one file");
  const format = formatInfo(values.format ?? "");
  if (!format?.canExport) throw new UsageError(`--format must be one of ${exportFormatList()}`);
  const direction = values.direction;
  if (direction !== undefined && direction !== "TB" && direction !== "LR")
    throw new UsageError("--direction must be TB or LR");
  if (format.binary && !values.out && (io.stdoutIsTTY ?? process.stdout.isTTY))
    throw new UsageError(
      `${format.id} is binary: give --out PATH, or send standard output to a file or a pipe`,
    );
  const loaded = await loadOrReport(positionals[0], io);
  if (Array.isArray(loaded)) {
    for (const problem of loaded) io.err(`${formatProblem(problem)}\n`);
    return EXIT.invalid;
  }
  let body: string | Uint8Array;
  if (format.id === "json" && !values.claim)
    body = `${JSON.stringify(mapToNormalized(loaded.map), null, 2)}\n`;
  else if (format.id === "yaml" && !values.claim)
    // The whole map keeps its author's file as written: comments and order.
    body =
      loaded.shape === "file" && loaded.syntax === "yaml"
        ? serializeArgumentSource(loaded, loaded.map)
        : serializeNewSource(loaded.map, "yaml");
  else {
    if (format.id === "png" || format.id === "pdf") await import("../lib/formats/render-node");
    const result = await exportMap(loaded.map, format.id, { claimId: values.claim, direction });
    if (!result.ok) throw new UsageError(`${result.message} (${positionals[0]})`);
    body = result.body;
  }
  if (typeof body === "string") await emit(body, values.out, io);
  else if (values.out) {
    await writeFile(resolve(io, values.out), body);
    io.err(`wrote ${values.out}\n`);
  } else (io.outBytes ?? ((bytes) => process.stdout.write(bytes)))(body);
  return EXIT.ok;
}

async function schemaCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: "string", short: "o" } } });
  await emit(argumentFileJsonSchemaText(), values.out, io);
  return EXIT.ok;
}

async function emit(text: string, out: string | undefined, io: Io): Promise<void> {
  if (out) {
    await writeFile(resolve(io, out), text, "utf8");
    io.err(`wrote ${out}\n`);
  } else io.out(text);
}
