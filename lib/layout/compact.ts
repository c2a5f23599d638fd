import type { Direction } from "./layout";

export interface Point {
  x: number;
  y: number;
}

/** The size of a claim's box and its visible tree children, in order. */
export interface CompactItem {
  width: number;
  height: number;
  children: readonly string[];
}

/** Spacing of the compact layout, per direction. */
export interface CompactSpacing {
  /** Room left of each column for the line that joins its claims to their parent. */
  gutter: number;
  /** Between a parent and the first row (top-down) or column (left-to-right) of its answers. */
  level: number;
  /** Between two columns of answers to one claim. */
  column: number;
  /** Between two answers stacked in one column. */
  stack: number;
  /** Between two theses. */
  root: number;
  /** Between two theses joined by a relation (room for the edge and its badge). */
  peer: number;
  /** Left-to-right: how far below a parent's top its line leaves, and its answers start. */
  bus: number;
  busRoom: number;
}

export const COMPACT_SPACING: Record<Direction, CompactSpacing> = {
  TB: { gutter: 22, level: 30, column: 22, stack: 12, root: 56, peer: 100, bus: 0, busRoom: 0 },
  LR: { gutter: 22, level: 34, column: 26, stack: 12, root: 40, peer: 56, bus: 14, busRoom: 28 },
};

/** Width over height of the room a map is usually shown in (a laptop's canvas beside the inspector). */
const VIEW_RATIO = 1.25;

/** Where the line to a claim's answers leaves the claim, relative to its top-left corner. */
export function compactInPoint(direction: Direction, width: number): Point {
  const s = COMPACT_SPACING[direction];
  return direction === "TB" ? { x: s.gutter / 2, y: 0 } : { x: width, y: s.bus };
}

interface Arrangement {
  width: number;
  height: number;
  /** Children split into columns, in order. */
  columns: string[][];
}

export interface CompactResult {
  positions: Map<string, Point>;
  /** The bends of each tree edge, from the child's side to its parent's `in` point. */
  routes: Map<string, Point[]>;
}

/**
 * The compact layout: each claim's answers hang below it (top-down) or to its right
 * (left-to-right) in one or more columns, stacked like an indented list, each column with a line
 * down its left side to the claim they answer. Every claim picks the number of columns that makes
 * its subtree fit a laptop screen best, so leaves stack instead of spreading into wide rows.
 * Theses stay side by side on top (top-down) or one under another on the left. Boxes never
 * overlap: every subtree owns a rectangle and rectangles are packed side by side or stacked.
 * Deterministic: only sizes and order decide.
 */
export function compactLayout(
  roots: readonly string[],
  items: ReadonlyMap<string, CompactItem>,
  direction: Direction,
  peerRoots: (a: string, b: string) => boolean,
): CompactResult {
  const s = COMPACT_SPACING[direction];
  const tb = direction === "TB";
  const ratio = tb ? VIEW_RATIO / Math.max(1, roots.length) : VIEW_RATIO * Math.max(1, roots.length);
  const chosen = new Map<string, Arrangement>();

  // Post-order without recursion: a chain of thousands of answers must not overflow the stack.
  const order: string[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    order.push(id);
    for (const kid of items.get(id)?.children ?? []) stack.push(kid);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i];
    const item = items.get(id)!;
    chosen.set(id, arrange(item, chosen, s, tb, ratio));
  }

  const positions = new Map<string, Point>();
  const routes = new Map<string, Point[]>();
  const place: [string, number, number][] = [];
  let offset = 0;
  for (let r = 0; r < roots.length; r++) {
    const id = roots[r];
    const box = chosen.get(id)!;
    if (r > 0) offset += peerRoots(roots[r - 1], id) ? s.peer : s.root;
    place.push(tb ? [id, offset, 0] : [id, 0, offset]);
    offset += tb ? box.width : box.height;
  }
  while (place.length > 0) {
    const [id, x, y] = place.pop()!;
    positions.set(id, { x, y });
    const item = items.get(id)!;
    const { columns } = chosen.get(id)!;
    if (columns.length === 0) continue;
    const inPoint = compactInPoint(direction, item.width);
    const parentIn = { x: x + inPoint.x, y: y + (tb ? item.height : inPoint.y) };
    let columnX = tb ? x : x + item.width + s.level;
    const top = tb ? y + item.height + s.level : y + s.busRoom;
    const busY = tb ? y + item.height + s.level / 2 : parentIn.y;
    for (const column of columns) {
      const spine = columnX + s.gutter / 2;
      let childY = top;
      let widest = 0;
      for (const kid of column) {
        const kidItem = items.get(kid)!;
        const kidBox = chosen.get(kid)!;
        place.push([kid, columnX + s.gutter, childY]);
        const middle = childY + kidItem.height / 2;
        routes.set(
          kid,
          simplify([
            { x: columnX + s.gutter, y: middle },
            { x: spine, y: middle },
            { x: spine, y: busY },
            { x: parentIn.x, y: busY },
            parentIn,
          ]),
        );
        childY += kidBox.height + s.stack;
        widest = Math.max(widest, kidBox.width);
      }
      columnX += s.gutter + widest + s.column;
    }
  }
  return { positions, routes };
}

