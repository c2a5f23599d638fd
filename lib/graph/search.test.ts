import { describe, expect, it } from "vitest";
import { indexMap } from "../model/queries";
import type { ArgumentMap } from "../model/schema";
import { foldText, matchPlaces, searchClaims, searchPieces } from "./search";

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

describe("searchPieces", () => {
  const hits = (text: string, query: string) =>
    searchPieces(text, query)
      .filter((p) => p.hit)
      .map((p) => p.text);

  it("marks every occurrence of every word, without case or accents", () => {
    expect(hits("Russia built Bushehr; bushehr runs", "BUSHEHR")).toEqual(["Bushehr", "bushehr"]);
    expect(hits("Élise Roy wrote", "elise roy")).toEqual(["Élise", "Roy"]);
    expect(hits("an épée", "epee")).toEqual(["épée"]);
  });

  it("keeps the text whole, joining overlapping hits", () => {
    const pieces = searchPieces("nuclear deal", "clear nuc");
    expect(pieces.map((p) => p.text).join("")).toBe("nuclear deal");
    expect(pieces).toEqual([
      { text: "nuclear", hit: true },
      { text: " deal", hit: false },
    ]);
  });

  it("marks nothing for an empty search or a word that is not there", () => {
    expect(searchPieces("Russia", "  ")).toEqual([{ text: "Russia", hit: false }]);
    expect(hits("Russia", "iran")).toEqual([]);
  });

  it("maps hits back across characters that fold to several letters", () => {
    expect(hits("ﬁnal ﬁx", "fix")).toEqual(["ﬁx"]);
    expect(hits("a 😀 smile", "smile")).toEqual(["smile"]);
  });
});

describe("matchPlaces", () => {
  it("names where a claim's match was found", () => {
    const index = indexMap(map);
    expect(matchPlaces(index, "b", "bushehr")).toEqual(["a card"]);
    expect(matchPlaces(index, "b", "energy reactor")).toEqual(["the claim", "its tags"]);
    expect(matchPlaces(index, "c", "")).toEqual([]);
  });
});
