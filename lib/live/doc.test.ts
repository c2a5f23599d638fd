import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { generateMap } from "../bench/generate";
import {
  addCard,
  addClaim,
  addThesis,
  attachCard,
  connect,
  deleteCard,
  deleteClaim,
  deleteRelation,
  detachCard,
  EditError,
  updateCard,
  updateClaim,
  updateRelation,
} from "../model/edits";
import { applyRandomEdit, RANDOM_EDIT_TEXTS, type RandomEdit } from "../model/random-edits";
import { type ArgumentMap, argumentMapSchema } from "../model/schema";
import { checkMap } from "../model/validate";
import { readStoredMap } from "../storage/maps";
import {
  isMapDocEmpty,
  LIVE_PATH,
  loadMapIntoDoc,
  mapDocName,
  parseDocName,
  presentDocName,
  readMapFromDoc,
  writeMapChange,
} from "./doc";

async function bundled(): Promise<ArgumentMap> {
  const stored = await readStoredMap(path.resolve("arguments", "russia-iran.yaml"));
  if (!stored.ok) throw new Error("russia-iran.yaml does not load");
  return stored.map;
}

function small(): ArgumentMap {
  return {
    version: 1,
    slug: "small",
    title: "Small map",
    theses: ["t"],
    claims: [
      { id: "t", text: "The thesis", side: "aff" },
      { id: "a", text: "An attack", side: "neg" },
      { id: "s", text: "A support", side: "aff" },
    ],
    relations: [
      { id: "a-attacks-t", from: "a", to: "t", type: "attack" },
      { id: "s-supports-t", from: "s", to: "t", type: "support" },
    ],
    evidence: [
      { id: "card-1", tag: "Card one", quote: "The quick brown fox jumps over the lazy dog." },
      { id: "card-2", tag: "Card two", quote: "Another quote entirely." },
    ],
  };
}

function loaded(map: ArgumentMap): Y.Doc {
  const doc = new Y.Doc();
  loadMapIntoDoc(doc, map);
  return doc;
}

/** Two docs that start from the same map, as two pages of one live map do. */
function replicas(map: ArgumentMap): [Y.Doc, Y.Doc] {
  const a = loaded(map);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}

/** Sends each doc what the other lacks. */
function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

/** Applies a pure edit to a doc the way a page does: read, edit, write the difference. */
function edit(doc: Y.Doc, change: (map: ArgumentMap) => ArgumentMap): ArgumentMap {
  const before = readMapFromDoc(doc);
  const after = change(before);
  writeMapChange(doc, before, after);
  return after;
}

function expectValid(map: ArgumentMap): void {
  expect(checkMap(map)).toEqual([]);
  expect(argumentMapSchema.safeParse(map).success).toBe(true);
}

describe("doc names", () => {
  it("names and parses map and presentation docs", () => {
    expect(LIVE_PATH).toBe("/collab");
    expect(mapDocName("russia-iran")).toBe("map:russia-iran");
    expect(presentDocName("russia-iran")).toBe("present:russia-iran");
    expect(parseDocName("map:russia-iran")).toEqual({ kind: "map", slug: "russia-iran" });
    expect(parseDocName("present:a1")).toEqual({ kind: "present", slug: "a1" });
    for (const bad of ["russia-iran", "map:", "map:../etc", "map:A", "other:x", "present:a b", ""]) {
      expect(parseDocName(bad)).toBeUndefined();
    }
  });
});

