import { edgeCurve, type Point, routeCurve } from "../graph/edge-path";
import { handlePoint, type LayoutNode, layoutMap, type MapLayout } from "../layout/layout";
import { measureText } from "../layout/measure";
import { NODE_STYLES } from "../layout/node-style";
import { PALETTES, type Palette } from "../layout/palette";
import { cardsOfClaim, indexMap, type MapIndex } from "../model/queries";
import type { ArgumentMap } from "../model/schema";
import { subtreeMap } from "../model/subtree";
import type { ExportOptions } from "./index";
import { xmlSafe } from "./xml-text";

/** Room around the map in the picture, in pixels. */
export const PICTURE_MARGIN = 24;

/** The font stack of the picture: the shipped Inter first, as on the canvas. */
const FONT_STACK = "Inter, 'Inter Variable', sans-serif";

/** Inter's ascender and descender per em (2048 units: 1984 and 494), for placing baselines as CSS does. */
const ASCENT = 1984 / 2048;
const CONTENT = (1984 + 494) / 2048;

/** Header items of the canvas's node (11 px text, Tailwind's px-1.5, py-1 / py-0.5, tracking-wide). */
const SMALL = 11;
const TRACKING = 0.025 * SMALL;

/** How the picture names its fonts: one family by CSS weight (SVG viewers), or one family per weight (PDF). */
export type FontNaming = "css" | "per-weight";

/** The family a weight is registered under when fonts are named per weight (the PDF registers these). */
export function perWeightFamily(weight: number): string {
  return `Inter-${weight}`;
}

export interface PictureOptions {
  direction?: "TB" | "LR";
  palette?: Palette;
  fonts?: FontNaming;
}

/** A map drawn as SVG, with the picture's size in CSS pixels. */
export interface MapPicture {
  svg: string;
  width: number;
  height: number;
  layout: MapLayout;
}

