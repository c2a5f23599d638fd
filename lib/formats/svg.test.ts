import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { layoutMap } from "../layout/layout";
import { measureText } from "../layout/measure";
import { NODE_STYLES } from "../layout/node-style";
import { randomMap } from "../layout/random-map";
import { bundledMap, claimTexts, HOSTILE_TEXT, hostileMap } from "./fixtures/export-maps";
import { formatInfo } from "./index";
import { interPath } from "./render-node";
import { INTER_FILES } from "./render-platform";
import { escapeXml, PICTURE_MARGIN, serialize } from "./svg";

const map = bundledMap();

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The text lines of each claim's group, in order. */
function claimLines(svg: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const group of svg.matchAll(/<g data-claim-id="([^"]+)">([\s\S]*?)<\/g>/g)) {
    const lines = [...group[2].matchAll(/<text[^>]*xml:space="preserve">([^<]*)<\/text>/g)].map((m) =>
      unescapeXml(m[1]),
    );
    out.set(group[1], lines);
  }
  return out;
}

describe("svg export", () => {
  it("is registered with its MIME type", () => {
    expect(formatInfo("svg")).toMatchObject({ extension: "svg", mime: "image/svg+xml", canExport: true });
  });

  it("is byte-identical across two runs", () => {
    expect(serialize(map, { slug: "russia-iran" })).toBe(serialize(bundledMap(), { slug: "russia-iran" }));
    const big = randomMap(3, { claims: 300, undercuts: 0.05 });
    expect(serialize(big, { direction: "LR" })).toBe(serialize(big, { direction: "LR" }));
  });

  it("holds every claim's text, wrapped in exactly the layout's lines", () => {
    const svg = serialize(map, {});
    const lines = claimLines(svg);
    const layout = layoutMap(map);
    expect([...lines.keys()].sort()).toEqual(map.claims.map((c) => c.id).sort());
    for (const node of layout.nodes) expect(lines.get(node.id)).toEqual(node.lines);
    for (const [id, text] of map.claims.map((c, i) => [c.id, claimTexts(map)[i]] as const)) {
      expect(lines.get(id)?.join(" ")).toBe(text);
    }
  });

  it("draws supports solid with an arrow and attacks dashed, undercuts to anchors, and card badges", () => {
    const svg = serialize(map, {});
    const edges = [
      ...svg.matchAll(
        /<path d="[^"]+" fill="none" stroke="[^"]+" stroke-width="([\d.]+)"( stroke-dasharray="7 5")? data-relation-id="[^"]+" data-relation-type="(support|attack)"/g,
      ),
    ];
    expect(edges).toHaveLength(map.relations.length);
    for (const e of edges) expect(Boolean(e[2])).toBe(e[3] === "attack");
    const layout = layoutMap(map);
    expect(layout.anchors.length).toBeGreaterThan(0);
    expect(svg.match(/<circle /g)).toHaveLength(layout.anchors.length);
    expect(svg).toContain(">1 card</text>");
    expect(svg).toContain(">2 cards</text>");
    expect(svg).toContain('data-badge-icon="attack"');
    expect(svg).toContain('data-badge-icon="support"');
    expect(svg).toContain(">THESIS</text>");
    expect(svg).toContain("font-family=\"Inter, 'Inter Variable', sans-serif\"");
  });

  it("never clips text: each line fits inside its box in the shipped font", () => {
    const layout = layoutMap(map, { direction: "LR" });
    for (const node of layout.nodes) {
      const style = NODE_STYLES[node.kind];
      const room = node.width - style.band - style.border - 2 * style.paddingX;
      for (const line of node.lines) {
        expect(measureText(line, { fontSize: style.fontSize, weight: style.weight })).toBeLessThanOrEqual(
          room,
        );
      }
    }
  });

  it("exports only the selected claim's subtree", () => {
    const svg = serialize(map, { claimId: "russia-blocks-tougher-sanctions" });
    const ids = [...claimLines(svg).keys()];
    expect(ids).toContain("russia-blocks-tougher-sanctions");
    expect(ids).toContain("sanctions-regime-backed");
    expect(ids).toContain("un-minimum-sanctions");
    expect(ids).not.toContain("russia-key");
    expect(ids).not.toContain("decoupling-possible");
  });
});

describe("svg export: bad input", () => {
  it("keeps markup in claims as text, never as elements", () => {
    const svg = serialize(hostileMap(), {});
    const tags = new Set([...svg.matchAll(/<([a-zA-Z][\w:-]*)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(
      ["circle", "g", "path", "rect", "svg", "text", "title"].filter((t) => tags.has(t)),
    );
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;/text&gt;&lt;script&gt;");
    const lines = claimLines(svg).get("t")!;
    expect(lines.join(" ")).toBe(HOSTILE_TEXT);
  });

  it("drops characters XML cannot hold", () => {
    expect(escapeXml("a\u0001b\u0008c\ud800")).toBe("abc");
  });

  it("refuses an unknown claim", () => {
    expect(() => serialize(map, { claimId: "no-such-claim" })).toThrow(/no claim "no-such-claim"/);
  });
});

describe("svg export: round trip", () => {
  it("renders with resvg and the shipped Inter at the size it declares", () => {
    const svg = serialize(map, {});
    const layout = layoutMap(map);
    const resvg = new Resvg(svg, {
      font: {
        loadSystemFonts: false,
        fontFiles: Object.values(INTER_FILES).map(interPath),
        defaultFontFamily: "Inter",
      },
    });
    expect(resvg.width).toBe(Math.ceil(layout.width + 2 * PICTURE_MARGIN));
    expect(resvg.height).toBe(Math.ceil(layout.height + 2 * PICTURE_MARGIN));
    // resvg turns text into paths only when it finds the font: the text's bounding box is non-empty.
    const image = resvg.render();
    expect(image.width).toBeGreaterThan(0);
  });
});
