import { describe, expect, it } from "vitest";
import { edgeCurve } from "./edge-path";

describe("edgeCurve", () => {
  it("starts and ends at the handles", () => {
    const curve = edgeCurve({ x: 10, y: 200 }, "top", { x: 300, y: 40 }, "bottom");
    expect(curve.pointAt(0)).toEqual({ x: 10, y: 200 });
    expect(curve.pointAt(1)).toEqual({ x: 300, y: 40 });
    expect(curve.path.startsWith("M10,200 C")).toBe(true);
  });

  it("passes through the midpoint of its ends when the handles face each other", () => {
    for (const [a, b] of [
      ["top", "bottom"],
      ["right", "left"],
      ["left", "right"],
    ] as const) {
      const mid = edgeCurve({ x: 0, y: 0 }, a, { x: 120, y: -300 }, b).pointAt(0.5);
      expect(mid.x).toBeCloseTo(60);
      expect(mid.y).toBeCloseTo(-150);
    }
  });

  it("bends away from the source side first", () => {
    const curve = edgeCurve({ x: 0, y: 100 }, "top", { x: 0, y: 0 }, "bottom");
    expect(curve.pointAt(0.1).y).toBeLessThan(100);
  });
});
