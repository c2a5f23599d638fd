import { diffArrays } from "diff";

/** One change that turns `base` into another version: base lines [start, end) become `lines`. */
interface Hunk {
  start: number;
  end: number;
  lines: string[];
}

/** Longest a merge may spend on one diff before giving up (the caller then writes plainly). */
const DIFF_TIMEOUT_MS = 2000;

function hunksOf(base: string[], other: string[]): Hunk[] | undefined {
  // Myers' diff costs time in proportion to the differences, not to repeated lines, so a large
  // file full of identical `side: aff` lines still merges quickly.
  const changes = diffArrays(base, other, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) return undefined;
  const hunks: Hunk[] = [];
  let at = 0;
  let open: Hunk | undefined;
  for (const change of changes) {
    if (!change.added && !change.removed) {
      if (open) hunks.push(open);
      open = undefined;
      at += change.count;
      continue;
    }
    open ??= { start: at, end: at, lines: [] };
    if (change.removed) {
      at += change.count;
      open.end = at;
    } else append(open.lines, change.value);
  }
  if (open) hunks.push(open);
  return hunks;
}

function applyHunks(base: string[], start: number, end: number, hunks: Hunk[]): string[] {
  const out: string[] = [];
  let at = start;
  for (const hunk of hunks) {
    append(out, base.slice(at, hunk.start));
    append(out, hunk.lines);
    at = hunk.end;
  }
  append(out, base.slice(at, end));
  return out;
}

/**
 * Three-way merge of line lists: the changes from `base` to `theirs` are carried onto `ours`.
 * Where both changed the same lines (or inserted at the same place), `theirs` wins for that stretch. Undefined when
 * a diff takes too long (files that share almost nothing).
 */
export function mergeLines(ours: string[], base: string[], theirs: string[]): string[] | undefined {
  const mine = hunksOf(base, ours);
  const edits = hunksOf(base, theirs);
  if (!mine || !edits) return undefined;
  const out: string[] = [];
  let at = 0;
  let i = 0;
  let j = 0;
  while (i < mine.length || j < edits.length) {
    const start = Math.min(
      mine[i]?.start ?? Number.POSITIVE_INFINITY,
      edits[j]?.start ?? Number.POSITIVE_INFINITY,
    );
    append(out, base.slice(at, start));
    // A stretch is every hunk, from either side, that starts where it starts or inside it. Hunks
    // that only touch (a claim inserted right after a line the author formatted) stay apart.
    const fromMine: Hunk[] = [];
    const fromEdits: Hunk[] = [];
    let end = start;
    const within = (hunk: Hunk | undefined) =>
      hunk !== undefined && (hunk.start === start || hunk.start < end);
    for (let grew = true; grew; ) {
      grew = false;
      while (within(mine[i])) {
        end = Math.max(end, mine[i].end);
        fromMine.push(mine[i++]);
        grew = true;
      }
      while (within(edits[j])) {
        end = Math.max(end, edits[j].end);
        fromEdits.push(edits[j++]);
        grew = true;
      }
    }
    append(out, applyHunks(base, start, end, fromEdits.length > 0 ? fromEdits : fromMine));
    at = end;
  }
  append(out, base.slice(at));
  return out;
}

/** Appends without spreading: a file of hundreds of thousands of lines would overflow the call stack. */
function append(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}
