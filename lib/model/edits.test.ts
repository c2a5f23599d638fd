import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgumentSource } from "../formats/argument-file";
import {
  addCard,
  addClaim,
  addThesis,
  attachCard,
  cleanTags,
  connect,
  deleteCard,
  deleteClaim,
  deleteRelation,
  deletionPlan,
  detachCard,
  EditError,
  markReadSpan,
  spansInQuote,
  updateCard,
  updateClaim,
  updateRelation,
} from "./edits";
import { type ArgumentMap, argumentMapSchema } from "./schema";
import { checkMap } from "./validate";

function small(): ArgumentMap {
  return {
    version: 1,
    title: "Small",
    theses: ["t"],
    claims: [
      { id: "t", text: "Thesis", side: "aff" },
      { id: "a", text: "Attack on thesis", side: "neg" },
      { id: "b", text: "Answer to the attack", side: "aff" },
      { id: "s", text: "Support for thesis", side: "aff" },
      { id: "u", text: "Undercut of the support", side: "neg" },
    ],
    relations: [
      { id: "a-attacks-t", from: "a", to: "t", type: "attack" },
      { id: "b-attacks-a", from: "b", to: "a", type: "attack" },
      { id: "s-supports-t", from: "s", to: "t", type: "support", evidence: ["card-1"] },
      { id: "u-attacks-s-supports-t", from: "u", to: "s-supports-t", type: "attack" },
    ],
    evidence: [{ id: "card-1", tag: "Card one", quote: "The quick brown fox jumps over the lazy dog." }],
  };
}

function bundled(): ArgumentMap {
  const file = path.resolve("arguments", "russia-iran.yaml");
  const parsed = parseArgumentSource(readFileSync(file, "utf8"), "russia-iran.yaml", { slug: "russia-iran" });
  if (!parsed.ok) throw new Error("bundled map does not parse");
  return parsed.value.map;
}

/** Every edit result must be a map the server would accept. */
function expectValid(map: ArgumentMap): void {
  expect(checkMap(map)).toEqual([]);
  expect(argumentMapSchema.safeParse(map).success).toBe(true);
}

function frozen(map: ArgumentMap): ArgumentMap {
  return JSON.parse(JSON.stringify(map)) as ArgumentMap;
}

describe("edits never mutate their input", () => {
  it("leaves the original map untouched by a sequence of edits", () => {
    const map = small();
    const before = frozen(map);
    const a = addClaim(map, { text: "New", relation: { type: "attack", to: "b" } });
    updateClaim(map, "a", { text: "Changed" });
    deleteClaim(map, "a", { withDescendants: true });
    updateRelation(map, "a-attacks-t", { type: "support" });
    addCard(map, { tag: "T", quote: "Q" }, { kind: "claim", id: "t" });
    updateCard(map, "card-1", { read: ["quick brown"] });
    deleteCard(map, "card-1");
    expect(map).toEqual(before);
    expectValid(a.map);
  });
});

describe("addThesis", () => {
  it("adds a root claim with a readable id and lists it as a thesis", () => {
    const { map, id } = addThesis(small(), { text: "  Sanctions work  ", side: "neg" });
    expect(id).toBe("sanctions-work");
    expect(map.theses).toEqual(["t", "sanctions-work"]);
    expect(map.claims.at(-1)).toEqual({ id, text: "Sanctions work", side: "neg" });
    expectValid(map);
  });

  it("makes ids unique against claims and relations alike", () => {
    const { id } = addThesis(small(), { text: "A attacks T", side: "aff" });
    expect(id).toBe("a-attacks-t-2");
  });

  it("refuses empty text", () => {
    expect(() => addThesis(small(), { text: "   ", side: "aff" })).toThrow(EditError);
  });
});

