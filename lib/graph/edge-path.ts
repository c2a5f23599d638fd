import type { HandleSide } from "../layout/layout";

export interface Point {
  x: number;
  y: number;
}

export interface EdgeCurve {
  /** SVG path data of the cubic curve. */
  path: string;
  /** The point at parameter t (0 = source, 1 = target) on the curve. */
  pointAt: (t: number) => Point;
}

const OUTWARD: Record<HandleSide, Point> = {
  top: { x: 0, y: -1 },
  bottom: { x: 0, y: 1 },
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
};

/**
 * The curve an edge is drawn with: it leaves and enters its handles at right angles, and its two
 * control points lie the same distance out, so with opposite handle sides its middle (t = 0.5) is
 * exactly the midpoint of its ends — where the layout puts undercut anchors.
 */
export function edgeCurve(
  source: Point,
  sourceSide: HandleSide,
  target: Point,
  targetSide: HandleSide,
): EdgeCurve {
  const s = OUTWARD[sourceSide];
  const t = OUTWARD[targetSide];
  const alongY = s.y !== 0 || t.y !== 0;
  const span = alongY ? Math.abs(target.y - source.y) : Math.abs(target.x - source.x);
  const reach = Math.max(24, span / 2);
  const c1 = { x: source.x + s.x * reach, y: source.y + s.y * reach };
  const c2 = { x: target.x + t.x * reach, y: target.y + t.y * reach };
  const pointAt = (u: number): Point => {
    const v = 1 - u;
    const a = v * v * v;
    const b = 3 * v * v * u;
    const c = 3 * v * u * u;
    const d = u * u * u;
    return {
      x: a * source.x + b * c1.x + c * c2.x + d * target.x,
      y: a * source.y + b * c1.y + c * c2.y + d * target.y,
    };
  };
  const path = `M${source.x},${source.y} C${c1.x},${c1.y} ${c2.x},${c2.y} ${target.x},${target.y}`;
  return { path, pointAt };
}

const CORNER = 10;

/**
 * The path of a routed edge (the compact layout's bends): straight runs joined by rounded
 * corners. `pointAt` measures along the runs, so `pointAt(0.5)` is the route's middle, where the
 * layout puts undercut anchors.
 */
export function routeCurve(points: readonly Point[]): EdgeCurve {
  const lengths: number[] = [];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const len = Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
    lengths.push(len);
    total += len;
  }
  const pointAt = (u: number): Point => {
    let left = Math.min(1, Math.max(0, u)) * total;
    for (let i = 1; i < points.length; i++) {
      const len = lengths[i - 1];
      if (len >= left && len > 0) {
        const a = points[i - 1];
        const b = points[i];
        return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len };
      }
      left -= len;
    }
    return points[points.length - 1] ?? { x: 0, y: 0 };
  };
  const parts = [`M${points[0]?.x ?? 0},${points[0]?.y ?? 0}`];
  for (let i = 1; i < points.length - 1; i++) {
    const a = points[i - 1];
    const b = points[i];
    const c = points[i + 1];
    const r = Math.min(CORNER, lengths[i - 1] / 2, lengths[i] / 2);
    const inX = b.x - Math.sign(b.x - a.x) * r;
    const inY = b.y - Math.sign(b.y - a.y) * r;
    const outX = b.x + Math.sign(c.x - b.x) * r;
    const outY = b.y + Math.sign(c.y - b.y) * r;
    parts.push(`L${inX},${inY} Q${b.x},${b.y} ${outX},${outY}`);
  }
  const last = points[points.length - 1];
  if (last && points.length > 1) parts.push(`L${last.x},${last.y}`);
  return { path: parts.join(" "), pointAt };
}
