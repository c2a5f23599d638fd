import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { type AnalysisJson, analysisJson, analyzeMap, type MapAnalysis } from "../lib/analysis/analyze";
import { WARNING_KINDS, WARNING_TITLES } from "../lib/analysis/evidence";
import { STATUS_LABELS } from "../lib/analysis/explain";
import { parseArgumentSource } from "../lib/formats/argument-file";
import { formatProblem, type Problem } from "../lib/model/problems";
import type { ArgumentMap } from "../lib/model/schema";
import { ARGUMENT_EXTENSIONS, argumentsDir } from "../lib/storage/maps";
import type { Io } from "./run";

const OK = 0;
const FAILED = 1;
const FAIL_ON = ["unanswered", "warnings"] as const;
type FailOn = (typeof FAIL_ON)[number];

/** One file's outcome: its map and analysis, or the problems that kept it from loading. */
type FileResult =
  | { file: string; ok: true; map: ArgumentMap; analysis: MapAnalysis }
  | { file: string; ok: false; problems: Problem[] };

/**
 * `analyze [files or folders…] [--json] [--since YEAR] [--fail-on unanswered|warnings]`.
 *
 * With `--json`, one file named on the command line prints one object
 * `{claims:[{id,status,reason}], unanswered:{aff,neg}, warnings:[{kind,id,message}]}`; several
 * files, or a folder, print an array with one entry per file in path order: that object with a
 * `file` field first, or `{file, problems:[{line,col,path,message}]}` for a file that does not
 * load. Problems also go to stderr as `file:line:col  path  message`. Exit 1 when a file is
 * invalid, or when `--fail-on` finds unanswered arguments or warnings; else 0.
 */
