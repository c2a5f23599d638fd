import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgumentSource } from "../formats/argument-file";
import type { ArgumentMap } from "../model/schema";
import { type Direction, handlePoint, layoutMap, type MapLayout } from "./layout";
import { randomMap } from "./random-map";

function bundledMap(): ArgumentMap {
  const file = path.join(process.cwd(), "arguments", "russia-iran.yaml");
  const parsed = parseArgumentSource(readFileSync(file, "utf8"), "russia-iran.yaml", { slug: "russia-iran" });
  if (!parsed.ok) throw new Error("the bundled map does not parse");
  return parsed.value.map;
}

function overlaps(layout: MapLayout): string[] {
  const found: string[] = [];
  const boxes = [...layout.nodes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].x < a.x + a.width; j++) {
      const b = boxes[j];
      if (a.y < b.y + b.height && b.y < a.y + a.height) found.push(`${a.id} × ${b.id}`);
    }
  }
  return found;
}

/** Tree edges whose bends run through a claim other than their two ends. */
function routesThroughClaims(layout: MapLayout): string[] {
  const found: string[] = [];
  for (const edge of layout.edges) {
    if (!edge.route) continue;
    for (let i = 1; i < edge.route.length; i++) {
      const a = edge.route[i - 1];
      const b = edge.route[i];
      const [x0, x1] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
      const [y0, y1] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
      for (const n of layout.nodes) {
        if (n.id === edge.source || n.id === edge.target) continue;
        if (x1 > n.x + 0.5 && x0 < n.x + n.width - 0.5 && y1 > n.y + 0.5 && y0 < n.y + n.height - 0.5)
          found.push(`${edge.relationId} through ${n.id}`);
      }
    }
  }
  return found;
}

function claimMap(theses: string[], claims: string[], relations: [string, string, string][]): ArgumentMap {
  return {
    version: 1,
    title: "t",
    theses,
    claims: claims.map((id) => ({ id, text: `Claim ${id}`, side: "aff" })),
    relations: relations.map(([from, type, to]) => ({
      id: `${from}-${type}-${to}`,
      from,
      to,
      type: type === "s" ? "support" : "attack",
    })),
    evidence: [],
  };
}

const DIRECTIONS: Direction[] = ["TB", "LR"];

