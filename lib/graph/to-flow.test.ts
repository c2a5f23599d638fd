import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgumentSource } from "../formats/argument-file";
import { handlePoint, layoutMap } from "../layout/layout";
import { treeOrder } from "../layout/tree";
import { indexMap } from "../model/queries";
import type { ArgumentMap } from "../model/schema";
import { edgeCurve, routeCurve } from "./edge-path";
import { claimLabel, relationLabel, toFlow } from "./to-flow";

function bundledMap(): ArgumentMap {
  const file = path.join(process.cwd(), "arguments", "russia-iran.yaml");
  const parsed = parseArgumentSource(readFileSync(file, "utf8"), "russia-iran.yaml", { slug: "russia-iran" });
  if (!parsed.ok) throw new Error("the bundled map does not parse");
  return parsed.value.map;
}

describe("toFlow", () => {
  const map = bundledMap();
  const index = indexMap(map);
  const layout = layoutMap(map);
  const flow = toFlow(layout, index);
  const claims = flow.nodes.filter((n) => n.type === "claim");
  const anchors = flow.nodes.filter((n) => n.type === "anchor");

  it("makes one node per claim and one edge per relation", () => {
    expect(claims.map((n) => n.id).sort()).toEqual(map.claims.map((c) => c.id).sort());
    expect(flow.edges.map((e) => e.id).sort()).toEqual(map.relations.map((r) => r.id).sort());
    expect(anchors).toHaveLength(2);
  });

  it("hands every node its size and handles from the layout, so React Flow need not measure", () => {
    for (const node of flow.nodes) {
      const box = layout.nodes.find((n) => n.id === node.id) ?? layout.anchors.find((a) => a.id === node.id)!;
      expect(node.position).toEqual({ x: box.x, y: box.y });
      expect(node.measured).toEqual({ width: node.width, height: node.height });
      expect(node.handles?.length).toBeGreaterThan(0);
    }
    for (const edge of flow.edges) {
      const source = flow.nodes.find((n) => n.id === edge.source)!;
      const target = flow.nodes.find((n) => n.id === edge.target)!;
      expect(source.handles?.some((h) => h.id === edge.sourceHandle && h.type === "source")).toBe(true);
      expect(target.handles?.some((h) => h.id === edge.targetHandle && h.type === "target")).toBe(true);
    }
  });

  it("carries side, kind, cards and wrapped lines on claim nodes", () => {
    const thesis = claims.find((n) => n.id === "russia-key")!;
    expect(thesis.data).toMatchObject({ kind: "thesis", side: "aff" });
    const supplier = claims.find((n) => n.id === "iran-needs-russia-for-bushehr")!;
    expect(supplier.data).toMatchObject({ kind: "claim", cards: 1 });
    expect(supplier.data.lines.join(" ")).toBe("Iran needs Russia, the supplier of its Bushehr reactor");
  });

  it("types edges by relation and marks the ones that carry cards or are undercut", () => {
    const support = flow.edges.find(
      (e) => e.id === "iran-needs-russia-for-bushehr-supports-no-isolation-without-russia",
    )!;
    expect(support.data).toMatchObject({ type: "support", cards: 1, role: "tree" });
    const undercuts = flow.edges.filter((e) => e.data?.role === "undercut");
    expect(undercuts).toHaveLength(2);
    for (const u of undercuts) {
      const anchor = anchors.find((a) => a.id === u.target)!;
      expect(anchor.data).toBeDefined();
      const attacked = flow.edges.find((e) => e.id === (anchor.data as { relationId: string }).relationId)!;
      expect(attacked.data?.undercut).toBe(true);
    }
  });

  it("puts each undercut anchor on the curve of the relation it attacks", () => {
    for (const anchor of layout.anchors) {
      const edge = layout.edges.find((e) => e.relationId === anchor.relationId)!;
      const source = layout.nodes.find((n) => n.id === edge.source)!;
      const target = layout.nodes.find((n) => n.id === edge.target)!;
      const sh = source.handles.find((h) => h.id === edge.sourceHandle)!;
      const th = target.handles.find((h) => h.id === edge.targetHandle)!;
      const from = handlePoint(source, sh);
      const to = handlePoint(target, th);
      if (edge.route) {
        expect(edge.route[0].x).toBeCloseTo(from.x);
        expect(edge.route[edge.route.length - 1].y).toBeCloseTo(to.y);
      }
      const mid = (
        edge.route ? routeCurve(edge.route) : edgeCurve(from, sh.position, to, th.position)
      ).pointAt(0.5);
      expect(anchor.x + anchor.size / 2).toBeCloseTo(mid.x);
      expect(anchor.y + anchor.size / 2).toBeCloseTo(mid.y);
    }
  });

  it("names nodes and edges for screen readers", () => {
    expect(claimLabel(index, "iran-needs-russia-for-bushehr", "claim")).toBe(
      "Aff claim: Iran needs Russia, the supplier of its Bushehr reactor, supports Iran cannot be isolated without Russia's full cooperation, 1 card",
    );
    expect(claims.find((n) => n.id === "russia-key")!.ariaLabel).toMatch(
      /^Aff thesis: Russia is key to isolating Iran, attacks Decoupling/,
    );
    const undercut = flow.edges.find((e) => e.data?.role === "undercut")!;
    expect(relationLabel(index, undercut.id)).toMatch(/undercuts the link “/);
  });

  it("lists claims in reading order: a thesis, then its subtree", () => {
    expect(claims[0].id).toBe("russia-key");
    expect(claims[1].data.kind).toBe("claim");
  });

  it("orders claims by a reading order the caller passes in, anchors last", () => {
    const reversed = [...treeOrder(layout.tree)].reverse();
    const ordered = toFlow(layout, index, { order: reversed }).nodes;
    expect(ordered.filter((n) => n.type === "claim").map((n) => n.id)).toEqual(reversed);
    expect(ordered.slice(-anchors.length).every((n) => n.type === "anchor")).toBe(true);
  });
});
