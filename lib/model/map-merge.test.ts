import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addCard,
  addClaim,
  addThesis,
  attachCard,
  deleteClaim,
  EditError,
  updateCard,
  updateClaim,
} from "./edits";
import { diffMaps, merge3, mergeIdList } from "./map-merge";
import { applyRandomEdit, RANDOM_EDIT_TEXTS, type RandomEdit } from "./random-edits";
import type { ArgumentMap } from "./schema";
import { checkMap } from "./validate";

function base(): ArgumentMap {
  return {
    version: 1,
    slug: "m",
    title: "A map",
    theses: ["t"],
    claims: [
      { id: "t", text: "The thesis", side: "aff" },
      { id: "a", text: "An attack", side: "neg" },
      { id: "s", text: "A support", side: "aff", tags: ["x"] },
    ],
    relations: [
      { id: "a-attacks-t", from: "a", to: "t", type: "attack" },
      { id: "s-supports-t", from: "s", to: "t", type: "support" },
    ],
    evidence: [
      {
        id: "card-1",
        tag: "Card one",
        quote: "The quick brown fox.",
        cite: { author: "Katz", date: "2020" },
      },
      { id: "card-2", tag: "Card two", quote: "Another quote." },
    ],
  };
}

function merged(b: ArgumentMap, o: ArgumentMap, t: ArgumentMap): ArgumentMap {
  const result = merge3(b, o, t);
  if (!result.ok) throw new Error(`unexpected collisions: ${JSON.stringify(result.collisions)}`);
  expect(checkMap(result.map)).toEqual([]);
  return result.map;
}

function collisions(b: ArgumentMap, o: ArgumentMap, t: ArgumentMap): string[] {
  const result = merge3(b, o, t);
  if (result.ok) throw new Error("expected collisions");
  return result.collisions.map((c) => c.path);
}

describe("diffMaps", () => {
  it("names each changed field, and entities added or removed", () => {
    const b = base();
    let x = updateClaim(b, "a", { text: "Sharper" });
    x = addClaim(x, { text: "New one", relation: { type: "attack", to: "a" } }).map;
    x = updateCard(x, "card-1", { cite: { author: "Moreau", date: "2020" } });
    x = { ...x, title: "Renamed" };
    expect(diffMaps(b, x).map((c) => c.path)).toEqual([
      "title",
      "claims[a].text",
      "claims[new-one]",
      "relations[new-one-attacks-a]",
      "evidence[card-1].cite.author",
    ]);
    expect(diffMaps(b, structuredClone(b))).toEqual([]);
    const change = diffMaps(b, x).find((c) => c.path === "claims[a].text");
    expect(change).toEqual({ path: "claims[a].text", before: "An attack", after: "Sharper" });
  });

  it("notes a reordering of a list of entities", () => {
    const b = base();
    const x = { ...b, claims: [b.claims[0], b.claims[2], b.claims[1]] };
    expect(diffMaps(b, x).map((c) => c.path)).toEqual(["claims"]);
  });
});

