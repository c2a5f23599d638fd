import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgumentSource } from "../formats/argument-file";
import type { ArgumentMap } from "../model/schema";
import { type Direction, handlePoint, layoutMap, type MapLayout, SPACING } from "./layout";
import { measureText } from "./measure";
import { NODE_STYLES } from "./node-style";
import { randomMap } from "./random-map";

function bundledMap(): ArgumentMap {
  const file = path.join(process.cwd(), "arguments", "russia-iran.yaml");
  const parsed = parseArgumentSource(readFileSync(file, "utf8"), "russia-iran.yaml", { slug: "russia-iran" });
  if (!parsed.ok) throw new Error("the bundled map does not parse");
  return parsed.value.map;
}

function overlaps(layout: MapLayout): string[] {
  const boxes = [...layout.nodes].sort((a, b) => a.x - b.x);
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].x < a.x + a.width; j++) {
      const b = boxes[j];
      if (a.y < b.y + b.height && b.y < a.y + a.height) found.push(`${a.id} × ${b.id}`);
    }
  }
  return found;
}

function claimMap(
  theses: string[],
  claims: [string, string][],
  relations: [string, string, string][],
): ArgumentMap {
  return {
    version: 1,
    title: "t",
    theses,
    claims: claims.map(([id, text]) => ({ id, text, side: "aff" })),
    relations: relations.map(([from, type, to]) => ({
      id: `${from}-${type}-${to}`,
      from,
      to,
      type: type === "s" ? "support" : "attack",
    })),
    evidence: [],
  };
}

