import { ancestorsOf, type ClaimTree } from "./tree";

/** Maps with more claims than this open folded to a readable depth. */
export const BIG_MAP_CLAIMS = 300;
/** About how many claims a big map shows when it opens. */
export const OPENING_CLAIMS = 120;

/**
 * The claims to fold when a map opens: none for a map of up to BIG_MAP_CLAIMS claims; for a
 * bigger one, every claim with answers at the deepest level that keeps about OPENING_CLAIMS
 * claims in view (the theses and their answers at least), so it opens readable and each folded
 * claim shows how many it hides.
 */
export function openingCollapsed(tree: ClaimTree, claimCount: number): string[] {
  if (claimCount <= BIG_MAP_CLAIMS) return [];
  const perDepth: number[] = [];
  const stack: [string, number][] = tree.roots.map((r) => [r, 0]);
  const atDepth: string[][] = [];
  while (stack.length > 0) {
    const [id, depth] = stack.pop()!;
    perDepth[depth] = (perDepth[depth] ?? 0) + 1;
    if ((tree.children.get(id)?.length ?? 0) > 0) {
      atDepth[depth] ??= [];
      atDepth[depth].push(id);
    }
    for (const kid of tree.children.get(id) ?? []) stack.push([kid, depth + 1]);
  }
  // Show levels 0..shown-1; fold the claims with answers at level shown-1.
  let shown = 1;
  let visible = perDepth[0] ?? 0;
  while (shown < perDepth.length && visible + perDepth[shown] <= OPENING_CLAIMS) {
    visible += perDepth[shown];
    shown++;
  }
  // Keep the theses' own answers in view even when there are many.
  if (shown === 1 && perDepth.length > 1) shown = 2;
  return [...(atDepth[shown - 1] ?? [])].sort();
}

/**
 * The folded claims after bringing `id` into view: each folded claim on its path unfolds, while
 * the branches beside the path that this would show stay folded, as do those under `id` itself.
 * So a claim found deep in a big map opens with its path and its own answers, not with every
 * claim under its ancestors. Undefined when nothing folded hides `id`.
 */
export function unfoldPathTo(
  tree: ClaimTree,
  collapsed: ReadonlySet<string>,
  id: string,
): Set<string> | undefined {
  const path = ancestorsOf(tree, id).reverse();
  const highest = path.findIndex((a) => collapsed.has(a));
  if (highest < 0) return undefined;
  const next = new Set(collapsed);
  const onPath = new Set([...path, id]);
  const foldChildren = (node: string) => {
    for (const child of tree.children.get(node) ?? [])
      if (!onPath.has(child) && (tree.children.get(child)?.length ?? 0) > 0) next.add(child);
  };
  for (let i = highest; i < path.length; i++) {
    next.delete(path[i]);
    foldChildren(path[i]);
  }
  foldChildren(id);
  return next;
}

/** Reads the folded claims from a URL value (`a,b,c`), keeping only known claims. */
export function parseCollapsedParam(value: string, known: (id: string) => boolean): string[] {
  return value
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id.length > 0 && known(id));
}

/** The URL value of a set of folded claims, in a stable order. */
export function collapsedParam(collapsed: Iterable<string>): string {
  return [...collapsed].sort().join(",");
}

/** The zoom a map opens at when it does not fit whole: claim text reads comfortably. */
export const OPEN_ZOOM = 0.75;
/** Below this zoom claims draw as simple shapes with a short label. */
export const DETAIL_ZOOM = 0.45;
const PAD = 24;
/**
 * Room kept free along the canvas's top edge, under the floating button that hides and shows the
 * inspector: the first view and "fit" start the map below it, so it never covers a thesis.
 */
export const TOP_BAND = 48;
/** Padding for React Flow's fitView: the top band above, the usual margin on the other sides. */
export const FIT_PADDING = { top: `${TOP_BAND}px`, right: "4%", bottom: "4%", left: "4%" } as const;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

interface Bounds {
  direction: "TB" | "LR";
  width: number;
  height: number;
  nodes: readonly { id: string; x: number; y: number; width: number; height: number }[];
  tree: { roots: readonly string[] };
}

/**
 * The view a map opens at in a canvas of this size: the whole map when it fits at OPEN_ZOOM or
 * more; else, at OPEN_ZOOM, the theses at the top (or on the left) — all of them when they fit
 * side by side, else from the first — with as many levels below them as fit.
 */
export function openingViewport(layout: Bounds, canvas: { width: number; height: number }): Viewport {
  const room = {
    width: Math.max(1, canvas.width - 2 * PAD),
    height: Math.max(1, canvas.height - TOP_BAND - PAD),
  };
  const fit = Math.min(room.width / Math.max(1, layout.width), room.height / Math.max(1, layout.height));
  if (fit >= OPEN_ZOOM) {
    const zoom = Math.min(fit, 1);
    return {
      x: (canvas.width - layout.width * zoom) / 2,
      y: TOP_BAND + (room.height - layout.height * zoom) / 2,
      zoom,
    };
  }
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const theses = layout.tree.roots.map((id) => byId.get(id)).filter((n) => n !== undefined);
  const tb = layout.direction === "TB";
  // Along the row of theses: x top-down, y left-to-right; `low` and `high` are its two margins.
  const start = Math.min(0, ...theses.map((n) => (tb ? n.x : n.y)));
  const end = Math.max(0, ...theses.map((n) => (tb ? n.x + n.width : n.y + n.height)));
  const zoom = OPEN_ZOOM;
  const mapAcross = (tb ? layout.width : layout.height) * zoom;
  const canvasAcross = tb ? canvas.width : canvas.height;
  const low = tb ? PAD : TOP_BAND;
  const high = PAD;
  let offset: number;
  if (mapAcross <= canvasAcross - low - high) offset = low + (canvasAcross - low - high - mapAcross) / 2;
  else {
    // Centre the theses when they fit, without leaving empty room before the map's start or
    // after its end; else start from the first.
    const fits = (end - start) * zoom <= canvasAcross - low - high;
    offset = fits ? (low + canvasAcross - high) / 2 - ((start + end) / 2) * zoom : low - start * zoom;
    offset = Math.min(low, Math.max(canvasAcross - high - mapAcross, offset));
  }
  return tb ? { x: offset, y: TOP_BAND, zoom } : { x: PAD, y: offset, zoom };
}

/** The smallest zoom the canvas allows: small enough that "fit" shows the whole map, even on a phone. */
export function minZoomFor(layout: { width: number; height: number }): number {
  const phone = Math.min(340 / Math.max(1, layout.width), 520 / Math.max(1, layout.height));
  return Math.max(0.002, Math.min(0.1, phone * 0.9));
}