describe("map ⇄ doc", () => {
  it("reads back the bundled map exactly", async () => {
    const map = await bundled();
    const doc = loaded(map);
    expect(isMapDocEmpty(doc)).toBe(false);
    expect(readMapFromDoc(doc)).toEqual(map);
  });

  it("reads back generated maps exactly", () => {
    for (const [claims, seed] of [
      [30, 1],
      [300, 7],
      [2000, 3],
    ]) {
      const map = generateMap({ claims, seed });
      expect(readMapFromDoc(loaded(map))).toEqual(map);
    }
  });

  it("keeps optional parts: presentation, empty lists, cites, tags, notes", () => {
    const map: ArgumentMap = {
      ...small(),
      resolution: "Resolved: things",
      description: "About things",
      tags: ["x", "y"],
      presentation: [],
      claims: [
        { id: "t", text: "The thesis", side: "aff", notes: "note", tags: ["one"], evidence: [] },
        { id: "a", text: "An attack", side: "neg", evidence: ["card-2", "card-1"] },
        { id: "s", text: "A support", side: "aff" },
      ],
      evidence: [
        {
          id: "card-1",
          tag: "Card one",
          quote: "The quick brown fox jumps over the lazy dog.",
          read: ["quick brown fox"],
          cite: { author: "Katz", date: "2024", url: "https://example.org/x" },
        },
        { id: "card-2", tag: "Card two", quote: "Another quote entirely.", cite: {} },
      ],
    };
    expect(readMapFromDoc(loaded(map))).toEqual(map);
  });

  it("an empty doc is empty and reads as a valid map", () => {
    const doc = new Y.Doc();
    expect(isMapDocEmpty(doc)).toBe(true);
    const map = readMapFromDoc(doc);
    expectValid(map);
    expect(map.claims).toEqual([]);
  });

  it("loads deterministically: two loads of one map merge into one copy", async () => {
    const map = await bundled();
    const a = loaded(map);
    const b = loaded(map);
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
    sync(a, b);
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
    expect(readMapFromDoc(a)).toEqual(map);
    expect(readMapFromDoc(b)).toEqual(map);
    expect(a.getArray("claimOrder").length).toBe(map.claims.length);
    expect(a.getArray("theses").length).toBe(map.theses.length);
  });

  it("loads the same items into an empty doc as into one that already holds something, and keeps the doc's own id", async () => {
    const map = await bundled();
    const empty = new Y.Doc();
    const own = empty.clientID;
    loadMapIntoDoc(empty, map);
    expect(empty.clientID).toBe(own);
    const busy = new Y.Doc();
    busy.getMap("elsewhere").set("note", 1);
    loadMapIntoDoc(busy, map);
    // The map's items have one author (the map's hash) and the same clocks in both docs.
    const authors = (doc: Y.Doc) =>
      [...Y.decodeStateVector(Y.encodeStateVector(doc))].filter(([id]) => id !== busy.clientID);
    expect(authors(empty)).toEqual(authors(busy));
    expect(authors(empty)).toHaveLength(1);
    sync(empty, busy);
    expect(readMapFromDoc(empty)).toEqual(map);
    expect(empty.getArray("claimOrder").length).toBe(map.claims.length);
    // Later writes on the loaded doc are its own, not the map's author's.
    edit(empty, (m) => ({ ...m, title: "Renamed" }));
    expect(Y.decodeStateVector(Y.encodeStateVector(empty)).has(own)).toBe(true);
  });

  it("two different maps load with different authors", () => {
    const a = loaded(small());
    const b = loaded({ ...small(), title: "Another" });
    expect(Y.encodeStateVector(a)).not.toEqual(Y.encodeStateVector(b));
  });

  it("writes only what changed, and nothing when nothing did", () => {
    const doc = loaded(small());
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    const map = readMapFromDoc(doc);
    writeMapChange(doc, map, map);
    writeMapChange(doc, map, structuredClone(map));
    expect(updates).toEqual([]);
    const origins: unknown[] = [];
    doc.on("afterTransaction", (t: Y.Transaction) => origins.push(t.origin));
    edit(doc, (m) => updateClaim(m, "a", { text: "A sharper attack" }));
    expect(updates).toHaveLength(1);
    // One changed field is a small update, not a copy of the claim.
    expect(updates[0].length).toBeLessThan(80);
    const next = readMapFromDoc(doc);
    writeMapChange(doc, next, updateClaim(next, "t", { notes: "n" }), "me");
    expect(origins.at(-1)).toBe("me");
  });

  it("follows every pure edit", () => {
    const doc = loaded(small());
    let map = readMapFromDoc(doc);
    const steps: ((m: ArgumentMap) => ArgumentMap)[] = [
      (m) => addThesis(m, { text: "Second thesis", side: "neg" }).map,
      (m) => addClaim(m, { text: "Answer to a", relation: { type: "attack", to: "a" } }).map,
      (m) => addClaim(m, { text: "Undercut", relation: { type: "attack", to: "s-supports-t" } }).map,
      (m) => updateClaim(m, "t", { tags: ["k"], notes: "hello" }),
      (m) => updateRelation(m, "s-supports-t", { type: "attack" }).map,
      (m) => connect(m, { from: "a", to: "second-thesis", type: "support" }).map,
      (m) => attachCard(m, "card-1", { kind: "claim", id: "t" }),
      (m) => attachCard(m, "card-2", { kind: "relation", id: "a-attacks-t" }),
      (m) =>
        updateCard(m, "card-1", { read: ["lazy dog"], cite: { author: "Moreau", url: "https://a.example" } }),
      (m) => updateCard(m, "card-1", { cite: { author: "Moreau" } }),
      (m) => detachCard(m, "card-1", { kind: "claim", id: "t" }),
      (m) => addCard(m, { tag: "New card", quote: "q" }, { kind: "claim", id: "a" }).map,
      (m) => ({ ...m, presentation: ["a", "t"] }),
      (m) => ({ ...m, presentation: ["t", "a"], theses: [...m.theses].reverse() }),
      (m) => deleteCard(m, "card-2"),
      (m) => deleteRelation(m, "a-attacks-t"),
      (m) => deleteClaim(m, "a", { withDescendants: true }),
      (m) => {
        const { presentation: _, ...rest } = m;
        return rest;
      },
    ];
    for (const step of steps) {
      map = edit(doc, step);
      expect(readMapFromDoc(doc)).toEqual(map);
    }
  });
});

