/**
 * A fast reader for the plain YAML that argument files are written in: block mappings and lists,
 * one-line plain and quoted scalars, one-line lists of ids (`[a, b]`), `{}` and `[]`, literal and
 * folded block scalars, comments and blank lines. Anything else (anchors, aliases, tags, flow
 * mappings, multi-line plain or quoted scalars, tabs, carriage returns, numbers other than
 * plain integers, duplicate keys, …) makes it give up and return undefined: the caller then reads
 * the text with the full `yaml` parser, which also places every problem. On what it accepts it
 * gives exactly the value `yaml` gives (YAML 1.2, core schema); a property test holds it to that.
 *
 * It also records where each entry of the top-level `claims` and `evidence` mappings starts and
 * ends in the text, so that a save can rewrite one entry without touching the rest.
 */

/** Where one entry of a top-level mapping sits in the text. */
export interface EntrySpan {
  id: string;
  /** Offset of the start of the entry's key line. */
  start: number;
  /** Offset just past the line break of the entry's last content line. */
  end: number;
}

/** A top-level key of the document and where its entry sits. */
export interface TopSpan {
  key: string;
  start: number;
  end: number;
  /** The entries of a block mapping value (claims, evidence), with the indentation of their keys. */
  entries?: EntrySpan[];
  indent?: number;
}

export interface FastYaml {
  value: Record<string, unknown>;
  top: TopSpan[];
}

class GiveUp extends Error {}
const GIVE_UP = new GiveUp();

interface Line {
  start: number;
  /** Offset of the line break ending the line (or the text's length). */
  end: number;
  indent: number;
  /** Blank (spaces only) or a comment line: no content. */
  empty: boolean;
  comment: boolean;
}

const KEY = /^([A-Za-z0-9_][A-Za-z0-9_-]*):(?: |$)/;
const INT = /^[0-9]+$/;
// Plain scalars the core schema reads as something other than a string (null, booleans, numbers).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OTHER_NUMBER =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
const PLAIN_ID = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
// Argument files nest a few levels; a file nested far deeper is left to the full parser, before
// this reader's recursion could run out of stack.
const MAX_DEPTH = 100;

