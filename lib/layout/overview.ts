import { edgeCurve, type Point, routeCurve } from "../graph/edge-path";
import type { RelationType, Side } from "../model/schema";
import { handlePoint, type MapLayout } from "./layout";
import { wrapText } from "./measure";
import { DETAIL_ZOOM } from "./open-view";

/** Past this many shown claims, a zoomed-out map is drawn as one picture instead of a node per claim. */
export const OVERVIEW_CLAIMS = 200;

/**
 * Whether the map is drawn as the overview picture: below the level of detail, and only for maps
 * with more claims than the DOM draws smoothly (a small map keeps its real, simplified nodes).
 */
export function overviewShown(zoom: number, shownClaims: number): boolean {
  return zoom < DETAIL_ZOOM && shownClaims > OVERVIEW_CLAIMS;
}

/** One claim in the overview: its box and what its picture shows. */
export interface OverviewBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  side: Side;
  thesis: boolean;
  collapsed: boolean;
  descendants: number;
  /** The claim's text (the first words are drawn once they are legible). */
  text: string;
}

/** The drawing layers, each one SVG path (map coordinates) per cell, drawn in this order. */
export const OVERVIEW_LAYERS = [
  "support",
  "attack",
  "supportHead",
  "attackHead",
  "anchor",
  "folded",
  "aff",
  "neg",
  "affMark",
  "negMark",
  "thesis",
] as const;

export type OverviewLayer = (typeof OVERVIEW_LAYERS)[number];

/** A square of the map with the paths of what lies (mostly) in it, for drawing only what is in view. */
export interface OverviewCell {
  /** Bounds of everything in the cell (edges may reach beyond the square). */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  paths: Record<OverviewLayer, string>;
}

export interface OverviewScene {
  boxes: OverviewBox[];
  cells: OverviewCell[];
  /** The union of every claim and anchor: what "fit" shows. */
  bounds: { x: number; y: number; width: number; height: number };
  /** Claims by hit-grid square (`col,row` packed as col * HIT_ROWS_MAX + row), as indices into boxes. */
  hit: { size: number; buckets: Map<number, number[]> };
}

/** What the scene needs from the map beyond its layout. */
export interface OverviewFacts {
  sideOf: (claimId: string) => Side;
  typeOf: (relationId: string) => RelationType;
}

const HIT_CELL = 400;
const HIT_ROWS_MAX = 1 << 20;
const ARROW = 14;
const ANCHOR_R = 6;
/** The stacked sheet drawn behind a folded claim, offset by this much. */
const FOLD_OFFSET = 10;

const n = (v: number) => Math.round(v * 10) / 10;

function rectPath(x: number, y: number, w: number, h: number): string {
  return `M${n(x)},${n(y)}h${n(w)}v${n(h)}h${n(-w)}Z`;
}

/** The side's shape at the left end of a claim: a bar for aff, a wedge for neg (colour is never alone). */
export function sideMarkPath(box: Pick<OverviewBox, "x" | "y" | "height" | "side">): string {
  const m = Math.min(40, box.height * 0.55);
  if (box.side === "aff") return rectPath(box.x, box.y, m, box.height);
  return `M${n(box.x)},${n(box.y)}L${n(box.x + m)},${n(box.y + box.height / 2)}L${n(box.x)},${n(box.y + box.height)}Z`;
}

function arrowHead(type: RelationType, tip: Point, from: Point): string {
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  // Perpendicular to the line at the tip.
  const px = -uy;
  const py = ux;
  const half = ARROW / 2;
  if (type === "support") {
    const bx = tip.x - ux * ARROW;
    const by = tip.y - uy * ARROW;
    return `M${n(tip.x)},${n(tip.y)}L${n(bx + px * half)},${n(by + py * half)}L${n(bx - px * half)},${n(by - py * half)}Z`;
  }
  const bx = tip.x - ux * 2;
  const by = tip.y - uy * 2;
  return `M${n(bx + px * half)},${n(by + py * half)}L${n(bx - px * half)},${n(by - py * half)}`;
}

function circlePath(cx: number, cy: number, r: number): string {
  return `M${n(cx + r)},${n(cy)}A${r},${r} 0 1 0 ${n(cx - r)},${n(cy)}A${r},${r} 0 1 0 ${n(cx + r)},${n(cy)}Z`;
}

interface Item {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  parts: [OverviewLayer, string][];
}

/** The side of a drawing cell: about 16 × 16 cells over the map, never smaller than a screen's worth. */
function cellSize(width: number, height: number): number {
  return Math.max(2000, Math.ceil(Math.sqrt((Math.max(1, width) * Math.max(1, height)) / 256)));
}

/**
 * The overview of a laid-out map: every shown claim as a box in its side's colour and shape,
 * every relation as the canvas routes it (solid with an arrow for support, dashed with a bar for
 * attack), undercut anchors, folded claims as a stack — as SVG path data grouped into map squares,
 * so a canvas draws only the squares in view, and a grid of claims for hit-testing. Deterministic.
 */
