import { inflateRawSync } from "node:zlib";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { citeLine } from "../graph/card-text";
import type { ArgumentMap } from "../model/schema";
import { subtreeMap } from "../model/subtree";
import { serialize } from "./docx";
import { bundledMap, HOSTILE_TEXT, hostileMap } from "./fixtures/export-maps";
import { formatInfo } from "./index";

const map = bundledMap();

const STYLE_MAP = [
  "p[style-name='Pocket'] => h1:fresh",
  "p[style-name='Hat'] => h2:fresh",
  "p[style-name='Block'] => h3:fresh",
  "p[style-name='Tag'] => h4:fresh",
  "r[style-name='Cite'] => strong.cite",
  "highlight[color='yellow'] => mark",
];

async function read(m: ArgumentMap, claimId?: string): Promise<string> {
  const bytes = await serialize(m, { claimId });
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP });
  return value;
}

/** One file of a zip archive, found through its central directory. */
function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  const count = zip.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString("utf8", at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    at += 46 + nameLength + extra;
  }
  throw new Error(`no ${name} in the archive`);
}

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

describe("docx export", () => {
  it("is registered as a Word document", () => {
    expect(formatInfo("docx")).toMatchObject({
      extension: "docx",
      binary: true,
      mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
  });

  it("opens with a docx reader: one Tag (Heading 4) per claim, in reading order", async () => {
    const html = await read(map);
    const tags = [...html.matchAll(/<h4>(.*?)<\/h4>/g)].map((m) => decode(m[1]));
    expect(tags).toHaveLength(map.claims.length);
    expect(new Set(tags)).toEqual(new Set(map.claims.map((c) => c.text)));
    expect(tags[0]).toBe("Russia is key to isolating Iran");
    const blocks = [...html.matchAll(/<h3>(.*?)<\/h3>/g)].map((m) => decode(m[1]));
    expect(blocks).toEqual([
      "AFF: Russia is key to isolating Iran",
      "NEG: Decoupling Russia and Iran is possible",
    ]);
    expect(html).toMatch(/^<h1>Russia and Iran after the nuclear deal<\/h1>/);
  });

  it("highlights the read spans and bolds the cite's last name and year", async () => {
    const html = await read(map);
    const marks = [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => decode(m[1]));
    for (const card of map.evidence)
      for (const span of card.read ?? []) expect(marks.join(" ")).toContain(span.replace(/\s+/g, " "));
    const cites = [...html.matchAll(/<strong class="cite">(.*?)<\/strong>/g)].map((m) => decode(m[1]));
    for (const card of map.evidence) {
      const lead = citeLine(card.cite)?.lead;
      if (lead) expect(cites).toContain(lead);
    }
  });

  it("writes Verbatim's style names and shrinks unread text to 8 pt", async () => {
    const bytes = Buffer.from(await serialize(map, {}));
    const styles = zipEntry(bytes, "word/styles.xml");
    for (const [id, name] of [
      ["Heading1", "Pocket"],
      ["Heading2", "Hat"],
      ["Heading3", "Block"],
      ["Heading4", "Tag"],
      ["Cite", "Cite"],
      ["Underline", "Underline"],
      ["Emphasis", "Emphasis"],
    ]) {
      expect(styles).toMatch(new RegExp(`w:styleId="${id}"[^>]*>\\s*<w:name w:val="${name}"/>`));
    }
    const body = zipEntry(bytes, "word/document.xml");
    expect(body).toContain('<w:highlight w:val="yellow"/>');
    expect(body).toContain('<w:sz w:val="16"/>');
  });

  it("exports only the selected claim's subtree", async () => {
    const html = await read(map, "convince-moscow");
    const tags = [...html.matchAll(/<h4>(.*?)<\/h4>/g)].map((m) => decode(m[1]));
    expect(tags.sort()).toEqual(
      subtreeMap(map, "convince-moscow")
        .claims.map((c) => c.text)
        .sort(),
    );
  });
});

describe("docx export: bad input", () => {
  it("keeps markup as text", async () => {
    const html = await read(hostileMap());
    expect(html).not.toContain("<script");
    expect(decode(html)).toContain(HOSTILE_TEXT);
  });

  it("refuses an unknown claim", async () => {
    await expect(serialize(map, { claimId: "nope" })).rejects.toThrow(/no claim "nope"/);
  });
});

describe("docx export: round trip", () => {
  it("carries every card's tag and quote text back out", async () => {
    const text = decode(await read(map)).replace(/\s+/g, " ");
    for (const card of map.evidence) {
      expect(text).toContain(card.tag);
      expect(text).toContain(card.quote.replace(/\s+/g, " ").trim().slice(0, 60));
    }
  });
});
