import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { citeLine, readSegments } from "../graph/card-text";
import { measureText } from "../layout/measure";
import { PALETTES } from "../layout/palette";
import type { ArgumentMap, Card } from "../model/schema";
import type { ExportOptions } from "./index";
import { type OutlineEntry, oneLine, outlineOf, roleLabel } from "./outline";
import { FONT_WEIGHTS, type FontSet, renderPlatform } from "./render-platform";
import { mapPicture, perWeightFamily } from "./svg";

const LETTER: [number, number] = [612, 792];
const MARGIN = 54;
/** PDF viewers refuse pages larger than 200 inches. */
const MAX_PAGE = 14_400;
const PX_TO_PT = 0.75;
const INDENT = 14;
const MAX_INDENT_LEVELS = 8;

const F = {
  regular: perWeightFamily(400),
  medium: perWeightFamily(500),
  semibold: perWeightFamily(600),
  bold: perWeightFamily(700),
};

const TEXT = PALETTES.light.text;
const MUTED = PALETTES.light.mutedText;

type Doc = PDFKit.PDFDocument;

/** The map picture on a page of its own, at screen size (1 px = 0.75 pt) unless that passes the PDF limit. */
function pictureFits(width: number, height: number): { scale: number; page: [number, number] } {
  const scale = Math.min(PX_TO_PT, (MAX_PAGE - 2 * 36) / width, (MAX_PAGE - 110) / height);
  return {
    scale,
    page: [Math.max(LETTER[0], width * scale + 72), Math.max(LETTER[1] / 2, height * scale + 110)],
  };
}

function citeParts(card: Card) {
  const cite = citeLine(card.cite);
  return cite ?? { lead: "", rest: "No cite", url: undefined };
}

/** A run of text in one face: pieces of a cite line or a quote. */
interface Run {
  text: string;
  font: string;
  size: number;
  color: string;
  /** Read aloud: drawn on a highlight and underlined. */
  mark?: boolean;
  link?: string;
}

interface Placed {
  run: Run;
  text: string;
  x: number;
  width: number;
}

/**
 * Breaks runs of mixed faces into lines no wider than `width`, word by word (a word wider than a
 * line is split by characters). The same breaks measure a card and draw it, so a card measured to
 * fit is drawn exactly that tall.
 */
function wrapRuns(runs: Run[], width: number): Placed[][] {
  const lines: Placed[][] = [[]];
  let x = 0;
  const measure = (run: Run, text: string) => textWidth(run.font, run.size, text);
  for (const run of runs) {
    for (const token of run.text.match(/\S+\s*|\s+/g) ?? []) {
      const word = token.trimEnd();
      let w = measure(run, token);
      const wordWidth = word ? measure(run, word) : 0;
      if (x > 0 && x + wordWidth > width) {
        if (!word) continue;
        lines.push([]);
        x = 0;
      }
      if (x === 0 && !word) continue;
      if (wordWidth > width) {
        // Split an overlong word across lines.
        let piece = "";
        for (const ch of token) {
          if (piece && measure(run, piece + ch) > width - x) {
            lines[lines.length - 1].push({ run, text: piece, x, width: measure(run, piece) });
            lines.push([]);
            x = 0;
            piece = ch;
          } else piece += ch;
        }
        w = measure(run, piece);
        lines[lines.length - 1].push({ run, text: piece, x, width: w });
        x += w;
        continue;
      }
      lines[lines.length - 1].push({ run, text: token, x, width: w });
      x += w;
    }
  }
  return lines;
}

/**
 * Width of text in a face, from the layout's Inter metrics (no kerning, so never narrower than
 * pdfkit draws it); pdfkit's own measure shapes every word and is a hundred times slower.
 */
function textWidth(font: string, size: number, text: string): number {
  return measureText(text, {
    fontSize: size,
    weight: font === F.regular ? 400 : font === F.semibold ? 600 : 700,
  });
}

function runsHeight(lines: Placed[][], lineHeight: number): number {
  return lines.length * lineHeight;
}

