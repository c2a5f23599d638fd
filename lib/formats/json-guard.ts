import { LineCounter, parseDocument } from "yaml";
import { formatPath, type Problem, type ProblemCode } from "../model/problems";

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
      problems: [
        {
          code: "size",
          file,
          line,
          col,
          path: "",
          message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
        },
      ],
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? jsonErrorOffset(text));
    const { line, col } = positionOf(text, offset);
    const clean = message
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/ \(line \d+ column \d+\)$/, "");
    return {
      ok: false,
      problems: [{ code: "syntax", file, line, col, path: "", message: `JSON syntax: ${clean}` }],
    };
  }
}

/**
 * Problems at JSON paths, each given the line and column of the value at its path. The text is
 * re-read for positions only when there are problems to place.
 */
export function locateJsonProblems(
  text: string,
  file: string,
  found: { path: (string | number)[]; message: string; code?: ProblemCode }[],
): Problem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  return found.map(({ path, message, code = "shape" }) => {
    let offset = 0;
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === "object" && node.range) {
        offset = node.range[0];
        break;
      }
    }
    const pos = lineCounter.linePos(offset);
    return { code, file, line: pos.line, col: pos.col, path: formatPath(path), message };
  });
}

/**
 * Where JSON text stops being JSON, by a linear scan (no recursion): V8's messages often give no
 * position ("Unexpected token ','"), and a person needs the line.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: string[] = [];
  let state: "value" | "first-value" | "key" | "first-key" | "colon" | "after" = "value";
  const skipSpace = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r"))
      i++;
  };
  const string = (): boolean => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  for (;;) {
    skipSpace();
    if (i >= text.length) return state === "after" && stack.length === 0 ? text.length : i;
    const c = text[i];
    if (state === "value" || state === "first-value") {
      if (state === "first-value" && c === "]") {
        stack.pop();
        i++;
        state = "after";
      } else if (c === "{" || c === "[") {
        stack.push(c);
        i++;
        state = c === "{" ? "first-key" : "first-value";
      } else if (c === '"') {
        if (!string()) return i;
        state = "after";
      } else {
        const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(
          text.slice(i, i + 400),
        );
        if (!literal) return i;
        i += literal[0].length;
        state = "after";
      }
    } else if (state === "key" || state === "first-key") {
      if (state === "first-key" && c === "}") {
        stack.pop();
        i++;
        state = "after";
      } else if (c !== '"' || !string()) return i;
      else state = "colon";
    } else if (state === "colon") {
      if (c !== ":") return i;
      i++;
      state = "value";
    } else {
      const top = stack.at(-1);
      if (top === undefined) return i;
      if (c === ",") {
        i++;
        state = top === "{" ? "key" : "value";
      } else if ((c === "}" && top === "{") || (c === "]" && top === "[")) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}
