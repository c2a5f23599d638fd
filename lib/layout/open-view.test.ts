import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgumentSource } from "../formats/argument-file";
import { layoutMap } from "./layout";
import {
  BIG_MAP_CLAIMS,
  collapsedParam,
  minZoomFor,
  OPEN_ZOOM,
  OPENING_CLAIMS,
  openingCollapsed,
  openingViewport,
  parseCollapsedParam,
  TOP_BAND,
  unfoldPathTo,
} from "./open-view";
import { randomMap } from "./random-map";
import { ancestorsOf, buildClaimTree } from "./tree";

function bundledMap() {
  const file = path.join(process.cwd(), "arguments", "russia-iran.yaml");
  const parsed = parseArgumentSource(readFileSync(file, "utf8"), "russia-iran.yaml", { slug: "russia-iran" });
  if (!parsed.ok) throw new Error("the bundled map does not parse");
  return parsed.value.map;
}

describe("openingCollapsed", () => {
  it("folds nothing on a small map", () => {
    const map = randomMap(1, { claims: BIG_MAP_CLAIMS });
    expect(openingCollapsed(buildClaimTree(map), map.claims.length)).toEqual([]);
  });

  it("opens a big map folded to a readable depth, counting what each fold hides", () => {
    const map = randomMap(2, { claims: 1000, theses: 2 });
    const tree = buildClaimTree(map);
    const collapsed = openingCollapsed(tree, map.claims.length);
    expect(collapsed.length).toBeGreaterThan(0);
    const layout = layoutMap(map, { collapsed: new Set(collapsed), tree });
    expect(layout.nodes.length).toBeLessThanOrEqual(
      Math.max(OPENING_CLAIMS, 2 + tree.children.get("c0")!.length + tree.children.get("c1")!.length),
    );
    expect(layout.nodes.length + layout.hidden.size).toBe(1000);
    const folded = layout.nodes.filter((n) => n.collapsed);
    expect(folded.reduce((sum, n) => sum + n.descendants, 0)).toBe(layout.hidden.size);
  });

  it("reads and writes the URL value", () => {
    expect(parseCollapsedParam("b, a,,zz", (id) => id !== "zz")).toEqual(["b", "a"]);
    expect(collapsedParam(new Set(["b", "a"]))).toBe("a,b");
  });
});

describe("unfoldPathTo", () => {
  it("shows a claim found deep in a folded big map with its path and its own answers only", () => {
    const map = randomMap(11, { claims: 3000 });
    const tree = buildClaimTree(map);
    const collapsed = new Set(openingCollapsed(tree, map.claims.length));
    const visible = (folded: ReadonlySet<string>) =>
      layoutMap(map, { collapsed: folded, tree }).nodes.map((n) => n.id);
    const before = new Set(visible(collapsed));
    // The deepest claim of the map, hidden when it opens.
    const deepest = map.claims
      .map((c) => c.id)
      .reduce((a, b) => (ancestorsOf(tree, b).length > ancestorsOf(tree, a).length ? b : a));
    expect(before.has(deepest)).toBe(false);
    const next = unfoldPathTo(tree, collapsed, deepest);
    expect(next).toBeDefined();
    const after = visible(next!);
    expect(after).toContain(deepest);
    // Besides what was shown: the path, the claims beside it, and the found claim's answers.
    const path = [...ancestorsOf(tree, deepest), deepest];
    const allowed = new Set([...before, ...path.flatMap((id) => [id, ...(tree.children.get(id) ?? [])])]);
    expect(after.filter((id) => !allowed.has(id))).toEqual([]);
    expect(after.length - before.size).toBeLessThan(200);
    // Already shown: nothing to unfold.
    expect(unfoldPathTo(tree, next!, deepest)).toBeUndefined();
    expect(unfoldPathTo(tree, collapsed, tree.roots[0])).toBeUndefined();
  });
});

describe("openingViewport", () => {
  const canvas = { width: 1024, height: 844 };
  it("fits a small map whole", () => {
    const layout = layoutMap(randomMap(1, { claims: 4, theses: 1 }));
    const view = openingViewport(layout, canvas);
    expect(view.zoom).toBeGreaterThanOrEqual(OPEN_ZOOM);
    expect(view.x).toBeGreaterThanOrEqual(0);
    expect(view.x + layout.width * view.zoom).toBeLessThanOrEqual(canvas.width);
    expect(view.y).toBeGreaterThanOrEqual(TOP_BAND);
    expect(view.y + layout.height * view.zoom).toBeLessThanOrEqual(canvas.height);
  });

  for (const direction of ["TB", "LR"] as const) {
    it(`opens a map too wide to fit with nothing in the top band (${direction})`, () => {
      const layout = layoutMap(randomMap(5, { claims: 300 }), { direction });
      const view = openingViewport(layout, canvas);
      expect(view.zoom).toBe(OPEN_ZOOM);
      const top = Math.min(...layout.nodes.map((n) => view.y + n.y * view.zoom));
      expect(top).toBeGreaterThanOrEqual(TOP_BAND);
    });
  }

  for (const direction of ["TB", "LR"] as const) {
    it(`opens a bigger map at reading zoom with its theses in view (${direction})`, () => {
      const layout = layoutMap(bundledMap(), { direction });
      const view = openingViewport(layout, canvas);
      expect(view.zoom).toBe(OPEN_ZOOM);
      expect(layout.width * view.zoom > canvas.width || layout.height * view.zoom > canvas.height).toBe(true);
      for (const id of layout.tree.roots) {
        const n = layout.nodes.find((node) => node.id === id)!;
        expect(view.x + n.x * view.zoom).toBeGreaterThanOrEqual(0);
        // Below the band the inspector's button floats in.
        expect(view.y + n.y * view.zoom).toBeGreaterThanOrEqual(TOP_BAND);
        expect(view.x + (n.x + n.width) * view.zoom).toBeLessThanOrEqual(canvas.width);
        expect(view.y + (n.y + n.height) * view.zoom).toBeLessThanOrEqual(canvas.height);
      }
    });
  }

  it("lets fit zoom out far enough for the whole map", () => {
    const layout = layoutMap(randomMap(3, { claims: 5000 }));
    const min = minZoomFor(layout);
    expect(layout.width * min).toBeLessThanOrEqual(340);
    expect(layout.height * min).toBeLessThanOrEqual(520);
  });
});
