import { describe, expect, it } from "vitest";
import { readingOrder } from "./reading-order";
import type { ArgumentMap } from "./schema";

function map(
  relations: [string, "support" | "attack", string, string?][],
  theses: string[],
  extra: string[] = [],
): ArgumentMap {
  const ids = new Set<string>([...theses, ...extra]);
  const relationIds = new Set(relations.map((r) => r[3]));
  for (const [from, , to] of relations) {
    ids.add(from);
    if (!relationIds.has(to)) ids.add(to);
  }
  return {
    version: 1,
    title: "t",
    theses,
    claims: [...ids].map((id) => ({ id, text: id, side: "aff" as const })),
    relations: relations.map(([from, type, to, id], i) => ({ id: id ?? `r${i}`, from, to, type })),
    evidence: [],
  };
}

const ids = (m: ArgumentMap, from?: string) =>
  readingOrder(m, { from }).map(
    (s) => `${"  ".repeat(s.depth)}${s.role} ${s.claimId}${s.repeat ? " (ref)" : ""}`,
  );

describe("reading order", () => {
  it("reads supports before attacks, depth first", () => {
    const m = map(
      [
        ["a1", "attack", "t"],
        ["s1", "support", "t"],
        ["a1x", "attack", "a1"],
        ["s1s", "support", "s1"],
      ],
      ["t"],
    );
    expect(ids(m)).toEqual(["thesis t", "  support s1", "    support s1s", "  attack a1", "    attack a1x"]);
  });

  it("shows a shared claim once and refers to it after", () => {
    const m = map(
      [
        ["shared", "support", "t"],
        ["shared", "attack", "u"],
        ["u", "attack", "t"],
        ["x", "attack", "shared"],
      ],
      ["t"],
    );
    expect(ids(m)).toEqual([
      "thesis t",
      "  support shared",
      "    attack x",
      "  attack u",
      "    attack shared (ref)",
    ]);
  });

  it("reads an undercut after the link it attacks, even when that link's source is a repeat", () => {
    const m = map(
      [
        ["c", "support", "t"],
        ["c", "support", "t2", "link"],
        ["u", "attack", "link"],
      ],
      ["t", "t2"],
    );
    const steps = readingOrder(m);
    expect(ids(m)).toEqual(["thesis t", "  support c", "thesis t2", "  support c (ref)", "    undercut u"]);
    expect(steps.at(-1)).toMatchObject({ parentId: "c", relation: { id: "r2", to: "link" } });
  });

  it("refers to a thesis met inside another thesis, and reaches orphans and cycles", () => {
    const m = map(
      [
        ["t2", "attack", "t"],
        ["p", "attack", "q"],
        ["q", "attack", "p"],
      ],
      ["t", "t2"],
      ["lonely"],
    );
    expect(ids(m)).toEqual([
      "thesis t",
      "  attack t2 (ref)",
      "thesis t2",
      "thesis lonely",
      "thesis p",
      "  attack q",
      "    attack p (ref)",
    ]);
  });

  it("reads one subtree from a claim", () => {
    const m = map(
      [
        ["a", "attack", "t"],
        ["b", "attack", "a"],
        ["c", "support", "t"],
      ],
      ["t"],
    );
    expect(ids(m, "a")).toEqual(["thesis a", "  attack b"]);
  });

  it("walks very deep maps without overflowing", () => {
    const relations: [string, "attack", string][] = [];
    for (let i = 1; i < 20000; i++) relations.push([`c${i}`, "attack", `c${i - 1}`]);
    const steps = readingOrder(map(relations, ["c0"]));
    expect(steps).toHaveLength(20000);
    expect(steps.at(-1)?.depth).toBe(19999);
  });
});

describe("subtree", () => {
  it("keeps the claim, what answers it, the undercuts among them and their cards", async () => {
    const { subtreeMap } = await import("./subtree");
    const m = map(
      [
        ["a", "attack", "t"],
        ["b", "attack", "a", "ba"],
        ["u", "attack", "ba"],
        ["c", "support", "t"],
        ["a", "support", "c"],
      ],
      ["t"],
    );
    m.relations[1].evidence = ["card"];
    m.evidence = [
      { id: "card", tag: "x", quote: "q" },
      { id: "other", tag: "y", quote: "q" },
    ];
    const sub = subtreeMap(m, "a");
    expect(sub.theses).toEqual(["a"]);
    expect(sub.claims.map((c) => c.id).sort()).toEqual(["a", "b", "u"]);
    expect(sub.relations.map((r) => r.id)).toEqual(["ba", "r2"]);
    expect(sub.evidence.map((c) => c.id)).toEqual(["card"]);
  });
});
