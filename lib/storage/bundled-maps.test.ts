import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgumentSource } from "../formats/argument-file";
import { indexMap } from "../model/queries";

const ARGUMENTS = path.join(__dirname, "..", "..", "arguments");
const SEED = path.join(__dirname, "..", "..", "..", "shared", "seed", "russia-iran.txt");

const files = readdirSync(ARGUMENTS).filter((name) => /\.(ya?ml|json)$/.test(name));

describe("every bundled map", () => {
  it.each(files)("%s is a valid argument file", (name) => {
    const result = parseArgumentSource(readFileSync(path.join(ARGUMENTS, name), "utf8"), name);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe("the Russia–Iran map", () => {
  const result = parseArgumentSource(
    readFileSync(path.join(ARGUMENTS, "russia-iran.yaml"), "utf8"),
    "russia-iran.yaml",
  );
  if (!result.ok) throw new Error("russia-iran.yaml is invalid");
  const { map } = result.value;
  const index = indexMap(map);
  const text = (id: string) => index.claims.get(id)?.text;

  it("opposes the two theses, each attacking the other", () => {
    expect(map.theses.map(text)).toEqual([
      "Russia is key to isolating Iran",
      "Decoupling Russia and Iran is possible",
    ]);
    const [aff, neg] = map.theses;
    expect(map.relations).toContainEqual(expect.objectContaining({ from: aff, to: neg, type: "attack" }));
    expect(map.relations).toContainEqual(expect.objectContaining({ from: neg, to: aff, type: "attack" }));
    expect(index.claims.get(aff)?.side).toBe("aff");
    expect(index.claims.get(neg)?.side).toBe("neg");
  });

  it("has enough claims, supports and attacks on both sides, and rebuttals", () => {
    expect(map.claims.length).toBeGreaterThanOrEqual(15);
    const attacks = map.relations.filter((r) => r.type === "attack");
    expect(attacks.length).toBeGreaterThanOrEqual(4);
    for (const side of ["aff", "neg"] as const) {
      for (const type of ["support", "attack"] as const) {
        expect(map.relations.some((r) => r.type === type && index.claims.get(r.from)?.side === side)).toBe(
          true,
        );
      }
    }
    const attackers = new Set(attacks.map((r) => r.from));
    const rebuttals = attacks.filter((r) => attackers.has(r.to) && !map.theses.includes(r.from));
    expect(rebuttals.length).toBeGreaterThanOrEqual(2);
  });

  it("backs every non-thesis relation with a card", () => {
    const unbacked = map.relations.filter(
      (r) =>
        !map.theses.includes(r.from) && !r.evidence?.length && !index.claims.get(r.from)?.evidence?.length,
    );
    expect(unbacked.map((r) => r.id)).toEqual([]);
  });

  it.skipIf(!existsSync(SEED))("quotes the seed verbatim on every card, citing what is known", () => {
    const seed = readFileSync(SEED, "utf8");
    expect(map.evidence.length).toBeGreaterThanOrEqual(8);
    for (const card of map.evidence) {
      expect(seed, `card ${card.id}`).toContain(card.quote.trim());
      expect(card.cite?.url).toBe(
        "http://www.irandebate.org/argument/2011/russia-has-strategic-and-economic-relationship-iran",
      );
      if (card.cite?.author) expect(card.cite.author).toBe("Agnia Grigas and Amir Handjani");
    }
  });
});
