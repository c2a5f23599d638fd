import { describe, expect, it } from "vitest";
import { indexMap } from "../model/queries";
import type { ArgumentMap } from "../model/schema";
import { analyzeMap } from "./analyze";
import { claimReason, relationReason } from "./explain";
import { type FrameworkSpec, framework } from "./fixtures";
import { groundedLabelling } from "./grounded";

function label(spec: FrameworkSpec) {
  const map = framework(spec);
  const index = indexMap(map);
  const labelling = groundedLabelling(index);
  return {
    map,
    labelling,
    claims: Object.fromEntries(labelling.claims),
    relations: Object.fromEntries(labelling.relations),
    reason: (id: string) => claimReason(index, labelling, id),
    relationReason: (id: string) => relationReason(index, labelling, id),
  };
}

describe("grounded labelling on textbook frameworks", () => {
  it("a chain a ← b ← c: a in, b out, c in", () => {
    const { claims, reason } = label({
      claims: { a: "aff", b: "neg", c: "aff" },
      attacks: [
        ["b", "a"],
        ["c", "b"],
      ],
    });
    expect(claims).toEqual({ a: "in", b: "out", c: "in" });
    expect(reason("c")).toBe("Unattacked");
    expect(reason("b")).toBe("Refuted by “C”");
    expect(reason("a")).toBe("All attackers refuted: “B”");
  });

  it("a mutual attack leaves both undecided", () => {
    const { claims, reason } = label({
      claims: { a: "aff", b: "neg" },
      attacks: [
        ["a", "b"],
        ["b", "a"],
      ],
    });
    expect(claims).toEqual({ a: "undecided", b: "undecided" });
    expect(reason("a")).toBe("Contested with “B” (they attack each other)");
  });

  it("an odd cycle of three leaves all three undecided", () => {
    const { claims, reason } = label({
      claims: { a: "aff", b: "neg", c: "aff" },
      attacks: [
        ["a", "b"],
        ["b", "c"],
        ["c", "a"],
      ],
    });
    expect(claims).toEqual({ a: "undecided", b: "undecided", c: "undecided" });
    expect(reason("b")).toBe("Contested with “A”");
  });

  it("an even cycle of four stays undecided too (grounded is sceptical)", () => {
    const { claims } = label({
      claims: { a: "aff", b: "neg", c: "aff", d: "neg" },
      attacks: [
        ["a", "b"],
        ["b", "c"],
        ["c", "d"],
        ["d", "a"],
      ],
    });
    expect(Object.values(claims)).toEqual(["undecided", "undecided", "undecided", "undecided"]);
  });

  it("reinstatement: a claim whose every attacker is refuted stands again", () => {
    const { claims, reason } = label({
      claims: { a: "aff", b: "neg", c: "neg", d: "aff", e: "aff" },
      attacks: [
        ["b", "a"],
        ["c", "a"],
        ["d", "b"],
        ["e", "c"],
      ],
    });
    expect(claims).toEqual({ a: "in", b: "out", c: "out", d: "in", e: "in" });
    expect(reason("a")).toBe("All attackers refuted: “B” and “C”");
  });

  it("reinstatement out of a cycle: breaking a mutual attack decides what hangs on it", () => {
    const cycle: FrameworkSpec = {
      claims: { a: "aff", b: "neg", c: "aff", d: "neg" },
      attacks: [
        ["b", "a"],
        ["b", "c"],
        ["c", "b"],
      ],
    };
    expect(label(cycle).claims).toEqual({ a: "undecided", b: "undecided", c: "undecided", d: "in" });
    const broken = label({ ...cycle, attacks: [...(cycle.attacks ?? []), ["d", "c"]] });
    expect(broken.claims).toEqual({ a: "out", b: "in", c: "out", d: "in" });
    expect(broken.reason("a")).toBe("Refuted by “B”");
  });

  it("a standing undercut disables a support: the support no longer counts, and nothing else changes", () => {
    const spec: FrameworkSpec = {
      claims: { t: "aff", s: "aff", u: "neg" },
      supports: [["s", "t"]],
      attacks: [["u", "s-supports-t"]],
    };
    const { claims, relations, relationReason: why } = label(spec);
    expect(claims).toEqual({ t: "in", s: "in", u: "in" });
    expect(relations["s-supports-t"]).toBe("out");
    expect(relations["u-attacks-s-supports-t"]).toBe("in");
    expect(why("s-supports-t")).toBe("Does not count: undercut by “U”");
    // Without a standing support and without a card, the supported claim gets an evidence warning.
    const warnings = analyzeMap(framework(spec)).warnings.filter((w) => w.kind === "no-evidence");
    expect(warnings.map((w) => w.id)).toContain("t");
    const plain = analyzeMap(framework({ ...spec, attacks: [] })).warnings.filter(
      (w) => w.kind === "no-evidence",
    );
    expect(plain.map((w) => w.id)).not.toContain("t");
  });

  it("a standing undercut disables an attack: its target stands although its attacker stands", () => {
    const { claims, relations, reason } = label({
      claims: { a: "aff", b: "neg", u: "aff" },
      attacks: [
        ["b", "a"],
        ["u", "b-attacks-a"],
      ],
    });
    expect(claims).toEqual({ a: "in", b: "in", u: "in" });
    expect(relations["b-attacks-a"]).toBe("out");
    expect(reason("a")).toBe("No attack stands: the attack of “B” is undercut by “U”");
  });

  it("an undercut of the undercut restores the attack", () => {
    const { claims, relations } = label({
      claims: { a: "aff", b: "neg", u: "aff", v: "neg" },
      attacks: [
        ["b", "a"],
        ["u", "b-attacks-a"],
        ["v", "u-attacks-b-attacks-a"],
      ],
    });
    expect(relations["u-attacks-b-attacks-a"]).toBe("out");
    expect(relations["b-attacks-a"]).toBe("in");
    expect(claims.a).toBe("out");
  });

  it("a refuted undercutter does not disable anything", () => {
    const {
      claims,
      relations,
      relationReason: why,
    } = label({
      claims: { a: "aff", b: "neg", u: "aff", w: "neg" },
      attacks: [
        ["b", "a"],
        ["u", "b-attacks-a"],
        ["w", "u"],
      ],
    });
    expect(claims).toEqual({ a: "out", b: "in", u: "out", w: "in" });
    expect(relations["u-attacks-b-attacks-a"]).toBe("out");
    expect(why("u-attacks-b-attacks-a")).toBe("Does not count: “U” is refuted");
    expect(why("b-attacks-a")).toBe("Counts: “B” stands and no undercut of it counts");
  });

  it("a contested undercut leaves the attacked claim contested, and says so", () => {
    const { claims, relations, reason } = label({
      claims: { a: "aff", b: "neg", u: "aff", x: "neg" },
      attacks: [
        ["b", "a"],
        ["u", "b-attacks-a"],
        ["u", "x"],
        ["x", "u"],
      ],
    });
    expect(claims).toEqual({ a: "undecided", b: "in", u: "undecided", x: "undecided" });
    expect(relations["b-attacks-a"]).toBe("undecided");
    expect(reason("a")).toBe("Contested with “B”, whose attack is contested by “U”");
  });

  it("a claim that attacks an attack on itself (an undercut by the target) can defend itself", () => {
    const { claims } = label({
      claims: { a: "aff", b: "neg" },
      attacks: [
        ["b", "a"],
        ["a", "b-attacks-a"],
      ],
    });
    // a's undercut needs a to stand; a stands only if the undercut counts: grounded leaves it open.
    expect(claims).toEqual({ a: "undecided", b: "in" });
  });

  it("ignores relations whose ends are missing, and labels every claim of an empty framework", () => {
    const map: ArgumentMap = {
      ...framework({ claims: { a: "aff" } }),
      relations: [{ id: "ghost-attacks-a", from: "ghost", to: "a", type: "attack" }],
    };
    const labelling = groundedLabelling(indexMap(map));
    expect(labelling.claims.get("a")).toBe("in");
    expect(labelling.relations.get("ghost-attacks-a")).toBe("out");
    expect(groundedLabelling(indexMap(framework({ claims: {} }))).claims.size).toBe(0);
  });

  it("handles a chain of 30,000 claims without deep recursion", () => {
    const claims: FrameworkSpec["claims"] = {};
    const attacks: [string, string][] = [];
    for (let i = 0; i < 30_000; i++) {
      claims[`c${i}`] = i % 2 ? "neg" : "aff";
      if (i > 0) attacks.push([`c${i}`, `c${i - 1}`]);
    }
    const labelling = groundedLabelling(indexMap(framework({ claims, attacks })));
    expect(labelling.claims.get("c29999")).toBe("in");
    expect(labelling.claims.get("c0")).toBe("out");
    expect(labelling.claims.get("c1")).toBe("in");
  });
});