describe("merge3", () => {
  it("keeps disjoint changes from both sides", () => {
    const b = base();
    const ours = addClaim(updateClaim(b, "a", { text: "Sharper attack" }), {
      text: "Ours answers a",
      relation: { type: "attack", to: "a" },
    }).map;
    const theirs = attachCard(
      addClaim(updateClaim(b, "a", { notes: "A note" }), {
        text: "Theirs answers a",
        relation: { type: "attack", to: "a" },
      }).map,
      "card-2",
      { kind: "relation", id: "a-attacks-t" },
    );
    const map = merged(b, ours, { ...theirs, title: "Their title" });
    expect(map.title).toBe("Their title");
    expect(map.claims.find((c) => c.id === "a")).toMatchObject({ text: "Sharper attack", notes: "A note" });
    expect(map.claims.map((c) => c.id)).toEqual(
      expect.arrayContaining(["ours-answers-a", "theirs-answers-a"]),
    );
    expect(map.relations.find((r) => r.id === "a-attacks-t")?.evidence).toEqual(["card-2"]);
    expect(map.relations).toHaveLength(4);
  });

  it("takes the same change made on both sides once", () => {
    const b = base();
    const x = addClaim(updateClaim(b, "a", { text: "Same" }), {
      text: "Same new",
      relation: { type: "attack", to: "t" },
    }).map;
    const y = addClaim(updateClaim(b, "a", { text: "Same" }), {
      text: "Same new",
      relation: { type: "attack", to: "t" },
    }).map;
    const map = merged(b, x, y);
    expect(map.claims.filter((c) => c.id === "same-new")).toHaveLength(1);
    expect(map).toEqual(x);
  });

  it("collides on one field changed two ways, naming it", () => {
    const b = base();
    const x = updateClaim(b, "a", { text: "Ours" });
    const y = updateClaim(b, "a", { text: "Theirs" });
    expect(collisions(b, x, y)).toEqual(["claims[a].text"]);
    const cx = updateCard(b, "card-1", { cite: { author: "Moreau", date: "2020" } });
    const cy = updateCard(b, "card-1", { cite: { author: "Sato", date: "2021" } });
    expect(collisions(b, cx, cy)).toEqual(["evidence[card-1].cite.author"]);
    expect(collisions(b, { ...b, title: "One" }, { ...b, title: "Two" })).toEqual(["title"]);
  });

  it("collides on a claim deleted on one side and changed on the other", () => {
    const b = base();
    const x = deleteClaim(b, "a", { withDescendants: false });
    const y = updateClaim(b, "a", { notes: "Still needed" });
    expect(collisions(b, x, y)).toEqual(["claims[a]"]);
    expect(collisions(b, y, x)).toEqual(["claims[a]"]);
    // Deleted on one side and left alone on the other: deleted.
    expect(merged(b, x, b).claims.map((c) => c.id)).toEqual(["t", "s"]);
    expect(merged(b, x, addThesis(b, { text: "Other", side: "neg" }).map).claims.map((c) => c.id)).toEqual([
      "t",
      "s",
      "other",
    ]);
  });

  it("collides when a rebuttal answers a claim the other side deleted", () => {
    const b = base();
    const x = deleteClaim(b, "a", { withDescendants: false });
    const y = addClaim(b, { text: "Rebuttal", relation: { type: "attack", to: "a" } }).map;
    expect(collisions(b, x, y)).toEqual(["relations[rebuttal-attacks-a].to"]);
  });

  it("merges lists of ids as sets, keeping order", () => {
    const b = base();
    const x = addThesis(b, { text: "Second", side: "neg" }).map;
    const y = addThesis(b, { text: "Third", side: "aff" }).map;
    expect(merged(b, x, y).theses).toEqual(["t", "second", "third"]);
    expect(merged(b, y, x).theses).toEqual(["t", "second", "third"]);
    const cx = attachCard(b, "card-1", { kind: "claim", id: "s" });
    const cy = attachCard(b, "card-2", { kind: "claim", id: "s" });
    expect(merged(b, cx, cy).claims.find((c) => c.id === "s")?.evidence).toEqual(["card-1", "card-2"]);
    expect(
      merged(b, updateClaim(b, "s", { tags: ["x", "y"] }), updateClaim(b, "s", { tags: [] })).claims[2].tags,
    ).toEqual(["y"]);
  });

  it("places ids added on each side after the item they follow", () => {
    expect(mergeIdList(["a", "b", "c"], ["a", "x", "b", "c"], ["a", "b", "y", "c"])).toEqual([
      "a",
      "x",
      "b",
      "y",
      "c",
    ]);
    expect(mergeIdList(["a", "b", "c"], ["a", "x", "c"], ["a", "b", "c", "y"])).toEqual(["a", "x", "c", "y"]);
    expect(mergeIdList(["a", "b"], ["b", "a"], ["a", "b", "z"])).toEqual(["b", "z", "a"]);
    expect(mergeIdList(["a"], ["p", "a"], ["q", "a"])).toEqual(["p", "q", "a"]);
    expect(mergeIdList(["a"], ["q", "a"], ["p", "a"])).toEqual(["p", "q", "a"]);
    expect(mergeIdList([], ["a"], ["a", "b"])).toEqual(["a", "b"]);
  });

  it("merges new cards from both sides", () => {
    const b = base();
    const x = addCard(b, { tag: "Ours card", quote: "q1" }, { kind: "claim", id: "a" }).map;
    const y = addCard(b, { tag: "Theirs card", quote: "q2" }, { kind: "claim", id: "a" }).map;
    const map = merged(b, x, y);
    expect(map.evidence.map((c) => c.id)).toEqual(["card-1", "card-2", "ours-card", "theirs-card"]);
    expect(map.claims.find((c) => c.id === "a")?.evidence).toEqual(["ours-card", "theirs-card"]);
  });
});

const edit = fc.record({
  kind: fc.nat(100),
  a: fc.nat(100),
  b: fc.nat(100),
  text: fc.constantFrom(...RANDOM_EDIT_TEXTS),
});

function edited(map: ArgumentMap, edits: readonly RandomEdit[]): ArgumentMap {
  let out = map;
  for (const e of edits) {
    try {
      out = applyRandomEdit(out, e);
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
    }
  }
  return out;
}

describe("merge3 properties", () => {
  const maps = fc
    .tuple(
      fc.array(edit, { maxLength: 6 }),
      fc.array(edit, { maxLength: 6 }),
      fc.array(edit, { maxLength: 6 }),
    )
    .map(([common, ours, theirs]) => {
      const b = edited(base(), common);
      return { b, x: edited(b, ours), y: edited(b, theirs) };
    });

  it("a side that changed nothing gives the other side", () => {
    fc.assert(
      fc.property(maps, ({ b, x, y }) => {
        expect(merge3(b, x, b)).toEqual({ ok: true, map: x });
        expect(merge3(b, b, y)).toEqual({ ok: true, map: y });
      }),
      { numRuns: 200 },
    );
  });

  it("disjoint changes merge the same either way round, into a valid map", () => {
    let mergedDisjoint = 0;
    fc.assert(
      fc.property(maps, ({ b, x, y }) => {
        const touched = new Set(diffMaps(b, x).map((c) => c.path));
        const disjoint = diffMaps(b, y).every((c) => !touched.has(c.path));
        const one = merge3(b, x, y);
        if (one.ok) expect(checkMap(one.map)).toEqual([]);
        if (!disjoint) return;
        const other = merge3(b, y, x);
        if (one.ok && diffMaps(b, x).length > 0 && diffMaps(b, y).length > 0) mergedDisjoint++;
        if (one.ok) expect(other).toEqual(one);
        else
          expect(other.ok ? [] : other.collisions.map((c) => c.path).sort()).toEqual(
            one.collisions.map((c) => c.path).sort(),
          );
      }),
      { numRuns: 300 },
    );
    // The property must have met real two-sided merges, not only trivial ones.
    expect(mergedDisjoint).toBeGreaterThan(30);
  });

  it("merging a change with itself gives that change", () => {
    fc.assert(
      fc.property(maps, ({ b, x }) => {
        expect(merge3(b, x, structuredClone(x))).toEqual({ ok: true, map: x });
      }),
      { numRuns: 100 },
    );
  });
});
