import { describe, expect, it } from "vitest";
import { isSlug, relationId, slugify, uniqueId } from "./ids";
import { cardsOfClaim, defaultTheses, deriveSides, indexMap, targetClaimId } from "./queries";
import type { ArgumentMap, Relation } from "./schema";
import { checkMap } from "./validate";

const rel = (from: string, type: Relation["type"], to: string, evidence?: string[]): Relation => ({
  id: relationId(from, type, to),
  from,
  to,
  type,
  ...(evidence ? { evidence } : {}),
});

const MAP: ArgumentMap = {
  version: 1,
  title: "T",
  theses: ["t"],
  claims: [
    { id: "t", text: "Thesis", side: "aff" },
    { id: "p", text: "Pro", side: "aff", evidence: ["k1"] },
    { id: "c", text: "Con", side: "neg" },
    { id: "u", text: "Undercut", side: "neg" },
  ],
  relations: [
    rel("p", "support", "t", ["k2", "k1"]),
    rel("c", "attack", "t"),
    rel("u", "attack", "p-supports-t"),
  ],
  evidence: [
    { id: "k1", tag: "K1", quote: "q1" },
    { id: "k2", tag: "K2", quote: "q2" },
  ],
};

describe("ids", () => {
  it("derives readable relation ids and unique slugs", () => {
    expect(relationId("a", "support", "b")).toBe("a-supports-b");
    expect(relationId("a", "attack", "b")).toBe("a-attacks-b");
    expect(slugify("  Russia’s Key Rôle — in 2015!  ")).toBe("russias-key-role-in-2015");
    expect(slugify("???", "claim")).toBe("claim");
    expect(uniqueId("a", new Set(["a", "a-2"]))).toBe("a-3");
    expect(isSlug("russia-iran")).toBe(true);
    for (const bad of ["../x", "a/b", "A", "a.b", "", "-a", "a--b"]) expect(isSlug(bad)).toBe(false);
  });
});

describe("queries", () => {
  it("indexes relations by both ends and finds the claim an undercut ultimately targets", () => {
    const index = indexMap(MAP);
    expect(index.incoming.get("t")?.map((r) => r.from)).toEqual(["p", "c"]);
    expect(index.outgoing.get("u")?.[0].to).toBe("p-supports-t");
    expect(targetClaimId(index, "p-supports-t")).toBe("t");
    expect(targetClaimId(index, "nothing")).toBeUndefined();
  });

  it("collects a claim's cards from the claim and its relations without repeats", () => {
    expect(cardsOfClaim(indexMap(MAP), "p").map((c) => c.id)).toEqual(["k1", "k2"]);
  });

  it("derives sides through supports, attacks and undercuts, and survives cycles", () => {
    const relations = [
      rel("b", "support", "a"),
      rel("c", "attack", "b"),
      rel("d", "attack", "b-supports-a"),
      rel("x", "attack", "y"),
      rel("y", "attack", "x"),
    ];
    const sides = deriveSides(["a", "b", "c", "d", "x", "y"], relations, new Map([["a", "neg"]]));
    expect(Object.fromEntries(sides)).toEqual({ a: "neg", b: "neg", c: "aff", d: "aff", x: "aff", y: "neg" });
  });

  it("takes claims that relate to nothing as default theses", () => {
    expect(defaultTheses(MAP)).toEqual(["t"]);
  });
});

describe("checkMap", () => {
  it("accepts a consistent map", () => {
    expect(checkMap(MAP)).toEqual([]);
  });

  it("finds duplicates, broken references, self-relations and bad undercuts", () => {
    const broken: ArgumentMap = {
      ...MAP,
      theses: ["t", "ghost"],
      claims: [...MAP.claims, { id: "t", text: "again", side: "aff" }],
      relations: [
        ...MAP.relations,
        { id: "p", from: "c", to: "t", type: "attack" },
        { id: "s", from: "c", to: "c", type: "support" },
        { id: "s2", from: "p", to: "c-attacks-t", type: "support" },
        { id: "s3", from: "p", to: "p-supports-t", type: "attack" },
        { id: "s4", from: "nobody", to: "t", type: "attack", evidence: ["nope"] },
      ],
      evidence: [
        ...MAP.evidence,
        { id: "k3", tag: "K3", quote: "abc", read: ["abd"], cite: { url: "ftp://x" } },
      ],
    };
    expect(checkMap(broken).map((i) => i.message)).toEqual([
      'duplicate claim id "t"',
      'relation id "p" is already a claim id',
      'unknown claim "ghost"',
      'claim "c" cannot support itself',
      '"c-attacks-t" is a relation; only an attack (undercut) can target a relation',
      'claim "p" cannot undercut its own relation "p-supports-t"',
      'unknown claim "nobody"',
      'unknown evidence card "nope"',
      'read span "abd" does not occur in the card\'s quote',
      'links must be absolute http:// or https:// URLs, got "ftp://x"',
    ]);
  });
});
