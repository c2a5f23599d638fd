import { relationId } from "../model/ids";
import type { ArgumentMap, Card, Claim, Relation, RelationType } from "../model/schema";

/** A small seeded generator (mulberry32): the same seed gives the same map on every machine. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "the a of to and in that is for on with as by sanctions Russia Iran Moscow Tehran Washington Europe " +
  "China India deal nuclear reactor Bushehr enrichment uranium oil gas pipeline markets trade arms " +
  "influence leverage isolation cooperation pressure regime security council veto relief investment " +
  "economy growth exports imports revenue budget alliance rivalry balance power region Caucasus Caspian " +
  "would could will cannot never always because therefore however despite unless only more less most " +
  "strong weak key likely unlikely possible impossible costly cheap stable fragile rising falling " +
  "policy strategy talks negotiations agreement treaty inspections compliance violation threat risk"
).split(" ");

const AUTHORS = [
  "Katz",
  "Nguyen",
  "Okafor",
  "Petrov",
  "Haddad",
  "Lindqvist",
  "Moreau",
  "Sato",
  "Ibrahim",
  "Costa",
];
const PUBLICATIONS = ["Foreign Affairs", "The Economist", "Reuters", "Brookings", "RAND", "Al-Monitor"];

export interface GeneratedMapOptions {
  claims: number;
  /** Number of theses (default 2, an aff and a neg). */
  theses?: number;
  seed?: number;
}

/**
 * A realistic synthetic debate for benchmarks and big-map tests: claims of 6 to 30 words, a random
 * tree (attacks and rebuttals at every depth, about 55 % attacks), cards with full cites and
 * 40–140-word quotes on a third of the relations, 5 % of claims with a second target and 1 %
 * undercuts. Deterministic: the same options give the same map.
 */
export function generateMap(options: GeneratedMapOptions): ArgumentMap {
  const random = seeded(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const words = (min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min + 1));
    const out = Array.from({ length: n }, () => pick(WORDS));
    out[0] = out[0][0].toUpperCase() + out[0].slice(1);
    return out.join(" ");
  };
  const thesisCount = Math.max(1, Math.min(options.theses ?? 2, options.claims));
  const claims: Claim[] = [];
  const relations: Relation[] = [];
  const evidence: Card[] = [];
  const relationIds = new Set<string>();
  let cardCount = 0;

  const card = (): string => {
    const id = `card-${++cardCount}`;
    const quote = words(40, 140);
    const spoken = quote.split(" ");
    const start = Math.floor(random() * Math.max(1, spoken.length - 8));
    evidence.push({
      id,
      tag: words(5, 12),
      quote,
      read: [spoken.slice(start, start + 6).join(" ")],
      cite: {
        author: `${pick(AUTHORS)} ${pick(["A.", "B.", "C.", "D."])}`,
        qualifications: "Senior fellow",
        title: words(4, 9),
        publication: pick(PUBLICATIONS),
        date: `${2010 + Math.floor(random() * 15)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        url: `https://example.org/articles/${cardCount}`,
      },
    });
    return id;
  };

  const relate = (from: string, to: string, type: RelationType) => {
    const id = relationId(from, type, to);
    if (relationIds.has(id)) return;
    relationIds.add(id);
    const relation: Relation = { id, from, to, type };
    if (random() < 1 / 3) relation.evidence = [card()];
    relations.push(relation);
  };

  for (let i = 0; i < options.claims; i++) {
    const id = `c${i}`;
    if (i < thesisCount) {
      claims.push({ id, text: words(6, 14), side: i % 2 === 0 ? "aff" : "neg" });
      continue;
    }
    const parent = claims[Math.floor(random() * i)];
    const type: RelationType = random() < 0.55 ? "attack" : "support";
    const side = type === "support" ? parent.side : parent.side === "aff" ? "neg" : "aff";
    claims.push({ id, text: words(6, 30), side });
    if (relations.length > 10 && random() < 0.01) {
      // An undercut: an attack on a relation rather than on a claim.
      relate(id, pick(relations).id, "attack");
    } else relate(id, parent.id, type);
    if (i > thesisCount + 2 && random() < 0.05) {
      const other = claims[Math.floor(random() * i)];
      if (other.id !== parent.id) relate(id, other.id, random() < 0.6 ? "attack" : "support");
    }
  }
  return {
    version: 1,
    title: `Generated debate of ${options.claims} claims`,
    theses: claims.slice(0, thesisCount).map((c) => c.id),
    claims,
    relations,
    evidence,
  };
}
