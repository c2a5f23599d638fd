import { isMap, isSeq } from "yaml";

/** The indentation a JSON text uses: a tab, or the number of spaces of its first indented line (2 when flat). */
export function jsonIndent(text: string): string | number {
  const first = /\n([ \t]+)\S/.exec(text)?.[1];
  if (!first) return 2;
  if (first.startsWith("\t")) return "\t";
  return Math.min(first.length, 10);
}

/**
 * `want` with the order of `original` wherever the two share keys: an object keeps its keys in
 * the author's order (new keys follow), and a list of objects with ids (claims, relations, cards)
 * matches items by id, so one edit changes only the lines of what it edited.
 */
export function mergeJsonValue(original: unknown, want: unknown): unknown {
  if (isObject(original) && isObject(want)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(original)) {
      if (key in want) out[key] = mergeJsonValue(original[key], want[key]);
    }
    for (const key of Object.keys(want)) if (!(key in out)) out[key] = want[key];
    return out;
  }
  if (Array.isArray(original) && Array.isArray(want)) {
    const byId = new Map<unknown, unknown>();
    for (const item of original) if (isObject(item) && typeof item.id === "string") byId.set(item.id, item);
    // A new object takes the key order of the objects already in the list.
    const template = original.find(isObject);
    return want.map((item, i) => {
      const before = isObject(item) && typeof item.id === "string" ? byId.get(item.id) : original[i];
      if (before !== undefined) return mergeJsonValue(before, item);
      return template && isObject(item) ? mergeJsonValue(keyOrder(template, item), item) : item;
    });
  }
  return want;
}

/** An object with the keys of `template` that `item` has, in the template's order. */
function keyOrder(template: Record<string, unknown>, item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(template)
      .filter((key) => key in item)
      .map((key) => [key, item[key]]),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * For a JSON text laid out exactly as `JSON.stringify` prints it (on one line, or indented with
 * its own indent) and ending in a newline: `want(original)` printed the same way. Undefined for
 * any other layout, which `printJsonLike` keeps instead. A generated or exported file saves
 * without parsing its layout, which takes seconds for a 20,000-claim file.
 */
export function printedLikeStringify(text: string, want: (original: unknown) => unknown): string | undefined {
  if (!text.endsWith("\n")) return undefined;
  let original: unknown;
  try {
    original = JSON.parse(text);
  } catch {
    return undefined;
  }
  const indent = text.indexOf("\n") < text.length - 1 ? jsonIndent(text) : undefined;
  const print = (value: unknown) => `${JSON.stringify(value, null, indent)}\n`;
  if (print(original) !== text) return undefined;
  return print(want(original));
}

/** What the printer needs of the author's document: each value's node, with its place in the text. */
export interface JsonLayoutSource {
  text: string;
  /** The root node of the author's document (the yaml package parses JSON too, with ranges). */
  root: unknown;
}

/**
 * Prints `value` as JSON laid out like the author's file: their indentation, and every object or
 * list that they wrote on one line (`{ "id": "x", "side": "aff" }`, `["card"]`) on one line again.
 * New objects in a list follow their siblings; new lists of ids go on one line when the file
 * writes such lists that way.
 */
export function printJsonLike(value: unknown, layout: JsonLayoutSource): string {
  const indent = jsonIndent(layout.text);
  const unit = typeof indent === "number" ? " ".repeat(indent) : indent;
  const inlineLists = /\[[^\]\n]*"[^\]\n]*\]/.test(layout.text);

  const inlineOf = (node: unknown): boolean | undefined => {
    if (!isMap(node) && !isSeq(node)) return undefined;
    const range = node.range;
    if (!range) return undefined;
    return !layout.text.slice(range[0], range[1]).includes("\n");
  };
  const padOf = (node: unknown, fallback: string): string => {
    if (!isMap(node) && !isSeq(node)) return fallback;
    const range = node.range;
    if (!range || !inlineOf(node) || node.items.length === 0) return fallback;
    return layout.text[range[0] + 1] === " " ? " " : "";
  };
  // The author's objects of a list by their id, found once per list (20,000 claims: not 20,000² lookups).
  const byId = new WeakMap<object, Map<unknown, unknown>>();
  const itemsById = (node: { items: unknown[] }): Map<unknown, unknown> => {
    let found = byId.get(node);
    if (!found) {
      found = new Map();
      for (const n of node.items) {
        if (!isMap(n)) continue;
        const id = n.get("id");
        if (!found.has(id)) found.set(id, n);
      }
      byId.set(node, found);
    }
    return found;
  };
  const childOf = (node: unknown, item: unknown, i: number): unknown => {
    if (isMap(node)) return typeof item === "string" ? node.get(item, true) : undefined;
    if (!isSeq(node)) return undefined;
    if (isObject(item) && typeof item.id === "string") return itemsById(node).get(item.id);
    return node.items[i];
  };

  const print = (v: unknown, node: unknown, depth: number, hint: boolean | undefined): string => {
    if (Array.isArray(v) || isObject(v)) {
      const entries: [string | undefined, unknown][] = Array.isArray(v)
        ? v.map((item) => [undefined, item])
        : Object.entries(v);
      const [open, close] = Array.isArray(v) ? ["[", "]"] : ["{", "}"];
      if (entries.length === 0) return `${open}${close}`;
      const ids = Array.isArray(v) && v.every((item) => typeof item === "string");
      const inline = inlineOf(node) ?? hint ?? (ids && inlineLists);
      const pad = padOf(node, Array.isArray(v) ? "" : " ");
      // A new object in a list is laid out like the objects already there.
      const siblings = isSeq(node) ? node.items.map(inlineOf).find((x) => x !== undefined) : undefined;
      const parts = entries.map(([key, item], i) => {
        const child = childOf(node, key ?? item, i);
        const text = print(item, child, depth + 1, inline ? true : key === undefined ? siblings : undefined);
        return key === undefined ? text : `${JSON.stringify(key)}: ${text}`;
      });
      if (inline) return `${open}${pad}${parts.join(", ")}${pad}${close}`;
      const inner = unit.repeat(depth + 1);
      return `${open}\n${parts.map((p) => inner + p).join(",\n")}\n${unit.repeat(depth)}${close}`;
    }
    return JSON.stringify(v);
  };
  return `${print(value, layout.root, 0, undefined)}\n`;
}
