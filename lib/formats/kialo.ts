import { plural } from "../model/plural";
import type { Problem, ProblemCode } from "../model/problems";
import type { RelationType } from "../model/schema";
import { MAX_IMPORT_CLAIMS } from "./import-limits";
import type { ImportResult } from "./index";
import { MapBuilder } from "./map-builder";
import { unsafeLinksAsLabels } from "./markdown-links";

/** One numbered line of a Kialo export, with the lines that continue it. */
interface KialoLine {
  path: string;
  parent?: string;
  stance?: "pro" | "con";
  lines: string[];
  /** 1-based line number of the numbered line. */
  line: number;
}

const NUMBERED = /^(\d+(?:\.\d+)*)\.(?:[ \t]+(.*))?$/;
const STANCE = /^(pro|con)\s*:\s*/i;
const SEE = /^->\s*see\s+(\d+(?:\.\d+)*)\.?\s*$/i;
const TITLE = /^discussion\s+(?:title|name)\s*:\s*(.*)$/i;
// Kialo's export escapes Markdown specials with a backslash; links and other text stay as written.
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!|~<>])/g;

/**
 * Reads a Kialo discussion export (`.txt`): the numbered path gives each claim's parent, `Pro`
 * supports and `Con` attacks it, `-> See <path>` links the claim already there, and text runs on
 * over following lines until the next numbered line.
 */