/** Reads `text` if it is within the plain subset described above; undefined otherwise. */
export function readPlainYaml(text: string): FastYaml | undefined {
  try {
    return new Reader(text).read();
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

class Reader {
  private lines: Line[] = [];
  private i = 0;
  /** End of the last line read that held content (comments and blank lines after it are not the entry's). */
  private lastEnd = 0;
  /** Collections open around the one being read: past MAX_DEPTH the full parser takes over (and places the problem). */
  private depth = 0;

  constructor(private readonly text: string) {}

  read(): FastYaml {
    const text = this.text;
    if (text.length === 0 || text.charCodeAt(text.length - 1) !== 10) throw GIVE_UP;
    if (text.includes("\r") || text.includes("\t") || text.charCodeAt(0) === 0xfeff) throw GIVE_UP;
    let start = 0;
    while (start < text.length) {
      const end = text.indexOf("\n", start);
      let indent = 0;
      while (text.charCodeAt(start + indent) === 32) indent++;
      const first = start + indent < end ? text.charCodeAt(start + indent) : -1;
      const comment = first === 35;
      this.lines.push({ start, end, indent, empty: first === -1 || comment, comment });
      if (indent === 0 && (first === 37 || text.startsWith("---", start) || text.startsWith("...", start)))
        throw GIVE_UP;
      start = end + 1;
    }
    this.skipEmpty();
    const line = this.lines[this.i];
    if (line?.indent !== 0 || !this.isKeyLine(line)) throw GIVE_UP;
    const top: TopSpan[] = [];
    const value = this.mapping(0, top);
    this.skipEmpty();
    if (this.i < this.lines.length) throw GIVE_UP;
    return { value, top };
  }

  private skipEmpty(): void {
    while (this.i < this.lines.length && this.lines[this.i].empty) this.i++;
  }

  /** The next line with content, without moving past it. */
  private peek(): Line | undefined {
    let j = this.i;
    while (j < this.lines.length && this.lines[j].empty) j++;
    return this.lines[j];
  }

  private isKeyLine(line: Line, from = line.start + line.indent): boolean {
    return KEY.test(this.text.slice(from, Math.min(line.end, from + 140)));
  }

  /** A block mapping whose keys sit at column `indent`, starting at the current line (or at `from` in it). */
  private mapping(indent: number, top?: TopSpan[], firstFrom?: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    let from = firstFrom;
    for (;;) {
      let line: Line | undefined;
      if (from === undefined) {
        this.skipEmpty();
        line = this.lines[this.i];
        if (!line || line.indent < indent) break;
        if (line.indent > indent) throw GIVE_UP;
      } else line = this.lines[this.i];
      const at = from ?? line.start + line.indent;
      from = undefined;
      const match = KEY.exec(this.text.slice(at, Math.min(line.end, at + 140)));
      if (!match) throw GIVE_UP;
      const key = match[1];
      if (key.length > 128 || key === "__proto__" || resolvesToNonString(key)) throw GIVE_UP;
      if (Object.hasOwn(out, key)) throw GIVE_UP;
      const entryStart = line.start;
      const rest = at + key.length + 1;
      const span: TopSpan | undefined = top ? { key, start: entryStart, end: 0 } : undefined;
      out[key] = this.value(line, rest, indent, span);
      if (span) {
        span.end = this.lastEnd + 1;
        top?.push(span);
      }
    }
    this.depth--;
    return out;
  }

  /**
   * The value after `key:` on `line` (from offset `rest`), the mapping's keys being at `indent`.
   * Leaves the current line index after the value's last line.
   */
  private value(line: Line, rest: number, indent: number, span?: TopSpan): unknown {
    const inline = stripComment(this.text.slice(rest, line.end));
    this.i++;
    this.lastEnd = line.end;
    if (inline === "") {
      const next = this.peek();
      if (next && next.indent > indent) {
        this.skipEmpty();
        if (this.startsItem(next)) return this.sequence(next.indent);
        if (!this.isKeyLine(next)) throw GIVE_UP;
        if (span) {
          span.indent = next.indent;
          span.entries = [];
          return this.entries(next.indent, span.entries);
        }
        return this.mapping(next.indent);
      }
      if (next && next.indent === indent && this.startsItem(next)) {
        this.skipEmpty();
        return this.sequence(indent);
      }
      return null;
    }
    return this.inlineValue(inline, indent);
  }

  /** A block mapping whose entries' places are recorded. */
  private entries(indent: number, spans: EntrySpan[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    for (;;) {
      this.skipEmpty();
      const line = this.lines[this.i];
      if (!line || line.indent < indent) break;
      if (line.indent > indent) throw GIVE_UP;
      const at = line.start + line.indent;
      const match = KEY.exec(this.text.slice(at, Math.min(line.end, at + 140)));
      if (!match) throw GIVE_UP;
      const key = match[1];
      if (key.length > 128 || key === "__proto__" || resolvesToNonString(key)) throw GIVE_UP;
      if (Object.hasOwn(out, key)) throw GIVE_UP;
      out[key] = this.value(line, at + key.length + 1, indent);
      spans.push({ id: key, start: line.start, end: this.lastEnd + 1 });
    }
    this.depth--;
    return out;
  }

  private startsItem(line: Line): boolean {
    const at = line.start + line.indent;
    const c = this.text.charCodeAt(at + 1);
    return this.text.charCodeAt(at) === 45 && (at + 1 === line.end || c === 32);
  }

  /** A block list whose dashes sit at column `indent`. */
  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    for (;;) {
      this.skipEmpty();
      const line = this.lines[this.i];
      if (!line || line.indent < indent) break;
      if (line.indent > indent || !this.startsItem(line)) {
        // A list at its mapping's own indentation ends where that mapping's next key starts.
        if (line.indent === indent && this.isKeyLine(line)) break;
        throw GIVE_UP;
      }
      let at = line.start + indent + 1;
      while (this.text.charCodeAt(at) === 32 && at < line.end) at++;
      if (at >= line.end || this.text.charCodeAt(at) === 35) {
        // `-` alone: the item is the block node on the lines below.
        this.i++;
        this.lastEnd = line.end;
        const next = this.peek();
        if (!next || next.indent <= indent) {
          out.push(null);
          continue;
        }
        this.skipEmpty();
        if (this.startsItem(next)) out.push(this.sequence(next.indent));
        else if (this.isKeyLine(next)) out.push(this.mapping(next.indent));
        else throw GIVE_UP;
        continue;
      }
      if (this.isKeyLine(line, at)) {
        // `- key: value` opens a mapping whose keys sit where this first key does.
        out.push(this.mapping(at - line.start, undefined, at));
        continue;
      }
      const c = this.text.charCodeAt(at);
      if (c === 45 && (this.text.charCodeAt(at + 1) === 32 || at + 1 === line.end)) throw GIVE_UP;
      this.i++;
      this.lastEnd = line.end;
      out.push(this.inlineValue(stripComment(this.text.slice(at, line.end)), indent));
    }
    this.depth--;
    return out;
  }

  /** A value written on the key's or dash's line; block scalars read the lines below. */
  private inlineValue(inline: string, parentIndent: number): unknown {
    const c = inline.charCodeAt(0);
    if (c === 124 || c === 62) return this.blockScalar(inline, parentIndent);
    let value: unknown;
    if (c === 34) value = doubleQuoted(inline);
    else if (c === 39) value = singleQuoted(inline);
    else if (c === 91) value = flowList(inline);
    else if (c === 123) {
      if (inline !== "{}") throw GIVE_UP;
      value = {};
    } else value = plain(inline);
    // A scalar followed by more-indented lines would continue on them (or be an error).
    const next = this.peek();
    if (next && next.indent > parentIndent) throw GIVE_UP;
    return value;
  }

  private blockScalar(header: string, parentIndent: number): string {
    const folded = header.charCodeAt(0) === 62;
    const chomp = header.slice(1);
    if (chomp !== "" && chomp !== "-") throw GIVE_UP;
    const lines: string[] = [];
    let blockIndent = -1;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      const blank = line.start + line.indent === line.end;
      if (blank) {
        if (blockIndent === -1 || line.indent > blockIndent) throw GIVE_UP;
        lines.push("");
        this.i++;
        continue;
      }
      if (blockIndent === -1) {
        if (line.indent <= parentIndent) break;
        blockIndent = line.indent;
      }
      if (line.indent < blockIndent) break;
      if (folded && line.indent > blockIndent) throw GIVE_UP;
      lines.push(this.text.slice(line.start + blockIndent, line.end));
      this.lastEnd = line.end;
      this.i++;
    }
    // Trailing blank lines belong to no content (clip and strip drop them); give them back.
    let kept = lines.length;
    while (kept > 0 && lines[kept - 1] === "") kept--;
    this.i -= lines.length - kept;
    const body = lines.slice(0, kept);
    if (body.length === 0) return "";
    let out: string;
    if (folded) {
      out = body[0];
      for (let k = 1; k < body.length; k++) {
        if (body[k] === "") {
          out += "\n";
          continue;
        }
        out += body[k - 1] === "" ? body[k] : ` ${body[k]}`;
      }
    } else out = body.join("\n");
    return chomp === "-" ? out : `${out}\n`;
  }
}

/** A comment after a value (` # …`) is not part of it; the value's trailing spaces go too. */
function stripComment(inline: string): string {
  let begin = 0;
  while (begin < inline.length && inline.charCodeAt(begin) === 32) begin++;
  let s = inline.slice(begin);
  const c = s.charCodeAt(0);
  // A quoted scalar may hold ` #`; its comment, if any, follows the closing quote (checked there).
  if (c !== 34 && c !== 39) {
    if (c === 35) return "";
    const hash = s.indexOf(" #");
    if (hash >= 0) s = s.slice(0, hash);
  }
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return s.slice(0, end);
}

function resolvesToNonString(s: string): boolean {
  return NULL.test(s) || BOOL.test(s) || OTHER_NUMBER.test(s);
}

function plain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Indicators that start something else than a plain scalar (or that this reader does not read).
  if ("-?:,[]{}#&*!|>'\"%@`".includes(s[0])) throw GIVE_UP;
  if (s.includes(": ") || s.endsWith(":")) throw GIVE_UP;
  if ((c >= 48 && c <= 57) || c === 43 || c === 46 || c === 126 || "nNtTfF".includes(s[0])) {
    if (INT.test(s)) {
      const n = Number(s);
      if (!Number.isSafeInteger(n)) throw GIVE_UP;
      return n;
    }
    if (NULL.test(s)) return null;
    if (BOOL.test(s)) return s[0] === "t" || s[0] === "T";
    if (OTHER_NUMBER.test(s)) throw GIVE_UP;
  }
  return s;
}

const ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
};

/** The text of a quoted scalar; after its closing quote only a comment may follow. */
function afterQuote(s: string, close: number): void {
  const tail = s.slice(close + 1);
  if (tail === "") return;
  if (!/^ +#/.test(tail)) throw GIVE_UP;
}

function doubleQuoted(s: string): string {
  let out = "";
  let k = 1;
  for (;;) {
    const next = s.slice(k).search(/["\\]/);
    if (next < 0) throw GIVE_UP;
    out += s.slice(k, k + next);
    k += next;
    if (s[k] === '"') break;
    const e = s[k + 1];
    if (e === undefined) throw GIVE_UP;
    if (e === "x" || e === "u" || e === "U") {
      const width = e === "x" ? 2 : e === "u" ? 4 : 8;
      const hex = s.slice(k + 2, k + 2 + width);
      if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) throw GIVE_UP;
      const code = Number.parseInt(hex, 16);
      // Surrogates and code points past Unicode are left to the full parser.
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw GIVE_UP;
      out += String.fromCodePoint(code);
      k += 2 + width;
      continue;
    }
    const plainEscape = ESCAPES[e];
    if (plainEscape === undefined) throw GIVE_UP;
    out += plainEscape;
    k += 2;
  }
  afterQuote(s, k);
  return out;
}

function singleQuoted(s: string): string {
  let out = "";
  let k = 1;
  for (;;) {
    const next = s.indexOf("'", k);
    if (next < 0) throw GIVE_UP;
    out += s.slice(k, next);
    if (s[next + 1] === "'") {
      out += "'";
      k = next + 2;
      continue;
    }
    afterQuote(s, next);
    return out;
  }
}

/** `[a, b]`, `[]`, or a list of quoted strings, on one line. */
function flowList(s: string): unknown[] {
  const close = s.lastIndexOf("]");
  if (close < 0) throw GIVE_UP;
  const tail = s.slice(close + 1);
  if (tail !== "" && !/^ +#/.test(tail)) throw GIVE_UP;
  const inner = trimSpaces(s.slice(1, close));
  if (inner === "") return [];
  return inner.split(",").map((raw) => {
    const item = trimSpaces(raw);
    if (item === "") throw GIVE_UP;
    if (item[0] === '"' && item.endsWith('"') && item.length > 1) {
      const value = doubleQuoted(item);
      if (/[,[\]{}]/.test(item)) throw GIVE_UP;
      return value;
    }
    if (!PLAIN_ID.test(item) || resolvesToNonString(item)) throw GIVE_UP;
    return item;
  });
}

/** `s` without the spaces around it: only U+0020 (tabs are refused earlier), not `trim`'s Unicode spaces. */
function trimSpaces(s: string): string {
  let begin = 0;
  let end = s.length;
  while (begin < end && s.charCodeAt(begin) === 32) begin++;
  while (end > begin && s.charCodeAt(end - 1) === 32) end--;
  return s.slice(begin, end);
}

/**
 * JSON text's value, or undefined when it is not JSON or repeats a key in an object: the keys
 * written in the text (strings followed by a colon) are counted against the keys of the value.
 */
export function jsonWithoutDuplicateKeys(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const written = /"[ \t\r\n]+:/.test(text) ? keysWrittenSpaced(text) : keysWritten(text);
  let read = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (const x of item) if (x !== null && typeof x === "object") stack.push(x);
    } else if (item !== null && typeof item === "object") {
      for (const key in item) {
        read++;
        const x = (item as Record<string, unknown>)[key];
        if (x !== null && typeof x === "object") stack.push(x);
      }
    }
  }
  return read === written ? value : undefined;
}

/** The keys of valid JSON text where every key's closing quote is followed by its colon: `":` not escaped. */
function keysWritten(text: string): number {
  let written = 0;
  for (let at = text.indexOf('":'); at >= 0; at = text.indexOf('":', at + 2)) {
    let slashes = 0;
    while (text.charCodeAt(at - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) written++;
  }
  return written;
}

/** The keys of valid JSON text, found string by string (a key is a string followed by a colon). */
function keysWrittenSpaced(text: string): number {
  let written = 0;
  let at = text.indexOf('"');
  while (at >= 0) {
    // The text is valid JSON, so quotes outside strings only open strings; find this one's end.
    let close = text.indexOf('"', at + 1);
    for (;;) {
      let slashes = 0;
      while (text.charCodeAt(close - 1 - slashes) === 92) slashes++;
      if (slashes % 2 === 0) break;
      close = text.indexOf('"', close + 1);
    }
    let next = close + 1;
    while ([32, 10, 13, 9].includes(text.charCodeAt(next))) next++;
    if (text.charCodeAt(next) === 58) written++;
    at = text.indexOf('"', next);
  }
  return written;
}
