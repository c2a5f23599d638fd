import { describe, expect, it } from "vitest";
import { measureClaimBoxes, NODE_STYLES, nodeBox } from "./node-style";

describe("nodeBox", () => {
  it("sizes a box around its wrapped text and gives the same box for the same text", () => {
    const text = "Russia's veto on the Security Council shields Iran from every new round of sanctions";
    const box = nodeBox("claim", text);
    expect(box.lines.length).toBeGreaterThan(1);
    expect(box.lines.join(" ")).toBe(text);
    expect(box.width).toBeGreaterThanOrEqual(NODE_STYLES.claim.minWidth);
    expect(nodeBox("claim", text)).toBe(box);
    // A thesis is set larger, so the same words make another box.
    expect(nodeBox("thesis", text)).not.toBe(box);
    expect(nodeBox("thesis", text).height).toBeGreaterThan(box.height);
  });
});

describe("measureClaimBoxes", () => {
  const map = {
    theses: ["t"],
    claims: [
      { id: "t", text: "A thesis measured ahead of time" },
      ...Array.from({ length: 9 }, (_, i) => ({ id: `c${i}`, text: `Claim number ${i} measured ahead` })),
    ],
  };

  it("stops when told, goes on from there, and ends at the number of claims", () => {
    let budget = 4;
    const first = measureClaimBoxes(map, 0, () => budget-- > 0);
    expect(first).toBe(4);
    const rest = measureClaimBoxes(map, first, () => true);
    expect(rest).toBe(map.claims.length);
    expect(measureClaimBoxes(map, rest, () => true)).toBe(map.claims.length);
  });
});
