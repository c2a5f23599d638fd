import { describe, expect, it } from "vitest";
import { indexMap } from "../model/queries";
import type { ArgumentMap } from "../model/schema";
import { buildClaimTree, treeOrder } from "./tree";

const map: ArgumentMap = {
  version: 1,
  title: "Tree",
  theses: ["t"],
  claims: [
    { id: "t", text: "Thesis", side: "aff" },
    { id: "a", text: "A", side: "aff" },
    { id: "b", text: "B", side: "neg" },
    { id: "c", text: "C", side: "aff" },
  ],
  relations: [
    { id: "a-supports-t", from: "a", to: "t", type: "support" },
    { id: "b-attacks-t", from: "b", to: "t", type: "attack" },
    { id: "c-attacks-b", from: "c", to: "b", type: "attack" },
  ],
  evidence: [],
};

describe("buildClaimTree", () => {
  it("hangs each claim under its first target and reads the tree depth first", () => {
    const tree = buildClaimTree(map);
    expect(tree.roots).toEqual(["t"]);
    expect(tree.children.get("t")).toEqual(["a", "b"]);
    expect(tree.parent.get("c")).toBe("b");
    expect(treeOrder(tree)).toEqual(["t", "a", "b", "c"]);
  });

  it("uses an index the caller already built instead of indexing the map again", () => {
    const index = indexMap(map);
    const tree = buildClaimTree(map, index);
    expect(tree.index).toBe(index);
    expect(tree.children).toEqual(buildClaimTree(map).children);
  });
});
