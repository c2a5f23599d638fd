// Extracts advance widths of the shipped Inter Variable font into lib/layout/font-metrics.json, so
// layout can measure text without a browser and without loading the font at run time.
// Usage: npx tsx scripts/gen-font-metrics.ts   (the unit test lib/layout/font-metrics.test.ts checks it is current)
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** The font file the browser uses for Latin text (see @fontsource-variable/inter/index.css). */
export const FONT_FILE = "node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2";

/** Weights the canvas renders: claims, and the bold labels and theses. */
export const WEIGHTS = [400, 600, 700] as const;

/** Code points measured: Basic Latin, Latin-1, general punctuation and a few symbols. */
export function measuredCodePoints(): number[] {
  const points: number[] = [];
  for (let cp = 0x20; cp <= 0x7e; cp++) points.push(cp);
  for (let cp = 0xa0; cp <= 0xff; cp++) points.push(cp);
  for (let cp = 0x2010; cp <= 0x203a; cp++) points.push(cp);
  points.push(0x0131, 0x0152, 0x0153, 0x20ac, 0x2122, 0x2191, 0x2193, 0x2212);
  return points;
}

interface FontkitFont {
  unitsPerEm: number;
  variationCoords: number[] | null;
  fvar: { axis: { axisTag: string; defaultValue: number }[] };
  HVAR: unknown;
  hmtx: { metrics: { get(gid: number): { advance: number } } };
  _cmapProcessor: { lookup(codePoint: number): number };
  _variationProcessor: { getAdvanceAdjustment(gid: number, hvar: unknown): number } | null;
}

interface Fontkit {
  openSync(file: string): FontkitFont;
}

export interface FontMetricsFile {
  font: string;
  unitsPerEm: number;
  weights: Record<string, { fallback: number; widths: Record<string, number> }>;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Reads the font and returns the metrics table written to font-metrics.json. */
export function generateFontMetrics(root = process.cwd()): FontMetricsFile {
  const require = createRequire(import.meta.url);
  const fontkit = require("fontkit") as Fontkit;
  const file = path.join(root, FONT_FILE);
  const weights: FontMetricsFile["weights"] = {};
  let unitsPerEm = 0;
  for (const weight of WEIGHTS) {
    // fontkit's getVariation() cannot re-read a WOFF2 stream, so the variation is applied to the
    // advance widths directly: the hmtx advance plus the HVAR delta at this weight. A fresh font
    // per weight because fontkit caches its variation processor.
    const font = fontkit.openSync(file);
    font.variationCoords = font.fvar.axis.map((a) => (a.axisTag.trim() === "wght" ? weight : a.defaultValue));
    const variation = font._variationProcessor;
    unitsPerEm = font.unitsPerEm;
    const widths: Record<string, number> = {};
    let letters = 0;
    let letterCount = 0;
    for (const cp of measuredCodePoints()) {
      const gid = font._cmapProcessor.lookup(cp);
      if (gid === 0) continue;
      const base = font.hmtx.metrics.get(gid).advance;
      const width = round(base + (variation?.getAdvanceAdjustment(gid, font.HVAR) ?? 0));
      widths[String(cp)] = width;
      if (/\p{L}/u.test(String.fromCodePoint(cp))) {
        letters += width;
        letterCount++;
      }
    }
    weights[String(weight)] = { fallback: round(letters / letterCount), widths };
  }
  return { font: "Inter Variable", unitsPerEm, weights };
}

/** Serializes the metrics the way they are committed. */
export function formatFontMetrics(metrics: FontMetricsFile): string {
  return `${JSON.stringify(metrics)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) {
  const out = path.join(process.cwd(), "lib", "layout", "font-metrics.json");
  writeFileSync(out, formatFontMetrics(generateFontMetrics()));
  console.log(`wrote ${out}`);
}
