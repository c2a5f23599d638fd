import { describe, expect, it } from "vitest";
import { atLeast, minimapFrame, pointOnMap, rectOnMinimap, viewInMap } from "./minimap";

describe("the picture minimap's geometry", () => {
  it("fits a wide map to the minimap's width and centres it across", () => {
    const frame = minimapFrame(4000, 1000, 200, 150, 4);
    expect(frame.scale).toBeCloseTo(192 / 4000);
    const map = rectOnMinimap(frame, { x: 0, y: 0, width: 4000, height: 1000 });
    expect(map.x).toBeCloseTo(4);
    expect(map.x + map.width).toBeCloseTo(196);
    expect(map.y + map.height / 2).toBeCloseTo(75);
  });

  it("fits a tall map to the minimap's height", () => {
    const frame = minimapFrame(500, 10_000, 200, 150, 4);
    const map = rectOnMinimap(frame, { x: 0, y: 0, width: 500, height: 10_000 });
    expect(map.y).toBeCloseTo(4);
    expect(map.y + map.height).toBeCloseTo(146);
    expect(map.x + map.width / 2).toBeCloseTo(100);
  });

  it("turns a minimap pixel back into the map point drawn there", () => {
    const frame = minimapFrame(3000, 2000, 200, 150);
    const on = rectOnMinimap(frame, { x: 1234, y: 567, width: 0, height: 0 });
    const back = pointOnMap(frame, on.x, on.y);
    expect(back.x).toBeCloseTo(1234);
    expect(back.y).toBeCloseTo(567);
  });

  it("reads the part of the map in view from the transform", () => {
    expect(viewInMap([-800, -400, 2], 1000, 600)).toEqual({ x: 400, y: 200, width: 500, height: 300 });
    expect(viewInMap([100, 50, 0.5], 1000, 600)).toEqual({ x: -200, y: -100, width: 2000, height: 1200 });
  });

  it("grows a tiny view marker about its centre so it stays visible", () => {
    expect(atLeast({ x: 10, y: 20, width: 2, height: 1 }, 6)).toEqual({ x: 8, y: 17.5, width: 6, height: 6 });
    expect(atLeast({ x: 10, y: 20, width: 40, height: 30 }, 6)).toEqual({
      x: 10,
      y: 20,
      width: 40,
      height: 30,
    });
  });

  it("never divides by zero for an empty map", () => {
    const frame = minimapFrame(0, 0, 200, 150);
    expect(Number.isFinite(frame.scale)).toBe(true);
  });
});
