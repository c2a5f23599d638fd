import { citeLine, readSegments } from "../graph/card-text";
import type { ArgumentMap, Card } from "../model/schema";
import type { ExportOptions } from "./index";
import { oneLine, outlineOf, roleLabel } from "./outline";

/**
 * Escapes user text for Markdown: `&`, `<` and `>` as entities (no raw HTML passes through), and
 * the characters that would start emphasis, links, code, tables or strikethrough with a backslash.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]{}|~!#])/g, "\\$1")
    .replace(/^(\s*)([-+=])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/, "$1\\$2");
}

/** A read span in bold, with its surrounding spaces outside the markers (else they do not apply). */
function bold(text: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return match[2] ? `${match[1]}**${escapeMarkdown(match[2])}**${match[3]}` : text;
}

/** A card as a debater reads it: tag, cite line, then the quote with the read spans in bold. */
function cardLines(card: Card): string[] {
  const cite = citeLine(card.cite);
  const citeText = cite
    ? [
        cite.lead ? `**${escapeMarkdown(cite.lead)}**` : "",
        cite.rest ? escapeMarkdown(cite.rest) : "",
        cite.url ? `<${new URL(cite.url).href.replace(/[<>]/g, encodeURIComponent)}>` : "",
      ]
        .filter(Boolean)
        .join(", ")
    : "_No cite_";
  const quote = readSegments(oneLine(card.quote).trim(), (card.read ?? []).map(oneLine))
    .map((s) => (s.read ? bold(s.text) : escapeMarkdown(s.text)))
    .join("");
  return [`**${escapeMarkdown(oneLine(card.tag))}**`, "", citeText, "", `> ${quote || "_(no quote)_"}`];
}

/** The debate brief: a heading per thesis, its answers nested in reading order, every card with tag, cite and quote. */
export function serialize(map: ArgumentMap, options: ExportOptions): string {
  const outline = outlineOf(map, options);
  const out: string[] = [`# ${escapeMarkdown(oneLine(outline.map.title))}`, ""];
  if (!options.claimId) {
    if (outline.map.resolution) out.push(`_${escapeMarkdown(oneLine(outline.map.resolution))}_`, "");
    if (outline.map.description) out.push(escapeMarkdown(oneLine(outline.map.description)), "");
  }
  for (const entry of outline.entries) {
    const { step } = entry;
    const side = entry.side.toUpperCase();
    const text = escapeMarkdown(oneLine(entry.text));
    if (step.depth === 0) {
      out.push(`## ${side}: ${text}${step.repeat ? " (see its section)" : ""}`, "");
      for (const card of entry.cards) out.push(...cardLines(card), "");
      continue;
    }
    // Nested list items: the marker at two spaces per level, the card paragraphs at the item's content.
    const indent = "  ".repeat(step.depth - 1);
    const inner = `${indent}  `;
    const note = step.repeat ? " _(shown in full above)_" : "";
    out.push(`${indent}- **${roleLabel(step)}** (${side}): ${text}${note}`, "");
    for (const card of entry.cards) {
      for (const line of cardLines(card)) out.push(line ? `${inner}${line}` : "");
      out.push("");
    }
  }
  options.onProgress?.(1);
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