/** A number as SVG writes it: at most two decimals, never "-0", so output is byte-stable. */
function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/** Escapes text for an SVG text node or a double-quoted attribute: markup in a claim stays text. */
export function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** The baseline of a line of text in a line box of `lineHeight` starting at `top` (CSS's half-leading rule). */
function baseline(top: number, fontSize: number, lineHeight: number): number {
  return top + (lineHeight - CONTENT * fontSize) / 2 + ASCENT * fontSize;
}

class Writer {
  readonly parts: string[] = [];
  constructor(readonly fonts: FontNaming) {}

  font(weight: 400 | 500 | 600 | 700): string {
    return this.fonts === "css"
      ? `font-family="${FONT_STACK}" font-weight="${weight}"`
      : `font-family="${perWeightFamily(weight)}"`;
  }

  text(
    x: number,
    y: number,
    size: number,
    weight: 400 | 500 | 600 | 700,
    fill: string,
    body: string,
    extra = "",
  ) {
    this.parts.push(
      `<text x="${num(x)}" y="${num(y)}" font-size="${size}" ${this.font(weight)} fill="${fill}"${extra}>${escapeXml(body)}</text>`,
    );
  }
}

/** A pill (rounded label) with its text: the AFF/NEG label, card badges. */
function pill(
  w: Writer,
  box: { x: number; y: number; width: number; height: number; radius: number },
  paint: { fill: string; stroke?: string; text: string },
  label: { body: string; weight: 500 | 600 | 700; tracking?: boolean },
) {
  const stroke = paint.stroke ? ` stroke="${paint.stroke}" stroke-width="1"` : "";
  const inset = paint.stroke ? 0.5 : 0;
  w.parts.push(
    `<rect x="${num(box.x + inset)}" y="${num(box.y + inset)}" width="${num(box.width - 2 * inset)}" height="${num(box.height - 2 * inset)}" rx="${num(box.radius)}" fill="${paint.fill}"${stroke}/>`,
  );
  const border = paint.stroke ? 1 : 0;
  const textLeft = box.x + border + 6;
  // leading-none: the line box is the font size, centred in the pill's padding.
  const top = box.y + (box.height - SMALL) / 2;
  w.text(
    textLeft,
    baseline(top, SMALL, SMALL),
    SMALL,
    label.weight,
    paint.text,
    label.body,
    label.tracking ? ` letter-spacing="${num(TRACKING)}"` : "",
  );
}

/** Width of header text at 11 px; medium weight (500) is measured as semibold, a little wider. */
function smallWidth(body: string, weight: 500 | 600 | 700, tracking = false): number {
  const measured = measureText(body, { fontSize: SMALL, weight: weight === 500 ? 600 : weight });
  return measured + (tracking ? TRACKING * [...body].length : 0);
}

function drawNode(w: Writer, node: LayoutNode, index: MapIndex, palette: Palette) {
  const claim = index.claims.get(node.id)!;
  const style = NODE_STYLES[node.kind];
  const thesis = node.kind === "thesis";
  const { x, y, width, height } = node;
  const r = 6;
  const b = style.border;
  const band = style.band;
  const borderColour = thesis ? palette.node.thesisBorder : palette.node.border;
  const fill = thesis ? palette.node.thesisFill : palette.node.fill;
  const sideColours = palette.side[claim.side];
  w.parts.push(`<g data-claim-id="${escapeXml(node.id)}">`);
  // The box as CSS draws it: a rounded border, the thick left border as the side band, and the
  // padding box inside with radii shrunk by the border widths.
  w.parts.push(
    `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" rx="${r}" fill="${borderColour}"/>`,
  );
  w.parts.push(
    `<path d="M${num(x + r)},${num(y)}H${num(x + band)}V${num(y + height)}H${num(x + r)}A${r},${r} 0 0 1 ${num(x)},${num(y + height - r)}V${num(y + r)}A${r},${r} 0 0 1 ${num(x + r)},${num(y)}Z" fill="${sideColours.band}"/>`,
  );
  const ir = r - b;
  const ix = x + band;
  const iy = y + b;
  const iw = width - band - b;
  const ih = height - 2 * b;
  w.parts.push(
    `<path d="M${num(ix)},${num(iy)}H${num(ix + iw - ir)}A${ir},${ir} 0 0 1 ${num(ix + iw)},${num(iy + ir)}V${num(iy + ih - ir)}A${ir},${ir} 0 0 1 ${num(ix + iw - ir)},${num(iy + ih)}H${num(ix)}Z" fill="${fill}"/>`,
  );

  // Header row: side label, "Thesis", and the card badge at the right.
  const left = x + band + style.paddingX;
  const right = x + width - b - style.paddingX;
  const headerTop = y + b + style.paddingY;
  const sideText = claim.side.toUpperCase();
  const labelWidth = smallWidth(sideText, 700, true) + 12;
  const labelHeight = SMALL + 8;
  pill(
    w,
    {
      x: left,
      y: headerTop + (style.header - labelHeight) / 2,
      width: labelWidth,
      height: labelHeight,
      radius: 4,
    },
    { fill: sideColours.labelFill, text: sideColours.labelText },
    { body: sideText, weight: 700, tracking: true },
  );
  if (thesis) {
    w.text(
      left + labelWidth + 6,
      baseline(headerTop + (style.header - SMALL) / 2, SMALL, SMALL),
      SMALL,
      600,
      palette.mutedText,
      "THESIS",
      ` letter-spacing="${num(TRACKING)}"`,
    );
  }
  const cards = cardsOfClaim(index, node.id).length;
  if (cards > 0) {
    const body = `${cards} ${cards === 1 ? "card" : "cards"}`;
    const badgeWidth = smallWidth(body, 500) + 14;
    const badgeHeight = SMALL + 6;
    pill(
      w,
      {
        x: right - badgeWidth,
        y: headerTop + (style.header - badgeHeight) / 2,
        width: badgeWidth,
        height: badgeHeight,
        radius: badgeHeight / 2,
      },
      { fill: palette.badge.fill, stroke: palette.badge.border, text: palette.badge.text },
      { body, weight: 500 },
    );
  }

  // The claim's text, in exactly the lines the layout wrapped it into.
  const textTop = headerTop + style.header + style.headerGap;
  node.lines.forEach((line, i) => {
    w.text(
      left,
      baseline(textTop + i * style.lineHeight, style.fontSize, style.lineHeight),
      style.fontSize,
      style.weight as 400 | 600 | 700,
      palette.text,
      line,
      ' xml:space="preserve"',
    );
  });
  w.parts.push("</g>");
}

/** The arrowhead at `tip`, pointing along `direction`: a filled triangle (support) or a bar and an open chevron (attack). */
function arrowhead(type: "support" | "attack", tip: Point, direction: Point, colour: string): string {
  const len = Math.hypot(direction.x, direction.y) || 1;
  const ux = direction.x / len;
  const uy = direction.y / len;
  // Marker coordinates (as the canvas's <marker>s): u along the edge back from the tip, v across it.
  const at = (u: number, v: number) => `${num(tip.x - ux * u - uy * v)},${num(tip.y - uy * u + ux * v)}`;
  if (type === "support") {
    // viewBox 12×12 at 14 px, refX 11: the tip sits 1/12 of the way in.
    const k = 14 / 12;
    return `<path d="M${at(-1 * k, 0)} L${at(11 * k, 6 * k)} L${at(11 * k, -6 * k)} Z" fill="${colour}"/>`;
  }
  // viewBox 14×14 at 16 px, refX 13: bar at x = 12, chevron from x = 1 to 8.
  const k = 16 / 14;
  const u = (mx: number) => (13 - mx) * k;
  const v = (my: number) => (my - 7) * k;
  return `<path d="M${at(u(12), v(0))} L${at(u(12), v(14))} M${at(u(1), v(2))} L${at(u(8), v(7))} L${at(u(1), v(12))}" fill="none" stroke="${colour}" stroke-width="${num(2.5 * k)}"/>`;
}

function boxOf(
  id: string,
  byId: Map<string, LayoutNode>,
  anchors: Map<string, MapLayout["anchors"][number]>,
): { x: number; y: number; handles: LayoutNode["handles"] } | undefined {
  return byId.get(id) ?? anchors.get(id);
}

/**
 * Draws a laid-out map as SVG, the way the canvas draws it: boxes with the side band and AFF/NEG
 * label, thesis borders, card badges, support edges solid green with a filled arrow, attacks
 * dashed red with a bar and chevron, undercuts ending at an anchor in the middle of the attacked
 * edge. Text stays text (escaped), wrapped as on the canvas. The same map and options give the
 * same bytes.
 */
export function drawMap(map: ArgumentMap, layout: MapLayout, options: PictureOptions = {}): MapPicture {
  const palette = options.palette ?? PALETTES.light;
  const index = indexMap(map);
  const w = new Writer(options.fonts ?? "css");
  const m = PICTURE_MARGIN;
  const width = Math.ceil(layout.width + 2 * m);
  const height = Math.ceil(layout.height + 2 * m);
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const anchors = new Map(layout.anchors.map((a) => [a.id, a]));
  const attacked = new Set(layout.anchors.map((a) => a.relationId));

  w.parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
  );
  w.parts.push(`<title>${escapeXml(map.title)}</title>`);
  w.parts.push(`<rect width="${width}" height="${height}" fill="${palette.background}"/>`);
  w.parts.push(`<g transform="translate(${m},${m})">`);

  const badges: string[] = [];
  // Badges of curved links (second targets, undercuts) lie under the claims, as on the canvas, so
  // they never cover a claim's text; badges on column lines sit in the gaps, above everything.
  const badgesUnder: string[] = [];
  w.parts.push('<g data-layer="edges">');
  for (const edge of layout.edges) {
    const relation = index.relations.get(edge.relationId);
    const source = boxOf(edge.source, byId, anchors);
    const target = boxOf(edge.target, byId, anchors);
    const sh = source?.handles.find((h) => h.id === edge.sourceHandle);
    const th = target?.handles.find((h) => h.id === edge.targetHandle);
    if (!relation || !source || !target || !sh || !th) continue;
    // A routed edge (answers stacked in a column) follows its bends, exactly as the canvas draws it.
    const a = edge.route ? edge.route[0] : handlePoint(source, sh);
    const z = edge.route ? edge.route[edge.route.length - 1] : handlePoint(target, th);
    const curve = edge.route ? routeCurve(edge.route) : edgeCurve(a, sh.position, z, th.position);
    const type = relation.type;
    const colour = palette.relation[type].stroke;
    const stroke = palette.stroke[type];
    const dash = stroke.dash ? ` stroke-dasharray="${stroke.dash}"` : "";
    w.parts.push(
      `<path d="${curve.path}" fill="none" stroke="${colour}" stroke-width="${stroke.width}"${dash} data-relation-id="${escapeXml(relation.id)}" data-relation-type="${type}"/>`,
    );
    // The arrow follows the curve's last tangent, from just before the end.
    const before = curve.pointAt(0.98);
    w.parts.push(arrowhead(type, z, { x: z.x - before.x, y: z.y - before.y }, colour));
    const cards = relation.evidence?.length ?? 0;
    if (cards > 0) {
      // A routed answer's badge sits on its column line in the gap just above the answer, where
      // it covers no claim's text.
      const at =
        edge.route && edge.route.length > 2
          ? { x: edge.route[1].x, y: source.y - (SMALL + 6) / 2 - 1 }
          : curve.pointAt(attacked.has(relation.id) ? 0.25 : 0.5);
      const body = `${cards} ${cards === 1 ? "card" : "cards"}`;
      // As on the canvas: a short sample of the relation's line (solid or dashed), then the count.
      const icon = 14;
      const bw = smallWidth(body, 600) + 14 + icon + 4;
      const bh = SMALL + 6;
      const badge = new Writer(w.fonts);
      const box = { x: at.x - bw / 2, y: at.y - bh / 2, width: bw, height: bh, radius: bh / 2 };
      pill(
        badge,
        { ...box, x: box.x + icon + 4, width: bw - icon - 4 },
        { fill: palette.badge.fill, text: palette.relation[type].badgeText },
        { body, weight: 600 },
      );
      badge.parts.splice(
        0,
        1,
        `<rect x="${num(box.x + 0.5)}" y="${num(box.y + 0.5)}" width="${num(bw - 1)}" height="${num(bh - 1)}" rx="${num(bh / 2)}" fill="${palette.badge.fill}" stroke="${colour}" stroke-width="1"/>`,
        `<path d="M${num(box.x + 6)},${num(at.y)} L${num(box.x + 6 + icon)},${num(at.y)}" stroke="${colour}" stroke-width="2"${type === "attack" ? ' stroke-dasharray="4 2"' : ""} data-badge-icon="${type}"/>`,
      );
      (edge.route && edge.route.length > 2 ? badges : badgesUnder).push(...badge.parts);
    }
  }
  w.parts.push("</g>");

  w.parts.push('<g data-layer="link-badges">', ...badgesUnder, "</g>");
  w.parts.push('<g data-layer="claims">');
  for (const node of layout.nodes) drawNode(w, node, index, palette);
  w.parts.push("</g>");

  w.parts.push('<g data-layer="anchors">');
  for (const anchor of layout.anchors) {
    const relation = index.relations.get(anchor.relationId);
    const colour = palette.relation[relation?.type ?? "attack"].stroke;
    const r = anchor.size / 2;
    w.parts.push(
      `<circle cx="${num(anchor.x + r)}" cy="${num(anchor.y + r)}" r="${num(r - 1)}" fill="${palette.node.fill}" stroke="${colour}" stroke-width="2"/>`,
    );
  }
  w.parts.push("</g>");
  w.parts.push('<g data-layer="badges">', ...badges, "</g>");
  w.parts.push("</g></svg>\n");
  return { svg: w.parts.join("\n"), width, height, layout };
}

/** The map (or one claim's subtree) as options choose it, laid out and drawn. */
export function mapPicture(
  map: ArgumentMap,
  options: ExportOptions,
  fonts: FontNaming = "css",
): MapPicture & { map: ArgumentMap } {
  const chosen = options.claimId ? subtreeMap(map, options.claimId) : map;
  const layout = layoutMap(chosen, { direction: options.direction ?? "TB" });
  return { ...drawMap(chosen, layout, { fonts }), map: chosen };
}

/** The SVG picture of a map: deterministic, drawn from the layout without a browser. */
export function serialize(map: ArgumentMap, options: ExportOptions): string {
  const picture = mapPicture(map, options);
  options.onProgress?.(1);
  return picture.svg;
}