describe("addClaim", () => {
  it("adds a rebuttal: an attack on a claim, on the opposite side", () => {
    const { map, claimId, relationId } = addClaim(small(), {
      text: "Rebuttal to the answer",
      relation: { type: "attack", to: "b" },
    });
    expect(claimId).toBe("rebuttal-to-the-answer");
    expect(relationId).toBe("rebuttal-to-the-answer-attacks-b");
    expect(map.claims.find((c) => c.id === claimId)?.side).toBe("neg");
    expect(map.relations.at(-1)).toEqual({ id: relationId, from: claimId, to: "b", type: "attack" });
    expectValid(map);
  });

  it("adds a support on the target's side", () => {
    const { map, claimId } = addClaim(small(), { text: "More", relation: { type: "support", to: "a" } });
    expect(map.claims.find((c) => c.id === claimId)?.side).toBe("neg");
    expectValid(map);
  });

  it("keeps a side given explicitly (a counterclaim)", () => {
    const { map, claimId } = addClaim(small(), {
      text: "Counter",
      side: "aff",
      relation: { type: "attack", to: "b" },
    });
    expect(map.claims.find((c) => c.id === claimId)?.side).toBe("aff");
    expectValid(map);
  });

  it("adds an undercut opposing the attacked relation's source", () => {
    const { map, claimId, relationId } = addClaim(small(), {
      text: "Irrelevant",
      relation: { type: "attack", to: "a-attacks-t" },
    });
    expect(relationId).toBe("irrelevant-attacks-a-attacks-t");
    expect(map.claims.find((c) => c.id === claimId)?.side).toBe("aff");
    expectValid(map);
  });

  it("gives an explicit short id when the derived relation id would be too long", () => {
    const long = "y".repeat(115);
    const map = small();
    const start: ArgumentMap = {
      ...map,
      claims: [...map.claims, { id: long, text: "Long id", side: "aff" }],
      relations: [...map.relations, { id: `${long}-supports-t`, from: long, to: "t", type: "support" }],
    };
    const { map: next, relationId } = addClaim(start, {
      text: "Z",
      relation: { type: "attack", to: `${long}-supports-t` },
    });
    expect(relationId).not.toBe(`z-attacks-${long}-supports-t`);
    expect(relationId.length).toBeLessThanOrEqual(128);
    expectValid(next);
  });

  it("refuses a support aimed at a relation, an unknown target and empty text", () => {
    const map = small();
    expect(() => addClaim(map, { text: "x", relation: { type: "support", to: "a-attacks-t" } })).toThrow(
      /Only an attack/,
    );
    expect(() => addClaim(map, { text: "x", relation: { type: "attack", to: "nope" } })).toThrow(
      /no claim or relation "nope"/,
    );
    expect(() => addClaim(map, { text: "", relation: { type: "attack", to: "t" } })).toThrow(EditError);
  });

  it("adds a rebuttal to the bundled map", () => {
    const map = bundled();
    const { map: next } = addClaim(map, {
      text: "Russia's leverage is overstated",
      relation: { type: "attack", to: "russia-key" },
    });
    expect(next.claims).toHaveLength(map.claims.length + 1);
    expectValid(next);
  });
});

describe("updateClaim", () => {
  it("changes text, side, tags and notes; empty tags and notes are removed", () => {
    let map = updateClaim(small(), "a", {
      text: "New text",
      side: "aff",
      tags: [" x ", "", "x", "y"],
      notes: "n",
    });
    expect(map.claims[1]).toEqual({ id: "a", text: "New text", side: "aff", tags: ["x", "y"], notes: "n" });
    map = updateClaim(map, "a", { tags: [], notes: "  " });
    expect(map.claims[1]).toEqual({ id: "a", text: "New text", side: "aff" });
    expectValid(map);
  });

  it("refuses an unknown claim and empty text", () => {
    expect(() => updateClaim(small(), "zz", { text: "x" })).toThrow(/no claim "zz"/);
    expect(() => updateClaim(small(), "a", { text: " " })).toThrow(EditError);
  });
});

describe("deleteClaim", () => {
  it("removes the claim, its relations both ways and undercuts of removed relations", () => {
    const plan = deletionPlan(small(), "s", false);
    expect(plan).toEqual({
      claims: [],
      relations: ["s-supports-t", "u-attacks-s-supports-t"],
      thesis: false,
    });
    const map = deleteClaim(small(), "s", { withDescendants: false });
    expect(map.claims.map((c) => c.id)).toEqual(["t", "a", "b", "u"]);
    expect(map.relations.map((r) => r.id)).toEqual(["a-attacks-t", "b-attacks-a"]);
    expect(map.evidence).toHaveLength(1);
    expectValid(map);
  });

  it("takes descendants only when asked, and keeps those that answer something else", () => {
    let map = small();
    map = connect(map, { from: "b", to: "s", type: "support" }).map;
    expect(deletionPlan(map, "a", true).claims).toEqual([]);
    map = deleteRelation(map, "b-supports-s");
    expect(deletionPlan(map, "a", false).claims).toEqual([]);
    expect(deletionPlan(map, "a", true).claims).toEqual(["b"]);
    const after = deleteClaim(map, "a", { withDescendants: true });
    expect(after.claims.map((c) => c.id)).toEqual(["t", "s", "u"]);
    expectValid(after);
  });

  it("removes a deleted thesis from the theses but never deletes other theses as descendants", () => {
    const map = bundled();
    const plan = deletionPlan(map, "russia-key", true);
    expect(plan.thesis).toBe(true);
    expect(plan.claims).not.toContain("decoupling-possible");
    const after = deleteClaim(map, "russia-key", { withDescendants: true });
    expect(after.theses).toEqual(["decoupling-possible"]);
    expect(after.claims.some((c) => c.id === "no-isolation-without-russia")).toBe(false);
    expectValid(after);
  });

  it("refuses an unknown claim", () => {
    expect(() => deleteClaim(small(), "zz", { withDescendants: false })).toThrow(EditError);
  });
});

