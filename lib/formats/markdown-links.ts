import { isHttpUrl } from "../model/schema";

/**
 * Markdown links whose target is not an http(s) URL (`javascript:`, `data:`, `file:`, a bare
 * word) become their label; http(s) links stay as written. Backslash-escaped brackets are text,
 * not links, and a target may hold balanced parentheses (`javascript:alert(1)`), so no stray `)`
 * is left behind.
 */
export function unsafeLinksAsLabels(text: string): { text: string; changed: number } {
  let out = "";
  let changed = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === "\\") {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char === "[") {
      const link = linkAt(text, i);
      if (link) {
        const target = link.target.trim().split(/\s+/)[0] ?? "";
        if (isHttpUrl(target)) out += text.slice(i, link.end);
        else {
          out += link.label;
          changed++;
        }
        i = link.end;
        continue;
      }
    }
    out += char;
    i++;
  }
  return { text: out, changed };
}

/** The Markdown link `[label](target)` that starts at `start`, if one does. */
function linkAt(text: string, start: number): { label: string; target: string; end: number } | undefined {
  let i = start + 1;
  while (i < text.length && text[i] !== "]") {
    if (text[i] === "\\") i++;
    else if (text[i] === "[" || text[i] === "\n") return undefined;
    i++;
  }
  if (text[i] !== "]" || text[i + 1] !== "(") return undefined;
  const label = text.slice(start + 1, i);
  let depth = 0;
  let j = i + 2;
  for (; j < text.length; j++) {
    const char = text[j];
    if (char === "\\") {
      j++;
      continue;
    }
    if (char === "\n") return undefined;
    if (char === "(") depth++;
    else if (char === ")") {
      if (depth === 0) break;
      depth--;
    }
  }
  if (text[j] !== ")") return undefined;
  return { label, target: text.slice(i + 2, j), end: j + 1 };
}
