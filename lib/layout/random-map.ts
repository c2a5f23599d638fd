import type { ArgumentMap } from "../model/schema";

/** A small seeded generator (mulberry32): the same seed gives the same numbers everywhere. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  "Russia Iran sanctions deal nuclear reactor Bushehr Moscow Tehran Europe trade oil arms markets isolation cooperation leverage influence power would could never always because therefore".split(
    " ",
  );

export interface RandomMapOptions {
  claims: number;
  theses?: number;
  /** Share of claims with a second target. */
  extraTargets?: number;
  /** Share of claims that undercut a relation instead of attacking a claim. */
  undercuts?: number;
  /** Share of claims with cards. */
  cards?: number;
}

/** A synthetic map for tests and benchmarks: a random tree of claims plus extra targets, undercuts and cards. */
export function randomMap(seed: number, options: RandomMapOptions): ArgumentMap {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const thesisCount = Math.max(1, Math.min(options.theses ?? 2, options.claims));
  const claims: ArgumentMap["claims"] = [];
  const relations: ArgumentMap["relations"] = [];
  const evidence: ArgumentMap["evidence"] = [];
  for (let i = 0; i < options.claims; i++) {
    const words = Array.from({ length: 3 + Math.floor(random() * 22) }, () => pick(WORDS));
    const id = `c${i}`;
    const claim: ArgumentMap["claims"][number] = {
      id,
      text: words.join(" "),
      side: random() < 0.5 ? "aff" : "neg",
    };
    if (random() < (options.cards ?? 0.3)) {
      const cardId = `card${i}`;
      evidence.push({ id: cardId, tag: `Card for ${id}`, quote: words.join(" "), read: [words[0]] });
      claim.evidence = [cardId];
    }
    claims.push(claim);
    if (i < thesisCount) continue;
    const type = random() < 0.55 ? "support" : "attack";
    if (relations.length > 0 && random() < (options.undercuts ?? 0.03)) {
      relations.push({ id: `r${i}-u`, from: id, to: pick(relations).id, type: "attack" });
    } else {
      const to = `c${Math.floor(random() * i)}`;
      relations.push({ id: `r${i}`, from: id, to, type });
    }
    if (i > thesisCount + 1 && random() < (options.extraTargets ?? 0.05)) {
      const to = `c${Math.floor(random() * i)}`;
      if (!relations.some((r) => r.from === id && r.to === to)) {
        relations.push({ id: `r${i}-x`, from: id, to, type: "attack" });
      }
    }
  }
  return {
    version: 1,
    title: `Random map ${seed}`,
    theses: claims.slice(0, thesisCount).map((c) => c.id),
    claims,
    relations,
    evidence,
  };
}
