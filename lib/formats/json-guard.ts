import { LineCounter, parseDocument } from "yaml";
import { formatPath, type Problem } from "../model/problems";

/** Deepest nesting of arrays and objects an imported JSON file may have. */
export const MAX_JSON_DEPTH = 64;

/**
 * The offset where JSON text first nests deeper than `max`, found in one linear scan without
 * parsing, so a file nested thousands deep is refused before any recursive parser sees it.
 */
export function excessiveDepthAt(text: string, max = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

/** Line and column (1-based) of an offset. */
export function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

/** Parses JSON with a depth limit; a syntax error names its line and column. */
export function parseJsonText(text: string, file: string): JsonResult {
  const deep = excessiveDepthAt(text);
  if (deep !== undefined) {
    const { line, col } = positionOf(text, deep);
    return {
      ok: false,
      problems: [{ file, line, col, path: "", message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels` }],
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    const { line, col } = positionOf(text, offset);
    const clean = message
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/ \(line \d+ column \d+\)$/, "");
    return { ok: false, problems: [{ file, line, col, path: "", message: `JSON syntax: ${clean}` }] };
  }
}

/**
 * Problems at JSON paths, each given the line and column of the value at its path. The text is
 * re-read for positions only when there are problems to place.
 */
export function locateJsonProblems(
  text: string,
  file: string,
  found: { path: (string | number)[]; message: string }[],
): Problem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  return found.map(({ path, message }) => {
    let offset = 0;
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === "object" && node.range) {
        offset = node.range[0];
        break;
      }
    }
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, col: pos.col, path: formatPath(path), message };
  });
}
