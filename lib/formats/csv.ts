import { stringify } from "csv-stringify/sync";
import type { ArgumentMap } from "../model/schema";
import type { ExportOptions } from "./index";
import { oneLine, outlineOf, roleLabel } from "./outline";

/** The name of a flow column: what a claim at that depth does. */
export function depthHeading(depth: number): string {
  if (depth === 0) return "Claim";
  if (depth === 1) return "Answer";
  if (depth === 2) return "Answer to the answer";
  return `Answer, level ${depth + 1}`;
}

/**
 * The rows of the flow sheet: one per line of argument. A claim continues the row of what it
 * answers when it is the first answer there; every later answer starts a new row, with the cells
 * to its left left blank, as a debater flows a round.
 */
export function flowRows(map: ArgumentMap, options: ExportOptions): { rows: string[][]; sides: string[][] } {
  const { entries } = outlineOf(map, options);
  const rows: string[][] = [];
  const sides: string[][] = [];
  let previousDepth = -1;
  for (const entry of entries) {
    const { step } = entry;
    if (rows.length === 0 || step.depth !== previousDepth + 1) {
      rows.push(Array(step.depth).fill(""));
      sides.push([]);
    }
    const row = rows[rows.length - 1];
    row[step.depth] = `${oneLine(entry.text).trim()}${step.repeat ? " (see above)" : ""}`;
    sides[sides.length - 1].push(`${entry.side.toUpperCase()} ${roleLabel(step).toLowerCase()}`);
    previousDepth = step.depth;
  }
  return { rows, sides };
}

/**
 * The flow sheet as CSV: one column per depth (claim, answer, answer to the answer…), one row per
 * line of argument, and a last column with the side and role of each cell in the row. Cells that
 * begin with `=`, `+`, `-` or `@` are escaped so a spreadsheet never runs them.
 */
export function serialize(map: ArgumentMap, options: ExportOptions): string {
  const { rows, sides } = flowRows(map, options);
  const depth = Math.max(1, ...rows.map((r) => r.length));
  const header = [...Array.from({ length: depth }, (_, d) => depthHeading(d)), "Sides"];
  const records = rows.map((row, i) => [
    ...Array.from({ length: depth }, (_, d) => row[d] ?? ""),
    sides[i].join(" → "),
  ]);
  options.onProgress?.(1);
  return stringify([header, ...records], { escape_formulas: true, record_delimiter: "\r\n" });
}