export function overviewScene(layout: MapLayout, facts: OverviewFacts): OverviewScene {
  const boxes: OverviewBox[] = [];
  const items: Item[] = [];
  const byId = new Map<string, { x: number; y: number; handles: MapLayout["nodes"][number]["handles"] }>();
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const grow = (x0: number, y0: number, x1: number, y1: number) => {
    minX = Math.min(minX, x0);
    minY = Math.min(minY, y0);
    maxX = Math.max(maxX, x1);
    maxY = Math.max(maxY, y1);
  };

  for (const node of layout.nodes) {
    byId.set(node.id, node);
    const side = facts.sideOf(node.id);
    const box: OverviewBox = {
      id: node.id,
      x: node.x,
      y: node.y,
      width: node.width,
      height: node.height,
      side,
      thesis: node.kind === "thesis",
      collapsed: node.collapsed,
      descendants: node.descendants,
      text: node.lines.join(" "),
    };
    boxes.push(box);
    grow(node.x, node.y, node.x + node.width, node.y + node.height);
    const parts: [OverviewLayer, string][] = [];
    const outline = rectPath(node.x, node.y, node.width, node.height);
    if (node.collapsed)
      parts.push(["folded", rectPath(node.x + FOLD_OFFSET, node.y + FOLD_OFFSET, node.width, node.height)]);
    parts.push([side, outline], [side === "aff" ? "affMark" : "negMark", sideMarkPath(box)]);
    if (box.thesis) parts.push(["thesis", outline]);
    const fold = node.collapsed ? FOLD_OFFSET : 0;
    items.push({
      x0: node.x,
      y0: node.y,
      x1: node.x + node.width + fold,
      y1: node.y + node.height + fold,
      parts,
    });
  }
  for (const a of layout.anchors) {
    byId.set(a.id, a);
    grow(a.x, a.y, a.x + a.size, a.y + a.size);
    const c = a.size / 2;
    items.push({
      x0: a.x,
      y0: a.y,
      x1: a.x + a.size,
      y1: a.y + a.size,
      parts: [["anchor", circlePath(a.x + c, a.y + c, ANCHOR_R)]],
    });
  }
  for (const edge of layout.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    const sh = source?.handles.find((h) => h.id === edge.sourceHandle);
    const th = target?.handles.find((h) => h.id === edge.targetHandle);
    if (!source || !target || !sh || !th) continue;
    // The same lines as the canvas's edges: a routed column line, else a curve between handles.
    const a = edge.route ? edge.route[0] : handlePoint(source, sh);
    const z = edge.route ? edge.route[edge.route.length - 1] : handlePoint(target, th);
    const curve = edge.route ? routeCurve(edge.route) : edgeCurve(a, sh.position, z, th.position);
    const type = facts.typeOf(edge.relationId);
    const points = edge.route ?? [a, z, curve.pointAt(0.25), curve.pointAt(0.5), curve.pointAt(0.75)];
    let x0 = Number.POSITIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    for (const p of points) {
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x);
      y1 = Math.max(y1, p.y);
    }
    items.push({
      x0: x0 - ARROW,
      y0: y0 - ARROW,
      x1: x1 + ARROW,
      y1: y1 + ARROW,
      parts: [
        [type, curve.path],
        [type === "support" ? "supportHead" : "attackHead", arrowHead(type, z, curve.pointAt(0.98))],
      ],
    });
  }
  if (!Number.isFinite(minX)) {
    minX = 0;
    minY = 0;
    maxX = 0;
    maxY = 0;
  }

  const size = cellSize(maxX - minX, maxY - minY);
  const cellsByKey = new Map<number, { cell: OverviewCell; parts: Record<OverviewLayer, string[]> }>();
  for (const item of items) {
    const col = Math.floor(((item.x0 + item.x1) / 2 - minX) / size);
    const row = Math.floor(((item.y0 + item.y1) / 2 - minY) / size);
    const key = col * HIT_ROWS_MAX + row;
    let entry = cellsByKey.get(key);
    if (!entry) {
      const parts = Object.fromEntries(OVERVIEW_LAYERS.map((l) => [l, [] as string[]])) as Record<
        OverviewLayer,
        string[]
      >;
      entry = {
        cell: {
          x0: item.x0,
          y0: item.y0,
          x1: item.x1,
          y1: item.y1,
          paths: {} as Record<OverviewLayer, string>,
        },
        parts,
      };
      cellsByKey.set(key, entry);
    }
    const { cell } = entry;
    cell.x0 = Math.min(cell.x0, item.x0);
    cell.y0 = Math.min(cell.y0, item.y0);
    cell.x1 = Math.max(cell.x1, item.x1);
    cell.y1 = Math.max(cell.y1, item.y1);
    for (const [layer, d] of item.parts) entry.parts[layer].push(d);
  }
  const cells = [...cellsByKey.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, { cell, parts }]) => {
      for (const layer of OVERVIEW_LAYERS) cell.paths[layer] = parts[layer].join("");
      return cell;
    });

  const buckets = new Map<number, number[]>();
  boxes.forEach((box, i) => {
    for (let c = Math.floor(box.x / HIT_CELL); c <= Math.floor((box.x + box.width) / HIT_CELL); c++)
      for (let r = Math.floor(box.y / HIT_CELL); r <= Math.floor((box.y + box.height) / HIT_CELL); r++) {
        const key = c * HIT_ROWS_MAX + r;
        const list = buckets.get(key);
        if (list) list.push(i);
        else buckets.set(key, [i]);
      }
  });

  return {
    boxes,
    cells,
    bounds: { x: minX, y: minY, width: maxX - minX, height: maxY - minY },
    hit: { size: HIT_CELL, buckets },
  };
}