describe("connect", () => {
  it("joins two claims with a derived relation id, cycles included", () => {
    const { map, relationId } = connect(small(), { from: "t", to: "b", type: "attack" });
    expect(relationId).toBe("t-attacks-b");
    expectValid(map);
  });

  it("undercuts a relation from another claim", () => {
    const { map } = connect(small(), { from: "b", to: "s-supports-t", type: "attack" });
    expectValid(map);
  });

  it("refuses duplicates, self-relations, supports to relations and undercuts of one's own relation", () => {
    const map = small();
    expect(() => connect(map, { from: "a", to: "t", type: "support" })).toThrow(/already attacks/);
    expect(() => connect(map, { from: "a", to: "a", type: "attack" })).toThrow(/cannot attack itself/);
    expect(() => connect(map, { from: "b", to: "a-attacks-t", type: "support" })).toThrow(/Only an attack/);
    expect(() => connect(map, { from: "a", to: "a-attacks-t", type: "attack" })).toThrow(/own relation/);
    expect(() => connect(map, { from: "zz", to: "t", type: "attack" })).toThrow(/no claim "zz"/);
  });
});

describe("updateRelation", () => {
  it("re-derives a derived id, moves undercuts along and lets a derived side follow", () => {
    const { map, relationId } = updateRelation(small(), "s-supports-t", { type: "attack" });
    expect(relationId).toBe("s-attacks-t");
    expect(map.relations.find((r) => r.id === "u-attacks-s-supports-t")?.to).toBe("s-attacks-t");
    expect(map.relations.find((r) => r.id === relationId)?.evidence).toEqual(["card-1"]);
    expect(map.claims.find((c) => c.id === "s")?.side).toBe("neg");
    expectValid(map);
  });

  it("keeps an explicit id and a side that was set by hand", () => {
    const start = small();
    start.relations[1] = { ...start.relations[1], id: "answer" };
    start.claims[2] = { ...start.claims[2], side: "neg" };
    const { map, relationId } = updateRelation(start, "answer", { type: "support" });
    expect(relationId).toBe("answer");
    expect(map.relations[1]).toMatchObject({ id: "answer", type: "support" });
    expect(map.claims[2].side).toBe("neg");
    expectValid(map);
  });

  it("returns the same map when the type does not change", () => {
    const map = small();
    expect(updateRelation(map, "a-attacks-t", { type: "attack" }).map).toBe(map);
  });

  it("refuses turning an undercut into a support, and unknown relations", () => {
    expect(() => updateRelation(small(), "u-attacks-s-supports-t", { type: "support" })).toThrow(EditError);
    expect(() => updateRelation(small(), "nope", { type: "support" })).toThrow(/no relation "nope"/);
  });
});

describe("deleteRelation", () => {
  it("removes the relation and undercuts aimed at it, keeping both claims", () => {
    const map = deleteRelation(small(), "s-supports-t");
    expect(map.relations.map((r) => r.id)).toEqual(["a-attacks-t", "b-attacks-a"]);
    expect(map.claims).toHaveLength(5);
    expectValid(map);
  });

  it("refuses an unknown relation", () => {
    expect(() => deleteRelation(small(), "t")).toThrow(EditError);
  });
});

