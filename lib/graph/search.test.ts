import { describe, expect, it } from "vitest";
import { indexMap } from "../model/queries";
import type { ArgumentMap } from "../model/schema";
import { foldText, searchClaims } from "./search";

const map: ArgumentMap = {
  version: 1,
  title: "t",
  theses: ["a"],
  claims: [
    { id: "a", text: "Russia is key", side: "aff" },
    { id: "b", text: "Iran needs the reactor", side: "aff", tags: ["energy"] },
    { id: "c", text: "Something else", side: "neg" },
  ],
  relations: [
    { id: "b-s-a", from: "b", to: "a", type: "support", evidence: ["card"] },
    { id: "c-a-a", from: "c", to: "a", type: "attack" },
  ],
  evidence: [{ id: "card", tag: "Supplier", quote: "Russia built Bushehr", cite: { author: "Élise Roy" } }],
};

describe("searchClaims", () => {
  const index = indexMap(map);
  const order = ["a", "b", "c"];

  it("finds claims by their text, ignoring case and accents", () => {
    expect(searchClaims(index, order, "RUSSIA KEY")).toEqual(["a"]);
    expect(searchClaims(index, order, "elise")).toEqual(["b"]);
  });

  it("finds claims through the quote, tag and cite of their cards and their own tags", () => {
    expect(searchClaims(index, order, "bushehr")).toEqual(["b"]);
    expect(searchClaims(index, order, "energy")).toEqual(["b"]);
  });

  it("needs every word, keeps the given order and finds nothing for an empty query", () => {
    expect(searchClaims(index, ["c", "b", "a"], "e")).toEqual(["c", "b", "a"]);
    expect(searchClaims(index, order, "russia reactor")).toEqual(["b"]);
    expect(searchClaims(index, order, "  ")).toEqual([]);
  });

  it("folds text", () => {
    expect(foldText("Épée")).toBe("epee");
  });
});