describe("layoutMap", () => {
  for (const direction of ["TB", "LR"] as Direction[]) {
    it(`never overlaps two boxes on random maps (${direction})`, () => {
      for (let seed = 1; seed <= 25; seed++) {
        const map = randomMap(seed, { claims: 20 + seed * 7, theses: 1 + (seed % 3), extraTargets: 0.1 });
        const layout = layoutMap(map, { direction });
        expect(layout.nodes).toHaveLength(map.claims.length);
        expect(overlaps(layout), `seed ${seed}`).toEqual([]);
      }
    });
  }

  it("does not overlap boxes on the bundled map, and draws one edge per relation", () => {
    const map = bundledMap();
    for (const direction of ["TB", "LR"] as Direction[]) {
      const layout = layoutMap(map, { direction });
      expect(overlaps(layout)).toEqual([]);
      expect(layout.edges.map((e) => e.relationId).sort()).toEqual(map.relations.map((r) => r.id).sort());
    }
  });

  it("is deterministic", () => {
    const map = randomMap(7, { claims: 200 });
    expect(layoutMap(map)).toEqual(layoutMap(map));
  });

  it("puts theses side by side on top, children below their parent (top-down)", () => {
    const map = claimMap(
      ["t1", "t2"],
      [
        ["t1", "First thesis"],
        ["t2", "Second thesis"],
        ["a", "Supports the first"],
        ["b", "Attacks the second"],
      ],
      [
        ["a", "s", "t1"],
        ["b", "a", "t2"],
        ["t1", "a", "t2"],
      ],
    );
    const layout = layoutMap(map);
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(at.get("t1")!.y).toBe(0);
    expect(at.get("t2")!.y).toBe(0);
    expect(at.get("t1")!.x + at.get("t1")!.width).toBeLessThanOrEqual(at.get("t2")!.x);
    expect(at.get("a")!.y).toBeGreaterThanOrEqual(at.get("t1")!.height);
    expect(at.get("t1")!.kind).toBe("thesis");
    expect(at.get("a")!.kind).toBe("claim");
    const peer = layout.edges.find((e) => e.relationId === "t1-a-t2")!;
    expect(peer.role).toBe("peer");
  });

  it("lays left-to-right with parents to the left of their children and theses stacked", () => {
    const map = claimMap(
      ["t1", "t2"],
      [
        ["t1", "First thesis"],
        ["t2", "Second thesis"],
        ["a", "Supports the first"],
      ],
      [["a", "s", "t1"]],
    );
    const layout = layoutMap(map, { direction: "LR" });
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(at.get("t1")!.x).toBe(0);
    expect(at.get("t2")!.x).toBe(0);
    expect(at.get("a")!.x).toBeGreaterThanOrEqual(at.get("t1")!.width);
    expect(at.get("t1")!.y + at.get("t1")!.height).toBeLessThanOrEqual(at.get("t2")!.y);
    expect(at.get("a")!.handles.find((h) => h.id === "out")!.position).toBe("left");
  });

  it("places a claim with several targets under the first and links it to the others", () => {
    const map = claimMap(
      ["t"],
      [
        ["t", "Thesis"],
        ["a", "A"],
        ["b", "B"],
        ["multi", "Two targets"],
      ],
      [
        ["a", "s", "t"],
        ["b", "s", "t"],
        ["multi", "a", "b"],
        ["multi", "s", "a"],
      ],
    );
    const layout = layoutMap(map);
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(at.get("multi")!.parent).toBe("b");
    expect(at.get("b")!.children).toEqual(["multi"]);
    const roles = Object.fromEntries(layout.edges.map((e) => [e.relationId, [e.role, e.target]]));
    expect(roles["multi-a-b"]).toEqual(["tree", "b"]);
    expect(roles["multi-s-a"]).toEqual(["cross", "a"]);
  });

  it("draws relations between neighbouring siblings side by side, with room for the badge", () => {
    const map = claimMap(
      ["t"],
      [
        ["t", "Thesis"],
        ["a", "A"],
        ["b", "B"],
        ["c", "C"],
      ],
      [
        ["a", "s", "t"],
        ["b", "a", "t"],
        ["c", "a", "t"],
        ["b", "a", "a"],
        ["c", "a", "a"],
      ],
    );
    const layout = layoutMap(map, { mode: "tidy" });
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    const roles = Object.fromEntries(layout.edges.map((e) => [e.relationId, e.role]));
    expect(roles["b-a-a"]).toBe("peer");
    expect(roles["c-a-a"]).toBe("cross");
    const gap = (left: string, right: string) => at.get(right)!.x - (at.get(left)!.x + at.get(left)!.width);
    expect(gap("a", "b")).toBeCloseTo(SPACING.TB.peer);
    expect(gap("b", "c")).toBeCloseTo(SPACING.TB.sibling);
  });

  it("ends an undercut at an anchor in the middle of the attacked edge", () => {
    const map = claimMap(
      ["t"],
      [
        ["t", "Thesis"],
        ["a", "A"],
        ["u", "Undercut"],
      ],
      [["a", "s", "t"]],
    );
    map.relations.push({ id: "u-attacks-link", from: "u", to: "a-s-t", type: "attack" });
    const layout = layoutMap(map, { mode: "tidy" });
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(at.get("u")!.parent).toBe("t");
    expect(at.get("t")!.children).toEqual(["a", "u"]);
    const anchor = layout.anchors.find((a) => a.relationId === "a-s-t")!;
    const edge = layout.edges.find((e) => e.relationId === "u-attacks-link")!;
    expect(edge).toMatchObject({ role: "undercut", target: anchor.id });
    const a = at.get("a")!;
    const t = at.get("t")!;
    const from = handlePoint(a, a.handles.find((h) => h.id === "out")!);
    const to = handlePoint(t, t.handles.find((h) => h.id === "in")!);
    expect(anchor.x + anchor.size / 2).toBeCloseTo((from.x + to.x) / 2);
    expect(anchor.y + anchor.size / 2).toBeCloseTo((from.y + to.y) / 2);
  });

  it("makes claims that no thesis reaches into extra roots", () => {
    const map = claimMap(
      ["t"],
      [
        ["t", "Thesis"],
        ["x", "X"],
        ["y", "Y"],
      ],
      [
        ["x", "a", "y"],
        ["y", "a", "x"],
      ],
    );
    const layout = layoutMap(map);
    expect(layout.tree.roots).toEqual(["t", "x"]);
    expect(layout.nodes.find((n) => n.id === "y")!.parent).toBe("x");
    expect(layout.edges).toHaveLength(2);
  });

  it("hides a collapsed claim's subtree and counts it", () => {
    const map = bundledMap();
    const full = layoutMap(map);
    const layout = layoutMap(map, { collapsed: new Set(["russia-key"]) });
    const thesis = layout.nodes.find((n) => n.id === "russia-key")!;
    expect(thesis.collapsed).toBe(true);
    expect(thesis.children).toEqual([]);
    expect(thesis.descendants).toBe(layout.hidden.size);
    expect(layout.nodes).toHaveLength(full.nodes.length - layout.hidden.size);
    for (const edge of layout.edges) {
      expect(layout.hidden.has(edge.source)).toBe(false);
      expect(layout.hidden.has(edge.target)).toBe(false);
    }
    expect(overlaps(layout)).toEqual([]);
  });

  it("sizes each node around its wrapped text", () => {
    const map = bundledMap();
    const layout = layoutMap(map);
    for (const node of layout.nodes) {
      const style = NODE_STYLES[node.kind];
      const text = map.claims.find((c) => c.id === node.id)!.text;
      expect(node.lines.join(" ")).toBe(text.split(/\s+/).join(" "));
      for (const line of node.lines) {
        expect(measureText(line, style)).toBeLessThan(node.textWidth);
      }
      expect(node.height).toBeGreaterThanOrEqual(node.lines.length * style.lineHeight);
    }
  });

  // Its speed is a benchmark row (npm run bench), not a timed test.
  it("lays out 5,000 claims", () => {
    const map = randomMap(42, { claims: 5000, theses: 3 });
    const layout = layoutMap(map);
    expect(layout.nodes).toHaveLength(5000);
  });
});
