import { describe, expect, it } from "vitest";
import { citeLine } from "../graph/card-text";
import { readingOrder } from "../model/reading-order";
import { subtreeMap } from "../model/subtree";
import { bundledMap, hostileMap } from "./fixtures/export-maps";
import { formatInfo } from "./index";
import { escapeMarkdown, serialize } from "./markdown";

const map = bundledMap();

/** What a Markdown reader shows of escaped text: backslash escapes and entities undone. */
const shown = (md: string) =>
  md
    .replace(/\\([\\`*_[\]{}|~!#+\-=.)])/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

describe("markdown brief", () => {
  it("is registered as Markdown", () => {
    expect(formatInfo("md")).toMatchObject({ extension: "md", mime: "text/markdown", binary: false });
  });

  it("has a heading per thesis and nests every other claim in reading order", () => {
    const md = serialize(map, {});
    expect(md.match(/^## .*/gm)).toEqual([
      "## AFF: Russia is key to isolating Iran",
      "## NEG: Decoupling Russia and Iran is possible",
    ]);
    const items = [...md.matchAll(/^( *)- \*\*(\w+)\*\* \((AFF|NEG)\): (.*)$/gm)];
    const steps = readingOrder(map).filter((s) => s.depth > 0);
    expect(items).toHaveLength(steps.length);
    items.forEach((item, i) => {
      expect(item[1].length).toBe(2 * (steps[i].depth - 1));
      expect(shown(item[4])).toContain(map.claims.find((c) => c.id === steps[i].claimId)!.text);
    });
  });

  it("holds every card as tag, cite line and quote with the read spans in bold", () => {
    const md = serialize(map, {});
    for (const card of map.evidence) {
      expect(shown(md)).toContain(`**${card.tag}**`);
      const cite = citeLine(card.cite)!;
      expect(shown(md)).toContain(`**${cite.lead}**`);
      if (cite.url) expect(md).toContain(`<${cite.url}>`);
      for (const span of card.read ?? [])
        expect(shown(md)).toContain(`**${span.replace(/\s+/g, " ").trim()}**`);
    }
  });

  it("exports only the selected claim's subtree", () => {
    const md = serialize(map, { claimId: "convince-moscow" });
    const kept = subtreeMap(map, "convince-moscow");
    expect(md.match(/^## .*/gm)).toEqual([
      "## NEG: Moscow can be persuaded to drop its nuclear support for Iran",
    ]);
    expect(md).not.toContain("Russia is key to isolating Iran");
    for (const card of kept.evidence) expect(shown(md)).toContain(card.tag);
  });
});

describe("markdown brief: bad input", () => {
  it("lets no raw HTML through and escapes Markdown in user text", () => {
    const md = serialize(hostileMap(), {});
    // The only angle brackets left are the autolinks of http(s) cites.
    const body = md.replace(/^( *)> /gm, "$1").replace(/<https:\/\/[^\s<>]+>/g, "");
    expect(body).not.toMatch(/[<>]/);
    expect(md).not.toContain("<script");
    expect(md).toContain("\\*not\\*");
    expect(md).toContain("\\[link\\](javascript:alert(1))");
    expect(md).toContain("&lt;/text&gt;&lt;script&gt;");
  });

  it("escapes list and heading starts", () => {
    expect(escapeMarkdown("- not a list")).toBe("\\- not a list");
    expect(escapeMarkdown("1. not a list")).toBe("1\\. not a list");
    expect(escapeMarkdown("# not a heading")).toBe("\\# not a heading");
  });

  it("refuses an unknown claim", () => {
    expect(() => serialize(map, { claimId: "nope" })).toThrow(/no claim "nope"/);
  });
});

describe("markdown brief: round trip", () => {
  it("shows every claim's text back exactly, once in full", () => {
    const md = shown(serialize(map, {}));
    for (const claim of map.claims) expect(md).toContain(claim.text);
  });
});