function drawRuns(doc: Doc, lines: Placed[][], x: number, y: number, lineHeight: number) {
  lines.forEach((line, i) => {
    const top = y + i * lineHeight;
    // Consecutive words of one run on a line are drawn in one call.
    const groups: Placed[] = [];
    for (const p of line) {
      const last = groups[groups.length - 1];
      if (last && last.run === p.run) {
        last.text += p.text;
        last.width += p.width;
      } else groups.push({ ...p });
    }
    groups.forEach((g, n) => {
      const shown = n === groups.length - 1 ? g.text.trimEnd() : g.text;
      const width = textWidth(g.run.font, g.run.size, shown);
      if (g.run.mark) {
        doc.rect(x + g.x, top + 0.5, width, lineHeight - 1).fill("#fef08a");
        doc
          .moveTo(x + g.x, top + lineHeight - 1.5)
          .lineTo(x + g.x + width, top + lineHeight - 1.5)
          .lineWidth(0.6)
          .stroke(TEXT);
      }
      doc
        .font(g.run.font)
        .fontSize(g.run.size)
        .fillColor(g.run.color)
        .text(shown, x + g.x, top + (lineHeight - g.run.size * 1.21) / 2, {
          lineBreak: false,
          underline: Boolean(g.run.link),
          link: g.run.link ?? null,
        });
    });
  });
  doc.x = x;
  doc.y = y + lines.length * lineHeight;
}

const TAG_SIZE = 10;
const CITE_LINE = 12;
const QUOTE_LINE = 13;

function cardRuns(card: Card): { tag: Run[]; cite: Run[]; quote: Run[] } {
  const cite = citeParts(card);
  const citeRuns: Run[] = [];
  if (cite.lead) citeRuns.push({ text: cite.lead, font: F.bold, size: 9, color: TEXT });
  if (cite.rest)
    citeRuns.push({ text: `${cite.lead ? ", " : ""}${cite.rest}`, font: F.regular, size: 9, color: TEXT });
  if (cite.url) {
    citeRuns.push({ text: ", ", font: F.regular, size: 9, color: TEXT });
    citeRuns.push({ text: cite.url, font: F.regular, size: 9, color: "#1d4ed8", link: cite.url });
  }
  const segments = readSegments(oneLine(card.quote).trim(), (card.read ?? []).map(oneLine));
  if (segments.length === 0) segments.push({ text: "(no quote)", read: false });
  const quote = segments.map(
    (s): Run =>
      s.read
        ? { text: s.text, font: F.bold, size: 9.5, color: TEXT, mark: true }
        : { text: s.text, font: F.regular, size: 8, color: MUTED },
  );
  return {
    tag: [{ text: oneLine(card.tag), font: F.bold, size: TAG_SIZE, color: TEXT }],
    cite: citeRuns,
    quote,
  };
}

/** A card laid out at a width: its lines, and the height it takes. */
function layoutCard(card: Card, width: number) {
  const runs = cardRuns(card);
  const tag = wrapRuns(runs.tag, width);
  const cite = wrapRuns(runs.cite, width);
  const quote = wrapRuns(runs.quote, width);
  const height =
    runsHeight(tag, 13) + 2 + runsHeight(cite, CITE_LINE) + 3 + runsHeight(quote, QUOTE_LINE) + 10;
  return { tag, cite, quote, height };
}

function cardHeight(card: Card, width: number): number {
  return layoutCard(card, width).height;
}

function drawCard(doc: Doc, card: Card, x: number, width: number) {
  const laid = layoutCard(card, width);
  let y = doc.y;
  drawRuns(doc, laid.tag, x, y, 13);
  y = doc.y + 2;
  drawRuns(doc, laid.cite, x, y, CITE_LINE);
  y = doc.y + 3;
  drawRuns(doc, laid.quote, x, y, QUOTE_LINE);
  doc.y += 10;
}

function headingHeight(doc: Doc, entry: OutlineEntry, width: number): number {
  const size = entry.step.depth === 0 ? 14 : 11;
  return 12 + doc.font(F.semibold).fontSize(size).heightOfString(oneLine(entry.text), { width }) + 6;
}