function arrange(
  item: CompactItem,
  chosen: Map<string, Arrangement>,
  s: CompactSpacing,
  tb: boolean,
  ratio: number,
): Arrangement {
  const kids = item.children;
  if (kids.length === 0) return { width: item.width, height: item.height, columns: [] };
  const sizes = kids.map((k) => chosen.get(k)!);
  const total = sizes.reduce((sum, b) => sum + b.height, 0) + s.stack * (kids.length - 1);
  let best: Arrangement | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  const tried = new Set<number>();
  const most = Math.min(kids.length, 24);
  for (let k = 1; k <= most; k++) {
    const columns = splitColumns(kids, sizes, total / k, s.stack);
    if (tried.has(columns.length)) continue;
    tried.add(columns.length);
    let blockWidth = 0;
    let blockHeight = 0;
    let at = 0;
    for (const column of columns) {
      let height = 0;
      let widest = 0;
      for (let j = 0; j < column.length; j++) {
        const b = sizes[at++];
        height += b.height + (j > 0 ? s.stack : 0);
        widest = Math.max(widest, b.width);
      }
      blockWidth += s.gutter + widest;
      blockHeight = Math.max(blockHeight, height);
    }
    blockWidth += s.column * (columns.length - 1);
    const width = tb ? Math.max(item.width, blockWidth) : item.width + s.level + blockWidth;
    const height = tb ? item.height + s.level + blockHeight : Math.max(item.height, s.busRoom + blockHeight);
    // The size the subtree takes when scaled into a screen of the target shape: smaller is better.
    const score = Math.max(width / ratio, height);
    if (score < bestScore - 0.5) {
      bestScore = score;
      best = { width, height, columns };
    }
  }
  return best!;
}

/** Splits children, in order, into columns of about `target` height each. */
function splitColumns(
  kids: readonly string[],
  sizes: readonly Arrangement[],
  target: number,
  gap: number,
): string[][] {
  const columns: string[][] = [];
  let current: string[] = [];
  let height = 0;
  for (let i = 0; i < kids.length; i++) {
    const h = sizes[i].height;
    const next = height + (current.length > 0 ? gap : 0) + h;
    // Close the column when this child would overshoot the target by more than half of itself.
    if (current.length > 0 && next - target > h / 2) {
      columns.push(current);
      current = [];
      height = 0;
    }
    height += (current.length > 0 ? gap : 0) + h;
    current.push(kids[i]);
  }
  if (current.length > 0) columns.push(current);
  return columns;
}

/** Drops repeated and collinear points of an orthogonal route. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (
      last &&
      before &&
      ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))
    ) {
      out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
}