describe("concurrent edits", () => {
  it("two claims added at once both land", () => {
    const [a, b] = replicas(small());
    edit(a, (m) => addClaim(m, { text: "First answer", relation: { type: "attack", to: "a" } }).map);
    edit(b, (m) => addClaim(m, { text: "Second answer", relation: { type: "attack", to: "a" } }).map);
    sync(a, b);
    const map = readMapFromDoc(a);
    expect(readMapFromDoc(b)).toEqual(map);
    expect(map.claims.map((c) => c.id)).toEqual(expect.arrayContaining(["first-answer", "second-answer"]));
    expect(map.relations.map((r) => r.id)).toEqual(
      expect.arrayContaining(["first-answer-attacks-a", "second-answer-attacks-a"]),
    );
    expectValid(map);
  });

  it("edits of two fields of one claim are both kept", () => {
    const [a, b] = replicas(small());
    edit(a, (m) => updateClaim(m, "a", { text: "Reworded" }));
    edit(b, (m) => updateClaim(m, "a", { notes: "A note" }));
    sync(a, b);
    const claim = readMapFromDoc(a).claims.find((c) => c.id === "a");
    expect(claim).toMatchObject({ text: "Reworded", notes: "A note" });
    expect(readMapFromDoc(b)).toEqual(readMapFromDoc(a));
  });

  it("one field changed two ways resolves the same on both docs", () => {
    const [a, b] = replicas(small());
    edit(a, (m) => updateClaim(m, "a", { text: "From A" }));
    edit(b, (m) => updateClaim(m, "a", { text: "From B" }));
    sync(a, b);
    const text = readMapFromDoc(a).claims.find((c) => c.id === "a")?.text;
    expect(["From A", "From B"]).toContain(text);
    expect(readMapFromDoc(b)).toEqual(readMapFromDoc(a));
  });

  it("two cards attached to one relation at once both land", () => {
    const [a, b] = replicas(small());
    edit(a, (m) => attachCard(m, "card-1", { kind: "relation", id: "a-attacks-t" }));
    edit(b, (m) => attachCard(m, "card-2", { kind: "relation", id: "a-attacks-t" }));
    sync(a, b);
    const relation = readMapFromDoc(a).relations.find((r) => r.id === "a-attacks-t");
    expect([...(relation?.evidence ?? [])].sort()).toEqual(["card-1", "card-2"]);
    expect(readMapFromDoc(b)).toEqual(readMapFromDoc(a));
  });

  it("a rebuttal added to a claim deleted meanwhile keeps the rebuttal and a valid map", () => {
    const [a, b] = replicas(small());
    edit(a, (m) => deleteClaim(m, "a", { withDescendants: false }));
    edit(b, (m) => addClaim(m, { text: "Rebuttal", relation: { type: "attack", to: "a" } }).map);
    sync(a, b);
    const map = readMapFromDoc(a);
    expectValid(map);
    expect(map.claims.map((c) => c.id)).toContain("rebuttal");
    expect(map.claims.map((c) => c.id)).not.toContain("a");
    expect(map.relations.map((r) => r.id)).not.toContain("rebuttal-attacks-a");
    expect(readMapFromDoc(b)).toEqual(map);
  });

  it("a card deleted while attached elsewhere drops only the reference", () => {
    const [a, b] = replicas(small());
    edit(a, (m) => deleteCard(m, "card-1"));
    edit(b, (m) => attachCard(m, "card-1", { kind: "claim", id: "t" }));
    sync(a, b);
    const map = readMapFromDoc(a);
    expectValid(map);
    expect(map.evidence.map((c) => c.id)).toEqual(["card-2"]);
  });

  it("two theses added at once both land", () => {
    const [a, b] = replicas(small());
    edit(a, (m) => addThesis(m, { text: "Thesis A", side: "aff" }).map);
    edit(b, (m) => addThesis(m, { text: "Thesis B", side: "neg" }).map);
    sync(a, b);
    expect(readMapFromDoc(a).theses).toHaveLength(3);
    expect(readMapFromDoc(b)).toEqual(readMapFromDoc(a));
  });
});