describe("compact layout", () => {
  for (const direction of DIRECTIONS) {
    it(`never overlaps two boxes nor runs a line through a claim (${direction})`, () => {
      for (let seed = 1; seed <= 20; seed++) {
        const map = randomMap(seed, { claims: 15 + seed * 9, theses: 1 + (seed % 3), extraTargets: 0.1 });
        const layout = layoutMap(map, { direction });
        expect(layout.nodes).toHaveLength(map.claims.length);
        expect(overlaps(layout), `seed ${seed}`).toEqual([]);
        expect(routesThroughClaims(layout), `seed ${seed}`).toEqual([]);
      }
      const bundled = layoutMap(bundledMap(), { direction });
      expect(overlaps(bundled)).toEqual([]);
      expect(routesThroughClaims(bundled)).toEqual([]);
    });

    it(`is deterministic (${direction})`, () => {
      const map = randomMap(11, { claims: 300, extraTargets: 0.05 });
      expect(layoutMap(map, { direction })).toEqual(layoutMap(map, { direction }));
    });

    it(`puts every answer next to what it answers, joined by a short line (${direction})`, () => {
      const layout = layoutMap(randomMap(5, { claims: 120, theses: 2 }), { direction });
      const at = new Map(layout.nodes.map((n) => [n.id, n]));
      for (const edge of layout.edges.filter((e) => e.role === "tree")) {
        const child = at.get(edge.source)!;
        const parent = at.get(edge.target)!;
        expect(child.parent).toBe(parent.id);
        // Below the parent top-down, right of it left-to-right; never to its left or above it.
        if (direction === "TB") {
          expect(child.y).toBeGreaterThanOrEqual(parent.y + parent.height);
          expect(child.x).toBeGreaterThan(parent.x);
        } else {
          expect(child.x).toBeGreaterThanOrEqual(parent.x + parent.width);
          expect(child.y).toBeGreaterThan(parent.y);
        }
        // The drawn line starts and ends on the two claims' handles.
        const route = edge.route!;
        const from = handlePoint(child, child.handles.find((h) => h.id === edge.sourceHandle)!);
        const to = handlePoint(parent, parent.handles.find((h) => h.id === edge.targetHandle)!);
        for (const [p, q] of [
          [route[0], from],
          [route[route.length - 1], to],
        ]) {
          expect(p.x).toBeCloseTo(q.x);
          expect(p.y).toBeCloseTo(q.y);
        }
      }
    });

    it(`keeps theses on top or on the left (${direction})`, () => {
      const layout = layoutMap(bundledMap(), { direction });
      const theses = layout.nodes.filter((n) => n.kind === "thesis");
      expect(theses).toHaveLength(2);
      for (const t of theses) expect(direction === "TB" ? t.y : t.x).toBe(0);
    });
  }

  it("stacks the leaves of a claim in a column instead of a row", () => {
    const leaves = ["a", "b", "c", "d", "e", "f"];
    const map = claimMap(
      ["t"],
      ["t", ...leaves],
      leaves.map((l) => [l, "a", "t"]),
    );
    const layout = layoutMap(map);
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    const xs = new Set(leaves.map((l) => at.get(l)!.x));
    expect(xs.size).toBeLessThan(leaves.length);
    expect(at.get("b")!.y).toBeGreaterThan(at.get("a")!.y + at.get("a")!.height);
  });

  it("places a claim with several targets under the first and links it to the others", () => {
    const map = claimMap(
      ["t"],
      ["t", "a", "b", "multi"],
      [
        ["a", "s", "t"],
        ["b", "s", "t"],
        ["multi", "a", "b"],
        ["multi", "s", "a"],
      ],
    );
    for (const direction of DIRECTIONS) {
      const layout = layoutMap(map, { direction });
      const at = new Map(layout.nodes.map((n) => [n.id, n]));
      expect(at.get("multi")!.parent).toBe("b");
      const edges = Object.fromEntries(layout.edges.map((e) => [e.relationId, e]));
      expect(edges["multi-a-b"]).toMatchObject({ role: "tree", target: "b" });
      expect(edges["multi-a-b"].route).toBeDefined();
      expect(edges["multi-s-a"]).toMatchObject({ role: "cross", target: "a" });
      expect(edges["multi-s-a"].route).toBeUndefined();
      expect(overlaps(layout)).toEqual([]);
    }
  });

  it("ends an undercut half way along the attacked relation's line", () => {
    const map = claimMap(["t"], ["t", "a", "u"], [["a", "s", "t"]]);
    map.relations.push({ id: "u-attacks-link", from: "u", to: "a-s-t", type: "attack" });
    const layout = layoutMap(map);
    const anchor = layout.anchors.find((a) => a.relationId === "a-s-t")!;
    const route = layout.edges.find((e) => e.relationId === "a-s-t")!.route!;
    const length = (points: typeof route) =>
      points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - points[i].x, p.y - points[i].y), 0);
    const centre = { x: anchor.x + anchor.size / 2, y: anchor.y + anchor.size / 2 };
    // The centre lies on the route, and the part of the route before it is half the whole.
    let before = 0;
    let found = false;
    for (let i = 1; i < route.length && !found; i++) {
      const a = route[i - 1];
      const b = route[i];
      const onX = Math.min(a.x, b.x) - 1e-6 <= centre.x && centre.x <= Math.max(a.x, b.x) + 1e-6;
      const onY = Math.min(a.y, b.y) - 1e-6 <= centre.y && centre.y <= Math.max(a.y, b.y) + 1e-6;
      if (onX && onY) {
        before += Math.hypot(centre.x - a.x, centre.y - a.y);
        found = true;
      } else before += Math.hypot(b.x - a.x, b.y - a.y);
    }
    expect(found).toBe(true);
    expect(before).toBeCloseTo(length(route) / 2);
  });

  it("fits the bundled map on a laptop beside the inspector at a readable zoom", () => {
    // 1440×900 less the inspector and toolbar, with the 5 % padding of "fit".
    const canvas = { width: (1440 - 416) * 0.95, height: (900 - 56) * 0.95 };
    const zoom = (direction: Direction) => {
      const layout = layoutMap(bundledMap(), { direction });
      return Math.min(canvas.width / layout.width, canvas.height / layout.height);
    };
    expect(zoom("TB")).toBeGreaterThanOrEqual(0.6);
    expect(zoom("LR")).toBeGreaterThanOrEqual(0.45);
  });

  it("is far more compact than the tidy tree on a big map", () => {
    const map = randomMap(3, { claims: 1000, theses: 3 });
    const area = (layout: MapLayout) => Math.max(layout.width / 1.25, layout.height) ** 2;
    expect(area(layoutMap(map))).toBeLessThan(area(layoutMap(map, { mode: "tidy" })) / 2);
  });
});
