import { type FontWeight, measureText, wrapText } from "./measure";

export type NodeKind = "thesis" | "claim";

/** Box metrics of a node; the canvas styles its nodes with exactly these numbers. */
export interface NodeStyle {
  fontSize: number;
  lineHeight: number;
  weight: FontWeight;
  /** Widest a line of text may be before it wraps. */
  maxTextWidth: number;
  minWidth: number;
  paddingX: number;
  paddingY: number;
  /** The coloured side band: the node's left border. */
  band: number;
  border: number;
  /** Height of the row with the side label, card badge and collapse button. */
  header: number;
  headerGap: number;
}

/** Room added to every text box beyond the measured width: the browser's rounding and hinting. */
const TEXT_SAFETY = 6;

export const NODE_STYLES: Record<NodeKind, NodeStyle> = {
  thesis: {
    fontSize: 17,
    lineHeight: 24,
    weight: 600,
    maxTextWidth: 300,
    minWidth: 250,
    paddingX: 14,
    paddingY: 10,
    band: 8,
    border: 2,
    header: 22,
    headerGap: 6,
  },
  claim: {
    fontSize: 14,
    lineHeight: 20,
    weight: 400,
    maxTextWidth: 236,
    minWidth: 210,
    paddingX: 12,
    paddingY: 8,
    band: 6,
    border: 1,
    header: 22,
    headerGap: 4,
  },
};

export interface NodeBox {
  width: number;
  height: number;
  /** The text broken into the lines the node shows, one per row. */
  lines: string[];
  /** Width of the text box inside the node (measured text plus TEXT_SAFETY). */
  textWidth: number;
}

/** Horizontal room the node takes besides its text: band, borders and padding. */
function chromeWidth(style: NodeStyle): number {
  return style.band + style.border + 2 * style.paddingX;
}

const BOX_CACHE_LIMIT = 50_000;
// One cache per kind keyed by the text itself: a string keeps its hash, so looking up the same
// claim's text again costs nothing, where a key built from kind and text is hashed anew each time.
const boxCaches: Record<NodeKind, Map<string, NodeBox>> = { thesis: new Map(), claim: new Map() };

/**
 * Wraps a claim's text and sizes its node around it, so nothing is ever clipped. Results are
 * cached by kind and text, so laying out again after an edit measures only the changed claims.
 */
export function nodeBox(kind: NodeKind, text: string): NodeBox {
  const cache = boxCaches[kind];
  const cached = cache.get(text);
  if (cached) return cached;
  const box = measureBox(kind, text);
  if (cache.size >= BOX_CACHE_LIMIT) cache.clear();
  cache.set(text, box);
  return box;
}

function measureBox(kind: NodeKind, text: string): NodeBox {
  const style = NODE_STYLES[kind];
  const font = { fontSize: style.fontSize, weight: style.weight };
  const lines = wrapText(text, style.maxTextWidth, font);
  const widest = Math.max(...lines.map((line) => measureText(line, font)));
  const width = Math.max(style.minWidth, Math.ceil(widest + TEXT_SAFETY) + chromeWidth(style));
  const height =
    2 * style.border + 2 * style.paddingY + style.header + style.headerGap + lines.length * style.lineHeight;
  return { width, height, lines, textWidth: width - chromeWidth(style) };
}

/**
 * Measures the boxes of a map's claims in file order from `start`, while `more()` allows (an idle
 * period's time left), so that unfolding them later finds every text measured; returns the index
 * to go on from (the number of claims once all are measured).
 */
export function measureClaimBoxes(
  map: { theses: readonly string[]; claims: readonly { id: string; text: string }[] },
  start: number,
  more: () => boolean,
): number {
  const theses = new Set(map.theses);
  let at = start;
  while (at < map.claims.length && more()) {
    const claim = map.claims[at++];
    nodeBox(theses.has(claim.id) ? "thesis" : "claim", claim.text);
  }
  return at;
}