describe("hostile doc contents", () => {
  function hostile(fill: (doc: Y.Doc) => void, viaUpdate = true): ArgumentMap {
    const doc = loaded(small());
    doc.transact(() => fill(doc));
    // What a server receives is an update; pass it through one (when it can be encoded at all).
    const server = viaUpdate ? new Y.Doc() : doc;
    if (viaUpdate) Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    const map = readMapFromDoc(server);
    expectValid(map);
    return map;
  }

  it("skips a claim whose text is a number", () => {
    const map = hostile((doc) => {
      const claim = new Y.Map<unknown>();
      doc.getMap("claims").set("bad", claim);
      claim.set("text", 42);
      claim.set("side", "aff");
      doc.getArray("claimOrder").push(["bad"]);
      doc.getArray("theses").push(["bad"]);
    });
    expect(map.claims.map((c) => c.id)).toEqual(["t", "a", "s"]);
    expect(map.theses).toEqual(["t"]);
  });

  it("skips bad ids in an evidence list", () => {
    const map = hostile((doc) => {
      const claim = doc.getMap("claims").get("t") as Y.Map<unknown>;
      (claim.get("evidence") as Y.Array<unknown>).push([
        "card-1",
        "NOT AN ID",
        7,
        { x: 1 },
        "card-1",
        "missing",
      ]);
    });
    expect(map.claims.find((c) => c.id === "t")?.evidence).toEqual(["card-1"]);
  });

  it("skips a 10,000-deep nested value", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    // A plain value that deep cannot even be encoded as an update; read it where it was set.
    const plain = hostile((doc) => {
      (doc.getMap("claims").get("a") as Y.Map<unknown>).set("text", deep);
      (doc.getMap("claims").get("s") as Y.Map<unknown>).set("tags", deep);
      (doc.getMap("cards").get("card-1") as Y.Map<unknown>).set("read", deep);
      doc.getMap("meta").set("title", deep);
    }, false);
    expect(plain.claims.map((c) => c.id)).toEqual(["t", "s"]);
    expect(plain.claims[1].tags).toEqual([]);
    expect(plain.title).toBe("small");
    // Shared types nest without limit in an update.
    const map = hostile((doc) => {
      let nested = new Y.Map<unknown>();
      doc.getMap("claims").set("nest", nested);
      for (let i = 0; i < 10_000; i++) {
        const inner = new Y.Map<unknown>();
        nested.set("text", inner);
        nested = inner;
      }
      doc.getMap("meta").set("title", new Y.Map([["x", 1]]));
    });
    expect(map.claims.map((c) => c.id)).toEqual(["t", "a", "s"]);
    expect(map.title).toBe("small");
  });

  it("skips wrong shapes everywhere and never throws", () => {
    const map = hostile((doc) => {
      doc.getMap("claims").set("plain", { text: "not a Y.Map", side: "aff" });
      doc.getMap("claims").set("BAD ID", new Y.Map());
      doc.getMap("relations").set(
        "loop-1",
        new Y.Map([
          ["from", "a"],
          ["to", "loop-2"],
          ["type", "attack"],
        ]),
      );
      doc.getMap("relations").set(
        "loop-2",
        new Y.Map([
          ["from", "s"],
          ["to", "loop-1"],
          ["type", "attack"],
        ]),
      );
      doc.getMap("relations").set(
        "self",
        new Y.Map([
          ["from", "a"],
          ["to", "a"],
          ["type", "attack"],
        ]),
      );
      doc.getMap("relations").set(
        "t",
        new Y.Map([
          ["from", "a"],
          ["to", "s"],
          ["type", "attack"],
        ]),
      );
      doc.getMap("relations").set(
        "sup",
        new Y.Map([
          ["from", "s"],
          ["to", "a-attacks-t"],
          ["type", "support"],
        ]),
      );
      doc.getMap("relations").set(
        "own",
        new Y.Map([
          ["from", "a"],
          ["to", "a-attacks-t"],
          ["type", "attack"],
        ]),
      );
      const card = doc.getMap("cards").get("card-1") as Y.Map<unknown>;
      card.set("read", ["not in the quote", 5, "quick"]);
      card.set(
        "cite",
        new Y.Map([
          ["url", "javascript:alert(1)"],
          ["author", 3],
          ["title", "ok"],
        ]),
      );
      doc.getMap("meta").set("tags", "x");
      doc.getMap("meta").set("presentation", true);
      doc.getArray("presentation").push(["t", "t", "gone"]);
      doc.getArray("theses").push(["t"]);
    });
    expect(map.claims.map((c) => c.id)).toEqual(["t", "a", "s"]);
    expect(map.relations.map((r) => r.id)).toEqual(["a-attacks-t", "s-supports-t"]);
    expect(map.evidence[0]).toMatchObject({ read: ["quick"], cite: { title: "ok" } });
    expect(map.presentation).toEqual(["t"]);
    expect(map.theses).toEqual(["t"]);
    expect(map.tags).toBeUndefined();
  });

  it("reads a doc whose shared types have other shapes", () => {
    const source = new Y.Doc();
    source.getArray("claims").push(["x"]);
    source.getMap("theses").set("a", 1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    doc.getArray("claims");
    expect(() => readMapFromDoc(doc)).not.toThrow();
    expectValid(readMapFromDoc(doc));
  });
});

function tryOp(doc: Y.Doc, op: RandomEdit): void {
  try {
    edit(doc, (m) => applyRandomEdit(m, op));
  } catch (error) {
    if (!(error instanceof EditError)) throw error;
  }
}

describe("random concurrent edits (property)", () => {
  const op = fc.record({
    kind: fc.nat(100),
    a: fc.nat(100),
    b: fc.nat(100),
    text: fc.constantFrom(...RANDOM_EDIT_TEXTS),
  });
  // Each step: which replica edits, the edit, and whether the two sync afterwards.
  const step = fc.tuple(fc.boolean(), op, fc.nat(3));

  it("two replicas always converge to a valid map", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const [a, b] = replicas(small());
        for (const [onA, o, syncNow] of steps) {
          tryOp(onA ? a : b, o);
          if (syncNow === 0) sync(a, b);
        }
        sync(a, b);
        const map = readMapFromDoc(a);
        expect(readMapFromDoc(b)).toEqual(map);
        expectValid(map);
        // Whatever a doc holds, writing it back from what it reads changes nothing.
        writeMapChange(a, map, structuredClone(map));
        expect(readMapFromDoc(a)).toEqual(map);
      }),
      { numRuns: 150 },
    );
  });
});