export function parse(input: string, fileName: string): ImportResult {
  const rows = input.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const problems: Problem[] = [];
  const at = (line: number, path: string, message: string, code: ProblemCode = "reference"): Problem => ({
    code,
    file: fileName,
    line,
    col: 1,
    path,
    message,
  });
  let title: string | undefined;
  const entries: KialoLine[] = [];
  const byPath = new Map<string, KialoLine>();
  let roots = 0;
  let current: KialoLine | undefined;
  // A discussion has one thesis; a further bare number starts a root only when claims are numbered
  // under it, so a numbered list inside a claim's text ("1. …", "2. …") stays text.
  const parentRoots = new Set<string>();
  for (const row of rows) {
    const under = /^(\d+)\.\d+\./.exec(row.trim());
    if (under) parentRoots.add(under[1]);
  }

  rows.forEach((row, i) => {
    const lineNo = i + 1;
    const match = NUMBERED.exec(row.trim());
    if (match) {
      const path = match[1];
      const segments = path.split(".");
      const parent = segments.length > 1 ? segments.slice(0, -1).join(".") : undefined;
      if (parent !== undefined && byPath.has(path)) {
        problems.push(at(lineNo, path, `the path ${path} is numbered twice`, "duplicate"));
        return;
      }
      // A number that does not continue the discussion's own numbering (a list or a figure inside a
      // claim's text) is text: a single number must be the next root, a path must start at a root.
      const rootNumber = Number(segments[0]);
      const nextRoot = rootNumber === roots + 1 && (roots === 0 || parentRoots.has(segments[0]));
      if (parent !== undefined ? rootNumber >= 1 && rootNumber <= roots : nextRoot) {
        if (parent !== undefined && !byPath.has(parent)) {
          problems.push(at(lineNo, path, `no parent: there is no claim numbered ${parent}`));
        }
        if (parent === undefined) roots++;
        let text = match[2] ?? "";
        let stance: KialoLine["stance"];
        const stanceMatch = STANCE.exec(text);
        if (stanceMatch) {
          stance = stanceMatch[1].toLowerCase() as "pro" | "con";
          text = text.slice(stanceMatch[0].length);
        }
        current = { path, parent, stance, lines: [text], line: lineNo };
        entries.push(current);
        byPath.set(path, current);
        return;
      }
    }
    if (current) current.lines.push(row);
    else {
      const titleMatch = TITLE.exec(row.trim());
      if (titleMatch && title === undefined) title = titleMatch[1].trim();
    }
  });

  if (entries.length > MAX_IMPORT_CLAIMS) {
    return {
      ok: false,
      problems: [
        at(1, "", `${entries.length} numbered claims; one import takes at most ${MAX_IMPORT_CLAIMS}`, "size"),
      ],
    };
  }
  if (entries.length === 0) {
    return {
      ok: false,
      problems: [
        at(
          1,
          "",
          'no numbered claims: a Kialo export has lines like "1. Thesis" and "1.1. Pro: A reason"',
          "shape",
        ),
      ],
    };
  }

  const builder = new MapBuilder();
  const ids = new Map<string, string>();
  const seeTargets = new Map<string, string>();
  let missingStance = 0;
  let unsafeLinks = 0;
  for (const entry of entries) {
    // A link to anything but an http(s) address keeps only its words (before escapes are read: `\[` is text).
    const links = unsafeLinksAsLabels(entry.lines.join("\n"));
    unsafeLinks += links.changed;
    const text = unescapeKialo(links.text);
    const see = SEE.exec(text.trim());
    if (see) {
      seeTargets.set(entry.path, see[1]);
      continue;
    }
    if (!text.trim()) {
      problems.push(at(entry.line, entry.path, `claim ${entry.path} has no text`, "value"));
      continue;
    }
    ids.set(entry.path, builder.addClaim(text, { notes: `Kialo ${entry.path}` }));
  }

  // A `-> See` line stands for the claim it names, which may itself be a `-> See` line.
  const resolve = (path: string): string | undefined => {
    const seen = new Set<string>();
    let step = path;
    while (!ids.has(step)) {
      const next = seeTargets.get(step);
      if (next === undefined || seen.has(step)) return undefined;
      seen.add(step);
      step = next;
    }
    return ids.get(step);
  };

  let joined = 0;
  let dropped = 0;
  for (const entry of entries) {
    const self = resolve(entry.path);
    if (self === undefined) {
      const target = seeTargets.get(entry.path);
      if (target !== undefined)
        problems.push(at(entry.line, entry.path, `"-> See ${target}" names no claim of this discussion`));
      continue;
    }
    if (seeTargets.has(entry.path)) joined++;
    if (entry.parent === undefined) continue;
    const parent = resolve(entry.parent);
    if (parent === undefined) continue;
    if (!entry.stance) missingStance++;
    const type: RelationType = entry.stance === "con" ? "attack" : "support";
    const before = builder.relationBetween(self, type, parent);
    if (before !== undefined || builder.addRelation(self, type, parent) === undefined) dropped++;
  }
  if (problems.length > 0) return { ok: false, problems };

  const report = builder.summary();
  if (joined > 0) report.push(`${plural(joined, '"-> See" link')} joined to the claim already in the map`);
  if (unsafeLinks > 0)
    report.push(
      `${plural(unsafeLinks, "link")} to something other than a web address kept as its words only`,
    );
  if (missingStance > 0)
    report.push(`${plural(missingStance, "claim")} without a Pro or Con stance imported as support`);
  if (dropped > 0)
    report.push(`${plural(dropped, "link")} left out: a claim answering itself or repeating a link`);
  const rootText = unescapeKialo(entries[0].lines.join(" ")).replace(/\s+/g, " ").trim();
  const map = builder.build({ title: title || rootText || fileName });
  return { ok: true, value: { map, report } };
}

function unescapeKialo(text: string): string {
  return text.replace(ESCAPED, "$1");
}

/** A Kialo export starts with its discussion title, or with `1.` and `1.1. Pro:`-style lines. */
export function detect(input: string): boolean {
  const head = input.replace(/^\uFEFF/, "").slice(0, 4000);
  if (/^\s*discussion\s+(?:title|name)\s*:/i.test(head)) return true;
  return /^1\.[ \t]+\S/m.test(head) && /^1\.1\.[ \t]+(?:pro|con):/im.test(head);
}
