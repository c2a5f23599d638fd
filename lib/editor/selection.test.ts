import { describe, expect, it } from "vitest";
import type { ArgumentMap } from "../model/schema";
import { selectionAfter, selectionAfterRemote } from "./selection";

const base: ArgumentMap = {
  version: 1,
  title: "T",
  theses: ["a"],
  claims: [
    { id: "a", text: "A", side: "aff" },
    { id: "b", text: "B", side: "neg" },
  ],
  relations: [{ id: "b-attacks-a", from: "b", to: "a", type: "attack" }],
  evidence: [],
};
const asSupport: ArgumentMap = {
  ...base,
  relations: [{ id: "b-supports-a", from: "b", to: "a", type: "support" }],
};
const withoutB: ArgumentMap = { ...base, claims: [base.claims[0]], relations: [] };
const unlinked: ArgumentMap = { ...base, relations: [] };

describe("selectionAfter", () => {
  it("keeps a claim or relation that still exists", () => {
    expect(selectionAfter({ kind: "claim", id: "a" }, base, withoutB)).toEqual({ kind: "claim", id: "a" });
    expect(selectionAfter({ kind: "relation", id: "b-attacks-a" }, base, base)).toEqual({
      kind: "relation",
      id: "b-attacks-a",
    });
    expect(selectionAfter(null, base, withoutB)).toBeNull();
  });

  it("drops a claim that is gone", () => {
    expect(selectionAfter({ kind: "claim", id: "b" }, base, withoutB)).toBeNull();
  });

  it("follows a relation whose id changed with its type", () => {
    expect(selectionAfter({ kind: "relation", id: "b-attacks-a" }, base, asSupport)).toEqual({
      kind: "relation",
      id: "b-supports-a",
    });
  });

  it("falls back to the source claim of a relation that is gone, or to nothing", () => {
    expect(selectionAfter({ kind: "relation", id: "b-attacks-a" }, base, unlinked)).toEqual({
      kind: "claim",
      id: "b",
    });
    expect(selectionAfter({ kind: "relation", id: "b-attacks-a" }, base, withoutB)).toBeNull();
  });
});

describe("selectionAfterRemote", () => {
  it("moves from a claim deleted elsewhere to the claim it answered", () => {
    expect(selectionAfterRemote({ kind: "claim", id: "b" }, base, withoutB)).toEqual({
      kind: "claim",
      id: "a",
    });
    expect(selectionAfterRemote({ kind: "claim", id: "a" }, base, withoutB)).toEqual({
      kind: "claim",
      id: "a",
    });
    const empty: ArgumentMap = { ...base, theses: [], claims: [], relations: [] };
    expect(selectionAfterRemote({ kind: "claim", id: "b" }, base, empty)).toBeNull();
    expect(selectionAfterRemote({ kind: "claim", id: "a" }, base, empty)).toBeNull();
  });
});