export async function analyzeCommand(
  args: string[],
  io: Io,
  usageError: (message: string) => Error,
): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      since: { type: "string" },
      "fail-on": { type: "string", multiple: true },
    },
  });
  let since: number | undefined;
  if (values.since !== undefined) {
    if (!/^\d{4}$/.test(values.since)) throw usageError("--since takes a four-digit year, e.g. --since 2015");
    since = Number(values.since);
  }
  const failOn = new Set<FailOn>();
  for (const value of (values["fail-on"] ?? []).flatMap((v) => v.split(","))) {
    if (!FAIL_ON.includes(value as FailOn)) throw usageError("--fail-on takes unanswered or warnings");
    failOn.add(value as FailOn);
  }

  const targets = positionals.length > 0 ? positionals : [path.relative(io.cwd, argumentsDir()) || "."];
  const files: string[] = [];
  for (const target of targets) {
    const full = path.resolve(io.cwd, target);
    let isFolder: boolean;
    try {
      isFolder = (await stat(full)).isDirectory();
    } catch {
      throw usageError(`no such file or folder: ${target}`);
    }
    if (isFolder) files.push(...(await argumentFilesIn(full, target)));
    else files.push(target);
  }
  if (files.length === 0) {
    io.err(`no argument files (${ARGUMENT_EXTENSIONS.join(", ")}) in ${targets.join(", ")}\n`);
    return FAILED;
  }
  const single = files.length === 1 && positionals.length === 1 && files[0] === positionals[0];

  const results: FileResult[] = [];
  for (const file of files) results.push(await analyzeFile(file, io, since));
  for (const result of results) {
    if (!result.ok) for (const problem of result.problems) io.err(`${formatProblem(problem)}\n`);
  }

  if (values.json) {
    const json = results.map(toJson);
    if (single) {
      if (results[0].ok) io.out(`${JSON.stringify(json[0].analysis)}\n`);
    } else io.out(`${JSON.stringify(json.map((j) => ({ file: j.file, ...(j.analysis ?? j.failure) })))}\n`);
  } else {
    io.out(results.map(report).join("\n"));
  }

  const loaded = results.filter((r) => r.ok);
  const unanswered = loaded.reduce(
    (n, r) => n + r.analysis.unanswered.aff.length + r.analysis.unanswered.neg.length,
    0,
  );
  const warnings = loaded.reduce((n, r) => n + r.analysis.warnings.length, 0);
  const invalid = results.length - loaded.length;
  io.err(
    `${plural(results.length, "file")} analysed: ${plural(unanswered, "unanswered argument")}, ${plural(warnings, "warning")}` +
      (invalid > 0 ? `, ${invalid} invalid` : "") +
      "\n",
  );
  if (invalid > 0) return FAILED;
  if (failOn.has("unanswered") && unanswered > 0) return FAILED;
  if (failOn.has("warnings") && warnings > 0) return FAILED;
  return OK;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? "" : "s"}`;
}

function slugOf(file: string): string {
  const base = path.basename(file);
  const ext = ARGUMENT_EXTENSIONS.find((e) => base.toLowerCase().endsWith(e));
  return ext ? base.slice(0, -ext.length) : base;
}

async function analyzeFile(file: string, io: Io, since: number | undefined): Promise<FileResult> {
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), "utf8");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { file, ok: false, problems: [{ code: "unreadable", file, line: 1, col: 1, path: "", message }] };
  }
  const parsed = parseArgumentSource(text, file, { slug: slugOf(file) });
  if (!parsed.ok) return { file, ok: false, problems: parsed.problems };
  const map = parsed.value.map;
  return { file, ok: true, map, analysis: analyzeMap(map, { since }) };
}

/** Argument files under a folder, in path order (hidden entries and node_modules skipped). */
async function argumentFilesIn(dir: string, shown: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const shownPath = path.join(shown, entry.name);
    if (entry.isDirectory()) out.push(...(await argumentFilesIn(path.join(dir, entry.name), shownPath)));
    else if (ARGUMENT_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) out.push(shownPath);
  }
  return out;
}

function toJson(result: FileResult): {
  file: string;
  analysis?: AnalysisJson;
  failure?: { problems: Omit<Problem, "file">[] };
} {
  if (result.ok) return { file: result.file, analysis: analysisJson(result.analysis) };
  return {
    file: result.file,
    failure: {
      problems: result.problems.map(({ code, line, col, path, message }) => ({
        code,
        line,
        col,
        path,
        message,
      })),
    },
  };
}

/** A readable report of one file: counts, each claim's status and reason, unanswered arguments, warnings. */
function report(result: FileResult): string {
  if (!result.ok)
    return `${result.file}: invalid, ${plural(result.problems.length, "problem")} (see above)\n`;
  const { map, analysis } = result;
  const text = (id: string) => map.claims.find((c) => c.id === id)?.text ?? id;
  const counts = { in: 0, out: 0, undecided: 0 };
  for (const claim of analysis.claims) counts[claim.status]++;
  const lines = [
    `${result.file}: ${map.title}`,
    `  ${plural(map.claims.length, "claim")}: ${counts.in} stand, ${counts.out} refuted, ${counts.undecided} contested`,
    "",
    "  Status",
  ];
  const idWidth = Math.max(...analysis.claims.map((c) => c.id.length));
  for (const claim of analysis.claims) {
    lines.push(
      `    ${STATUS_LABELS[claim.status].toLowerCase().padEnd(9)}  ${claim.id.padEnd(idWidth)}  ${claim.reason}`,
    );
  }
  for (const [side, other] of [
    ["aff", "neg"],
    ["neg", "aff"],
  ] as const) {
    const ids = analysis.unanswered[side];
    lines.push(
      "",
      `  ${side[0].toUpperCase()}${side.slice(1)} arguments ${other} has not answered (${ids.length})`,
    );
    if (ids.length === 0) lines.push("    none");
    for (const id of ids) lines.push(`    ${id.padEnd(idWidth)}  ${text(id)}`);
  }
  lines.push("", `  Evidence warnings (${analysis.warnings.length})`);
  if (analysis.warnings.length === 0) lines.push("    none");
  for (const kind of WARNING_KINDS) {
    const ofKind = analysis.warnings.filter((w) => w.kind === kind);
    if (ofKind.length === 0) continue;
    lines.push(`    ${WARNING_TITLES[kind]} (${ofKind.length}) [${kind}]`);
    for (const warning of ofKind) lines.push(`      ${warning.id}  ${warning.message}`);
  }
  return `${lines.join("\n")}\n`;
}
