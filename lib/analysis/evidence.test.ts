import { describe, expect, it } from "vitest";
import { indexMap } from "../model/queries";
import type { Card } from "../model/schema";
import { evidenceWarnings } from "./evidence";
import { type FrameworkSpec, framework } from "./fixtures";
import { groundedLabelling } from "./grounded";

const FULL: Card = {
  id: "full",
  tag: "A complete card",
  quote: "The whole quote.",
  read: ["whole quote"],
  cite: { author: "A. Writer", date: "July 10, 2015", publication: "Example Weekly" },
};

function warnings(spec: FrameworkSpec, options: { since?: number } = {}) {
  const map = framework(spec);
  const index = indexMap(map);
  return evidenceWarnings(map, index, groundedLabelling(index), { pivotYear: 2026, ...options });
}

describe("evidence warnings", () => {
  it("flags claims with neither a card nor a standing support", () => {
    const found = warnings({
      claims: { t: "aff", s: "aff", r: "aff", carded: "aff", n: "neg" },
      supports: [
        ["s", "t"],
        ["r", "s"],
      ],
      attacks: [["n", "r"]],
      evidence: [FULL],
      claimCards: { carded: ["full"], n: ["full"] },
    });
    // t rests on s, which stands; s rests on r, which is refuted; r has nothing.
    expect(found.filter((w) => w.kind === "no-evidence")).toEqual([
      {
        kind: "no-evidence",
        id: "s",
        claimId: "s",
        message: "“S” has no card, and none of its supports stands",
      },
      { kind: "no-evidence", id: "r", claimId: "r", message: "“R” has no card and no support" },
    ]);
  });

  it("counts a card on a relation the claim starts as the claim's card", () => {
    const map = framework({ claims: { t: "aff", s: "aff" }, supports: [["s", "t"]], evidence: [FULL] });
    map.relations[0].evidence = ["full"];
    const index = indexMap(map);
    const found = evidenceWarnings(map, index, groundedLabelling(index));
    expect(found.map((w) => w.id)).toEqual([]);
  });

  it("flags cards missing author, date or source, and dates with no year", () => {
    const found = warnings({
      claims: { t: "aff" },
      claimCards: { t: ["bare", "no-author", "nd", "odd-date", "url-only"] },
      evidence: [
        { id: "bare", tag: "Bare", quote: "q" },
        { id: "no-author", tag: "No author", quote: "q", cite: { date: "2015", title: "Title only" } },
        { id: "nd", tag: "Undated", quote: "q", cite: { author: "W", date: "n.d.", publication: "P" } },
        {
          id: "odd-date",
          tag: "Odd",
          quote: "q",
          cite: { author: "W", date: "last summer", url: "https://e.org" },
        },
        {
          id: "url-only",
          tag: "Link",
          quote: "q",
          cite: { author: "W", date: "2015", url: "https://e.org" },
        },
      ],
    });
    expect(found.map((w) => [w.kind, w.id, w.message])).toEqual([
      ["incomplete-cite", "bare", "Card “Bare” has no author, date or source"],
      ["incomplete-cite", "no-author", "Card “No author” has no author or source"],
      ["incomplete-cite", "nd", "Card “Undated” has no date"],
      ["unreadable-date", "odd-date", "Card “Odd”: no year in the date “last summer”"],
    ]);
    expect(found.every((w) => w.claimId === "t")).toBe(true);
  });

  it("flags cards older than the chosen year, only when a year is chosen", () => {
    const spec: FrameworkSpec = {
      claims: { t: "aff" },
      claimCards: { t: ["old", "new", "short"] },
      evidence: [
        { ...FULL, id: "old", tag: "Old", cite: { ...FULL.cite, date: "7/10/2009" } },
        { ...FULL, id: "new", tag: "New", cite: { ...FULL.cite, date: "2010-01-01" } },
        { ...FULL, id: "short", tag: "Short", cite: { ...FULL.cite, date: "3/4/08" } },
      ],
    };
    expect(warnings(spec)).toEqual([]);
    expect(warnings(spec, { since: 2010 }).map((w) => [w.kind, w.id, w.message])).toEqual([
      ["old-card", "old", "Card “Old” is from 2009, before 2010"],
      ["old-card", "short", "Card “Short” is from 2008, before 2010"],
    ]);
  });

  it("flags read spans missing from their quote", () => {
    const found = warnings({
      claims: { t: "aff" },
      claimCards: { t: ["full"] },
      evidence: [{ ...FULL, read: ["whole quote", "not there"] }],
    });
    expect(found.map((w) => [w.kind, w.message])).toEqual([
      ["read-not-in-quote", "Card “A complete card”: the read span “not there” is not in its quote"],
    ]);
  });

  it("flags a card quoted for both sides, on claims or on their relations", () => {
    const map = framework({
      claims: { t: "aff", n: "neg", r: "aff" },
      attacks: [
        ["n", "t"],
        ["r", "n"],
      ],
      evidence: [FULL],
      claimCards: { t: ["full"] },
    });
    map.relations[0].evidence = ["full"];
    const index = indexMap(map);
    const found = evidenceWarnings(map, index, groundedLabelling(index));
    expect(found.filter((w) => w.kind === "card-both-sides")).toEqual([
      {
        kind: "card-both-sides",
        id: "full",
        claimId: "t",
        message: "Card “A complete card” is quoted for aff (“T”) and for neg (“N”)",
      },
    ]);
  });

  it("lists warnings grouped by kind; a card no claim quotes has no claim to show", () => {
    const found = warnings({
      claims: { t: "aff" },
      evidence: [{ id: "loose", tag: "Loose", quote: "q", read: ["x"] }],
    });
    expect(found.map((w) => w.kind)).toEqual(["no-evidence", "incomplete-cite", "read-not-in-quote"]);
    expect(found[1].claimId).toBeUndefined();
  });
});
