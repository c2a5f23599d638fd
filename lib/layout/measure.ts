import metrics from "./font-metrics.json";

/** Font weights with measured advance widths (see scripts/gen-font-metrics.ts). */
export type FontWeight = 400 | 600 | 700;

export interface TextStyle {
  fontSize: number;
  weight: FontWeight;
}

interface WeightTable {
  fallback: number;
  widths: Record<string, number>;
}

const tables = metrics.weights as Record<string, WeightTable>;

/** True for characters drawn a full em wide by fallback fonts (CJK, Hangul, fullwidth forms, emoji). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x1f000
  );
}

/** Width in pixels of one line of text in Inter at the given size and weight (no kerning: never narrower than the browser's). */
export function measureText(text: string, style: TextStyle): number {
  const table = tables[String(style.weight)];
  let units = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    units += table.widths[String(cp)] ?? (isWide(cp) ? metrics.unitsPerEm : table.fallback);
  }
  return (units * style.fontSize) / metrics.unitsPerEm;
}

/** Splits a word wider than `maxWidth` into pieces that fit, one character at least per piece. */
function breakWord(word: string, maxWidth: number, style: TextStyle): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const ch of word) {
    if (current && measureText(current + ch, style) > maxWidth) {
      pieces.push(current);
      current = ch;
    } else current += ch;
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Word-wraps text into lines no wider than `maxWidth`, breaking words that do not fit on a line
 * of their own; whitespace runs collapse to one space, as the browser renders them.
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const space = measureText(" ", style);
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  for (const word of words) {
    const wordWidth = measureText(word, style);
    if (line && lineWidth + space + wordWidth <= maxWidth) {
      line = `${line} ${word}`;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    if (wordWidth <= maxWidth) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    const pieces = breakWord(word, maxWidth, style);
    lines.push(...pieces.slice(0, -1));
    line = pieces[pieces.length - 1];
    lineWidth = measureText(line, style);
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
