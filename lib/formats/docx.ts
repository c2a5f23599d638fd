import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from "docx";
import { citeLine, readSegments } from "../graph/card-text";
import type { ArgumentMap, Card } from "../model/schema";
import type { ExportOptions } from "./index";
import { oneLine, outlineOf } from "./outline";
import { xmlSafe } from "./xml-text";

const clean = xmlSafe;

/** Verbatim's styles (Debate.dotm): headings by level named Pocket, Hat, Block, Tag; Cite, Underline and Emphasis runs. */
const STYLES = {
  default: { document: { run: { font: "Calibri", size: 22 } } },
  paragraphStyles: [
    { id: "Heading1", name: "Pocket", level: 0, size: 52 },
    { id: "Heading2", name: "Hat", level: 1, size: 44 },
    { id: "Heading3", name: "Block", level: 2, size: 32 },
    { id: "Heading4", name: "Tag", level: 3, size: 26 },
  ].map((s) => ({
    id: s.id,
    name: s.name,
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: { bold: true, size: s.size },
    paragraph: {
      outlineLevel: s.level,
      keepNext: true,
      keepLines: true,
      spacing: { before: 240, after: 60 },
      alignment: s.level < 2 ? AlignmentType.CENTER : AlignmentType.LEFT,
    },
  })),
  characterStyles: [
    { id: "Cite", name: "Cite", basedOn: "DefaultParagraphFont", run: { bold: true, size: 26 } },
    { id: "Underline", name: "Underline", basedOn: "DefaultParagraphFont", run: { underline: {} } },
    {
      id: "Emphasis",
      name: "Emphasis",
      basedOn: "DefaultParagraphFont",
      run: { bold: true, underline: {} },
    },
  ],
};

/** A card as Verbatim lays it out: tag, cite (last name and year bold), then the text with the read parts highlighted. */
function cardParagraphs(card: Card): Paragraph[] {
  const cite = citeLine(card.cite);
  const citeRuns: ParagraphChild[] = [];
  if (cite) {
    // "Smith 2015" is the Cite run; the author's full name, qualifications, title and date follow.
    if (cite.lead) citeRuns.push(new TextRun({ text: clean(cite.lead), style: "Cite" }));
    if (cite.rest) citeRuns.push(new TextRun({ text: clean(`${cite.lead ? ", " : ""}${cite.rest}`) }));
    if (cite.url) {
      citeRuns.push(new TextRun({ text: ", " }));
      citeRuns.push(
        new ExternalHyperlink({
          link: cite.url,
          children: [new TextRun({ text: clean(cite.url), style: "Hyperlink" })],
        }),
      );
    }
  } else citeRuns.push(new TextRun({ text: "No cite", italics: true }));
  const body = readSegments(oneLine(card.quote).trim(), (card.read ?? []).map(oneLine)).map((s) =>
    s.read
      ? new TextRun({ text: clean(s.text), style: "Underline", highlight: "yellow" })
      : new TextRun({ text: clean(s.text), size: 16 }),
  );
  return [
    new Paragraph({
      children: [new TextRun({ text: clean(oneLine(card.tag)), bold: true })],
      keepNext: true,
    }),
    new Paragraph({ children: citeRuns, keepNext: true }),
    new Paragraph({ children: body, spacing: { after: 200 } }),
  ];
}

/**
 * A Verbatim-compatible speech document: the map's title as a Pocket, each thesis a Block, each
 * claim a Tag (Heading 4) in reading order with its cards below, so Verbatim's navigation pane and
 * Send-to-Speech work on it.
 */
export async function serialize(map: ArgumentMap, options: ExportOptions): Promise<Uint8Array> {
  const outline = outlineOf(map, options);
  const children: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new TextRun(clean(oneLine(outline.map.title)))],
    }),
  ];
  if (outline.map.resolution && !options.claimId)
    children.push(
      new Paragraph({
        children: [new TextRun({ text: clean(oneLine(outline.map.resolution)), italics: true })],
      }),
    );
  for (const entry of outline.entries) {
    const { step } = entry;
    const text = clean(oneLine(entry.text));
    if (step.depth === 0 && !step.repeat) {
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_3,
          children: [new TextRun(`${entry.side.toUpperCase()}: ${text}`)],
        }),
      );
    }
    if (step.repeat) {
      children.push(
        new Paragraph({
          children: [new TextRun({ text: `${verb(step.role)} — see “${text}”`, italics: true })],
        }),
      );
      continue;
    }
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_4, children: [new TextRun(text)] }));
    if (step.depth > 0 && entry.parentText) {
      children.push(
        new Paragraph({
          children: [
            new TextRun({
              text: clean(`${entry.side.toUpperCase()} ${verb(step.role)} “${oneLine(entry.parentText)}”`),
              italics: true,
              size: 18,
            }),
          ],
          keepNext: entry.cards.length > 0,
        }),
      );
    }
    for (const card of entry.cards) children.push(...cardParagraphs(card));
  }
  const doc = new Document({
    creator: "Clashmap",
    title: clean(oneLine(outline.map.title)),
    styles: STYLES,
    sections: [{ children }],
  });
  options.onProgress?.(0.8);
  const bytes = new Uint8Array(await Packer.toArrayBuffer(doc));
  options.onProgress?.(1);
  return bytes;
}

function verb(role: string): string {
  switch (role) {
    case "support":
      return "supports";
    case "attack":
      return "answers";
    case "undercut":
      return "undercuts the link from";
    default:
      return "see";
  }
}
