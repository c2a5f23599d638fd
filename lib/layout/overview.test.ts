import { describe, expect, it } from "vitest";
import { generateMap } from "../bench/generate";
import { indexMap } from "../model/queries";
import type { ArgumentMap } from "../model/schema";
import { layoutMap } from "./layout";
import { DETAIL_ZOOM } from "./open-view";
import {
  boxesIn,
  hitClaim,
  OVERVIEW_CLAIMS,
  type OVERVIEW_LAYERS,
  overviewLabel,
  overviewScene,
  overviewShown,
  sideMarkPath,
  statusMarks,
} from "./overview";

function sceneOf(map: ArgumentMap, direction: "TB" | "LR" = "TB") {
  const layout = layoutMap(map, { direction });
  const index = indexMap(map);
  const scene = overviewScene(layout, {
    sideOf: (id) => index.claims.get(id)!.side,
    typeOf: (id) => index.relations.get(id)!.type,
  });
  return { layout, index, scene };
}

const small: ArgumentMap = {
  version: 1,
  title: "t",
  theses: ["t"],
  claims: [
    { id: "t", text: "The thesis of the debate", side: "aff" },
    { id: "a", text: "An attack on the thesis", side: "neg" },
    { id: "b", text: "A support of the thesis", side: "aff" },
  ],
  relations: [
    { id: "r1", from: "a", to: "t", type: "attack" },
    { id: "r2", from: "b", to: "t", type: "support" },
  ],
  evidence: [],
};

describe("overviewShown", () => {
  it("draws the overview only below the level of detail and for maps past the claim limit", () => {
    expect(overviewShown(DETAIL_ZOOM / 2, OVERVIEW_CLAIMS + 1)).toBe(true);
    expect(overviewShown(DETAIL_ZOOM, OVERVIEW_CLAIMS + 1)).toBe(false);
    expect(overviewShown(0.01, OVERVIEW_CLAIMS)).toBe(false);
  });
});

describe("overviewScene", () => {
  it("draws every claim once in its side's layer, each relation in its type's layer, theses framed", () => {
    const { scene, layout } = sceneOf(small);
    expect(scene.boxes.map((b) => b.id).sort()).toEqual(["a", "b", "t"]);
    const joined = (layer: (typeof OVERVIEW_LAYERS)[number]) =>
      scene.cells.map((c) => c.paths[layer]).join("");
    const count = (d: string) => (d.match(/M/g) ?? []).length;
    expect(count(joined("aff"))).toBe(2);
    expect(count(joined("neg"))).toBe(1);
    expect(count(joined("thesis"))).toBe(1);
    expect(count(joined("support"))).toBe(1);
    expect(count(joined("attack"))).toBe(1);
    expect(count(joined("supportHead")) + count(joined("attackHead"))).toBe(2);
    const thesis = layout.nodes.find((n) => n.id === "t")!;
    expect(joined("thesis")).toContain(`M${thesis.x},${thesis.y}h${thesis.width}`);
  });

  it("bounds hold every claim, and every cell's bounds hold what it draws", () => {
    const { scene, layout } = sceneOf(generateMap({ claims: 600, seed: 3 }));
    const { x, y, width, height } = scene.bounds;
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(x);
      expect(n.y).toBeGreaterThanOrEqual(y);
      expect(n.x + n.width).toBeLessThanOrEqual(x + width + 1e-6);
      expect(n.y + n.height).toBeLessThanOrEqual(y + height + 1e-6);
    }
    expect(scene.cells.length).toBeGreaterThan(1);
    for (const cell of scene.cells) {
      for (const match of cell.paths.aff.matchAll(/M([-\d.]+),([-\d.]+)/g)) {
        expect(Number(match[1])).toBeGreaterThanOrEqual(cell.x0 - 0.1);
        expect(Number(match[2])).toBeLessThanOrEqual(cell.y1 + 0.1);
      }
    }
  });

  it("is deterministic and covers both orientations", () => {
    const map = generateMap({ claims: 300, seed: 9 });
    expect(JSON.stringify(sceneOf(map).scene.cells)).toBe(JSON.stringify(sceneOf(map).scene.cells));
    const lr = sceneOf(map, "LR");
    expect(lr.scene.boxes).toHaveLength(lr.layout.nodes.length);
    expect(lr.scene.cells.map((c) => c.paths.support).join("").length).toBeGreaterThan(0);
  });

  it("shows the side by shape as well as colour: a bar for aff, a wedge for neg", () => {
    const box = { x: 0, y: 0, height: 40 };
    expect(sideMarkPath({ ...box, side: "aff" })).toMatch(/h.*v.*h.*Z$/);
    expect(sideMarkPath({ ...box, side: "neg" })).toMatch(/^M0,0L22,20L0,40Z$/);
  });
});

describe("hit-testing", () => {
  const { scene, layout } = sceneOf(generateMap({ claims: 500, seed: 4 }));

  it("finds the claim whose box holds the point", () => {
    for (const n of layout.nodes.slice(0, 60)) {
      expect(hitClaim(scene, { x: n.x + n.width / 2, y: n.y + n.height / 2 })).toBe(n.id);
      expect(hitClaim(scene, { x: n.x + 1, y: n.y + n.height - 1 })).toBe(n.id);
    }
  });

  it("takes the nearest claim within the slop, and nothing beyond it", () => {
    const n = layout.nodes[5];
    const beside = { x: n.x - 3, y: n.y + n.height / 2 };
    const nearest = hitClaim(scene, beside, 5);
    expect(nearest).toBeDefined();
    const hit = layout.nodes.find((m) => m.id === nearest)!;
    // The claim found is within 5 map units of the point.
    const dx = Math.max(hit.x - beside.x, 0, beside.x - (hit.x + hit.width));
    const dy = Math.max(hit.y - beside.y, 0, beside.y - (hit.y + hit.height));
    expect(Math.hypot(dx, dy)).toBeLessThanOrEqual(5);
    expect(hitClaim(scene, { x: scene.bounds.x - 500, y: scene.bounds.y - 500 }, 10)).toBeUndefined();
  });

  it("lists the claims in a rectangle once each", () => {
    const all = boxesIn(
      scene,
      scene.bounds.x,
      scene.bounds.y,
      scene.bounds.x + scene.bounds.width,
      scene.bounds.y + scene.bounds.height,
    );
    expect(all).toHaveLength(layout.nodes.length);
    const n = layout.nodes[10];
    expect(boxesIn(scene, n.x + 1, n.y + 1, n.x + 2, n.y + 2).map((i) => scene.boxes[i].id)).toEqual([n.id]);
  });
});

describe("labels and marks", () => {
  it("labels a claim with its side and first words, in at most two lines that fit the box", () => {
    const box = {
      side: "neg" as const,
      width: 260,
      height: 90,
      text: "one two three four five six seven eight",
    };
    const lines = overviewLabel(box);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines[0].startsWith("NEG ")).toBe(true);
    expect(lines.join(" ")).not.toContain("seven");
    expect(lines.join(" ").endsWith("…")).toBe(true);
  });

  it("marks statuses with a shape each: circle, square, diamond", () => {
    const { scene } = sceneOf(small);
    const status = { t: "in", a: "out", b: "undecided" } as const;
    const marks = statusMarks(scene, (id) => status[id as keyof typeof status]);
    expect(marks.in).toContain("A");
    expect(marks.out).toMatch(/h.*v.*h.*Z/);
    expect((marks.undecided.match(/L/g) ?? []).length).toBe(3);
    expect(statusMarks(scene, () => undefined)).toEqual({ in: "", out: "", undecided: "" });
  });
});