describe("cards", () => {
  it("adds a card with cleaned cite fields and attaches it", () => {
    const { map, cardId } = addCard(
      small(),
      {
        tag: "Sanctions bite",
        quote: "Sanctions bite hard, economists say.",
        read: ["economists say", "Sanctions bite"],
        cite: { author: " Smith ", title: "", url: "https://example.org/a" },
      },
      { kind: "claim", id: "a" },
    );
    expect(cardId).toBe("sanctions-bite");
    expect(map.evidence.at(-1)).toEqual({
      id: cardId,
      tag: "Sanctions bite",
      quote: "Sanctions bite hard, economists say.",
      read: ["Sanctions bite", "economists say"],
      cite: { author: "Smith", url: "https://example.org/a" },
    });
    expect(map.claims[1].evidence).toEqual([cardId]);
    expectValid(map);
  });

  it("refuses a non-http link, a read span outside the quote and an empty tag", () => {
    const map = small();
    expect(() => addCard(map, { tag: "t", quote: "q", cite: { url: "javascript:alert(1)" } })).toThrow(
      /http/,
    );
    expect(() => addCard(map, { tag: "t", quote: "q", read: ["zz"] })).toThrow(/does not occur/);
    expect(() => addCard(map, { tag: " ", quote: "q" })).toThrow(EditError);
    expect(() => addCard(map, { tag: "t", quote: "q" }, { kind: "relation", id: "zz" })).toThrow(
      /no relation/,
    );
  });

  it("updates a card, dropping read spans a new quote no longer holds, and removes a cite with null", () => {
    let map = updateCard(small(), "card-1", { read: ["quick brown"] });
    map = updateCard(map, "card-1", { cite: { author: "A" } });
    map = updateCard(map, "card-1", { tag: "Renamed", quote: "A slow fox." });
    expect(map.evidence[0]).toEqual({
      id: "card-1",
      tag: "Renamed",
      quote: "A slow fox.",
      cite: { author: "A" },
    });
    map = updateCard(map, "card-1", { cite: null, read: ["slow"] });
    expect(map.evidence[0]).toEqual({ id: "card-1", tag: "Renamed", quote: "A slow fox.", read: ["slow"] });
    expectValid(map);
    expect(() => updateCard(map, "nope", { tag: "x" })).toThrow(EditError);
  });

  it("attaches and detaches a card on claims and relations", () => {
    let map = attachCard(small(), "card-1", { kind: "claim", id: "t" });
    map = attachCard(map, "card-1", { kind: "relation", id: "a-attacks-t" });
    expect(map.claims[0].evidence).toEqual(["card-1"]);
    expect(map.relations[0].evidence).toEqual(["card-1"]);
    expectValid(map);
    expect(() => attachCard(map, "card-1", { kind: "claim", id: "t" })).toThrow(/already attached/);
    expect(() => attachCard(map, "nope", { kind: "claim", id: "t" })).toThrow(/no card/);
    map = detachCard(map, "card-1", { kind: "claim", id: "t" });
    expect(map.claims[0]).not.toHaveProperty("evidence");
    expectValid(map);
    expect(() => detachCard(map, "card-1", { kind: "claim", id: "t" })).toThrow(/not attached/);
  });

  it("deletes a card and detaches it everywhere", () => {
    let map = attachCard(small(), "card-1", { kind: "claim", id: "t" });
    map = deleteCard(map, "card-1");
    expect(map.evidence).toEqual([]);
    expect(map.claims[0]).not.toHaveProperty("evidence");
    expect(map.relations[2]).not.toHaveProperty("evidence");
    expectValid(map);
    expect(() => deleteCard(map, "card-1")).toThrow(EditError);
  });

  it("deletes a card shared by several claims in the bundled map", () => {
    const map = deleteCard(bundled(), "card-p5-compromise");
    expect(JSON.stringify(map)).not.toContain("card-p5-compromise");
    expectValid(map);
  });
});

describe("read spans", () => {
  const QUOTE = "Russia will not join sanctions. Iran depends on Russian arms and reactors.";

  it("marks a selection by text or offsets, trimmed, merging covered spans in quote order", () => {
    let read = markReadSpan(QUOTE, [], "Iran depends");
    read = markReadSpan(QUOTE, read, { start: 0, end: 7 });
    expect(read).toEqual(["Russia", "Iran depends"]);
    read = markReadSpan(QUOTE, read, " Russia will ");
    expect(read).toEqual(["Russia will", "Iran depends"]);
    expect(markReadSpan(QUOTE, read, "will")).toEqual(read);
  });

  it("accepts a selection made backwards", () => {
    expect(markReadSpan(QUOTE, [], { start: 11, end: 0 })).toEqual(["Russia will"]);
  });

  it("refuses spans outside the quote and empty or blank selections", () => {
    expect(() => markReadSpan(QUOTE, [], "cat")).toThrow(/does not occur/);
    expect(() => markReadSpan(QUOTE, [], { start: 5, end: 500 })).toThrow(EditError);
    expect(() => markReadSpan(QUOTE, [], { start: 5, end: 5 })).toThrow(/Select some text/);
    expect(() => markReadSpan("a   b", [], { start: 1, end: 4 })).toThrow(/Select some text/);
  });

  it("keeps only the spans an edited quote still holds, in quote order", () => {
    expect(spansInQuote("Iran depends on Russia", ["Russia", "sanctions", "Iran"])).toEqual([
      "Iran",
      "Russia",
    ]);
  });
});

describe("cleanTags", () => {
  it("trims tags and drops empties and repeats", () => {
    expect(cleanTags([" sanctions", "energy ", "", "sanctions", "  "])).toEqual(["sanctions", "energy"]);
  });
});