/** Indices of the claims whose boxes meet the rectangle, each once, in box order. */
export function boxesIn(scene: OverviewScene, x0: number, y0: number, x1: number, y1: number): number[] {
  const { size, buckets } = scene.hit;
  const found = new Set<number>();
  for (let c = Math.floor(x0 / size); c <= Math.floor(x1 / size); c++)
    for (let r = Math.floor(y0 / size); r <= Math.floor(y1 / size); r++)
      for (const i of buckets.get(c * HIT_ROWS_MAX + r) ?? []) {
        const b = scene.boxes[i];
        if (b.x <= x1 && b.x + b.width >= x0 && b.y <= y1 && b.y + b.height >= y0) found.add(i);
      }
  return [...found].sort((a, b) => a - b);
}

/**
 * The claim drawn at a map point: the box containing it, else the nearest box within `slop` map
 * units (a claim a few pixels wide is still easy to click), else undefined. Ties go to the first
 * claim in layout order, so the answer is deterministic.
 */
export function hitClaim(scene: OverviewScene, point: Point, slop = 0): string | undefined {
  let best: number | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const i of boxesIn(scene, point.x - slop, point.y - slop, point.x + slop, point.y + slop)) {
    const b = scene.boxes[i];
    const dx = Math.max(b.x - point.x, 0, point.x - (b.x + b.width));
    const dy = Math.max(b.y - point.y, 0, point.y - (b.y + b.height));
    const distance = Math.hypot(dx, dy);
    if (distance <= slop && distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best === undefined ? undefined : scene.boxes[best].id;
}

/** Font of an overview label, in map units: the zoomed-out node's large type. */
export const OVERVIEW_LABEL = { fontSize: 26, weight: 600, lineHeight: 31 } as const;
const LABEL_WORDS = 6;

/**
 * The label drawn on a claim's box once legible: its side and first words, wrapped to the box in
 * at most two lines (the second ends with "…" when words are left out).
 */
export function overviewLabel(box: Pick<OverviewBox, "side" | "text" | "width" | "height">): string[] {
  const words = box.text.split(/\s+/).filter(Boolean);
  const short = words.slice(0, LABEL_WORDS).join(" ") + (words.length > LABEL_WORDS ? "…" : "");
  const room = Math.max(20, box.width - Math.min(40, box.height * 0.55) - 18);
  const lines = wrapText(`${box.side.toUpperCase()} ${short}`, room, OVERVIEW_LABEL);
  const fits = Math.max(1, Math.min(2, Math.floor((box.height - 8) / OVERVIEW_LABEL.lineHeight)));
  if (lines.length <= fits) return lines;
  const kept = lines.slice(0, fits);
  kept[fits - 1] = `${kept[fits - 1].replace(/…$/, "")}…`;
  return kept;
}

/**
 * The status marks of the analysis in each box's top right corner: a circle for stands, a square
 * for refuted, a diamond for contested. `radius` is in map units (the caller keeps it a few pixels
 * on screen); a mark never takes more than about a third of its box.
 */
export function statusMarks(
  scene: OverviewScene,
  statusOf: (claimId: string) => "in" | "out" | "undecided" | undefined,
  radius = 12,
): Record<"in" | "out" | "undecided", string> {
  const marks = { in: [] as string[], out: [] as string[], undecided: [] as string[] };
  for (const b of scene.boxes) {
    const status = statusOf(b.id);
    if (!status) continue;
    const r = Math.min(radius, b.height * 0.35, b.width * 0.15);
    const cx = b.x + b.width - r * 1.3 - 2;
    const cy = b.y + r * 1.3 + 2;
    if (status === "in") marks.in.push(circlePath(cx, cy, r));
    else if (status === "out") marks.out.push(rectPath(cx - r, cy - r, 2 * r, 2 * r));
    else
      marks.undecided.push(
        `M${n(cx)},${n(cy - r * 1.25)}L${n(cx + r * 1.25)},${n(cy)}L${n(cx)},${n(cy + r * 1.25)}L${n(cx - r * 1.25)},${n(cy)}Z`,
      );
  }
  return { in: marks.in.join(""), out: marks.out.join(""), undecided: marks.undecided.join("") };
}