function drawHeading(doc: Doc, entry: OutlineEntry, x: number, width: number) {
  const { step } = entry;
  const palette = PALETTES.light;
  const label = `${entry.side.toUpperCase()} · ${roleLabel(step).toUpperCase()}${step.repeat ? " · SHOWN IN FULL ABOVE" : ""}`;
  doc.font(F.bold).fontSize(7.5).fillColor(palette.side[entry.side].band).text(label, x, doc.y, {
    width,
    characterSpacing: 0.4,
  });
  doc
    .font(F.semibold)
    .fontSize(step.depth === 0 ? 14 : 11)
    .fillColor(step.repeat ? MUTED : TEXT)
    .text(oneLine(entry.text), x, doc.y + 1, { width });
  doc.moveDown(0.35);
}

/**
 * A handout with selectable text: the map picture on the first page, then the outline in reading
 * order with every card (tag, cite line, quote with the read spans in bold and underlined). Pages
 * break between claims and never inside a card; a card goes to the next page only when this one
 * is more than half full, so no page but the last is left half empty.
 */
export async function serialize(map: ArgumentMap, options: ExportOptions): Promise<Uint8Array> {
  const fonts: FontSet = await renderPlatform().fonts();
  const picture = mapPicture(map, options, "per-weight");
  options.onProgress?.(0.1);
  const outline = outlineOf(map, options);
  const doc = new PDFDocument({
    autoFirstPage: false,
    // Our regular face from the start: pdfkit's default Helvetica needs font files the browser build lacks.
    font: fonts[400] as unknown as string,
    margin: MARGIN,
    info: { Title: oneLine(outline.map.title), Creator: "Clashmap" },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  for (const w of FONT_WEIGHTS) doc.registerFont(perWeightFamily(w), fonts[w] as unknown as Buffer);

  // The map.
  const fit = pictureFits(picture.width, picture.height);
  doc.addPage({ size: fit.page, margin: 36 });
  doc
    .font(F.bold)
    .fontSize(18)
    .fillColor(TEXT)
    .text(oneLine(outline.map.title), 36, 36, {
      width: fit.page[0] - 72,
    });
  const pictureTop = 80;
  SVGtoPDF(doc, picture.svg, 36, pictureTop, {
    width: picture.width * fit.scale,
    height: picture.height * fit.scale,
    fontCallback: (family) => (Object.values(F).includes(family) ? family : F.regular),
    warningCallback: () => undefined,
  });
  options.onProgress?.(0.5);

  // The outline.
  doc.addPage({ size: LETTER, margin: MARGIN });
  const top = MARGIN;
  const bottom = LETTER[1] - MARGIN;
  const half = (bottom - top) / 2;
  const fullWidth = LETTER[0] - 2 * MARGIN;
  doc.font(F.bold).fontSize(20).fillColor(TEXT).text(oneLine(outline.map.title), MARGIN, top, {
    width: fullWidth,
  });
  if (outline.map.resolution && !options.claimId) {
    doc.moveDown(0.3).font(F.regular).fontSize(11).fillColor(MUTED).text(oneLine(outline.map.resolution));
  }
  doc.moveDown(1);

  /** Starts a new page when `height` does not fit here and this page is already more than half full. */
  const keep = (height: number) => {
    if (doc.y + height > bottom && doc.y - top > half) doc.addPage({ size: LETTER, margin: MARGIN });
  };

  const total = outline.entries.length;
  outline.entries.forEach((entry, n) => {
    const level = Math.min(entry.step.depth, MAX_INDENT_LEVELS);
    const x = MARGIN + level * INDENT;
    const width = fullWidth - level * INDENT;
    const cardX = x + 10;
    const cardWidth = width - 10;
    // A heading stays with its first card.
    const first = entry.cards[0];
    keep(headingHeight(doc, entry, width) + (first ? cardHeight(first, cardWidth) : 0));
    if (entry.step.depth === 0 && n > 0) doc.moveDown(0.6);
    drawHeading(doc, entry, x, width);
    entry.cards.forEach((card, i) => {
      if (i > 0) keep(cardHeight(card, cardWidth));
      drawCard(doc, card, cardX, cardWidth);
    });
    doc.moveDown(0.4);
    if (n % 50 === 0) options.onProgress?.(0.5 + (0.45 * n) / Math.max(1, total));
  });

  doc.end();
  await done;
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  options.onProgress?.(1);
  return out;
}
