import {
  addCard,
  addClaim,
  addThesis,
  attachCard,
  connect,
  deleteCard,
  deleteClaim,
  deleteRelation,
  updateCard,
  updateClaim,
  updateRelation,
} from "./edits";
import type { ArgumentMap } from "./schema";

/** Texts for random edits: some repeat, so that two sides sometimes make the same claim id. */
export const RANDOM_EDIT_TEXTS = ["Alpha claim", "Beta claim", "Gamma", "Delta point", "Alpha claim again"];

/** Random edits for property tests and load runs: which edit, two numbers that aim it, and a text. */
export interface RandomEdit {
  kind: number;
  a: number;
  b: number;
  text: string;
}

/**
 * One of the pure edits, chosen and aimed by numbers (so that a property test can shrink it):
 * adds, changes and deletes of theses, claims, relations and cards, and list reorders. Throws
 * EditError when the chosen edit does not apply to the map as it is.
 */
export function applyRandomEdit(map: ArgumentMap, op: RandomEdit): ArgumentMap {
  const claim = (n: number) => map.claims[n % Math.max(1, map.claims.length)]?.id ?? "none";
  const relation = (n: number) => map.relations[n % Math.max(1, map.relations.length)]?.id ?? "none";
  const card = (n: number) => map.evidence[n % Math.max(1, map.evidence.length)]?.id ?? "none";
  const target = (n: number) => (n % 5 === 0 && map.relations.length > 0 ? relation(n) : claim(n));
  switch (op.kind % 13) {
    case 0:
      return addThesis(map, { text: op.text, side: op.a % 2 ? "aff" : "neg" }).map;
    case 1:
      return addClaim(map, {
        text: op.text,
        relation: { type: op.b % 2 ? "attack" : "support", to: target(op.a) },
      }).map;
    case 2:
      return updateClaim(map, claim(op.a), { text: op.text });
    case 3:
      return updateClaim(map, claim(op.a), { notes: op.text, tags: [op.text] });
    case 4:
      return deleteClaim(map, claim(op.a), { withDescendants: op.b % 2 === 0 });
    case 5:
      return connect(map, { from: claim(op.a), to: target(op.b), type: op.b % 3 ? "attack" : "support" }).map;
    case 6:
      return updateRelation(map, relation(op.a), { type: op.b % 2 ? "attack" : "support" }).map;
    case 7:
      return deleteRelation(map, relation(op.a));
    case 8:
      return addCard(map, { tag: op.text, quote: `${op.text} quoted` }, { kind: "claim", id: claim(op.b) })
        .map;
    case 9:
      return op.b % 2
        ? attachCard(map, card(op.a), { kind: "claim", id: claim(op.b) })
        : attachCard(map, card(op.a), { kind: "relation", id: relation(op.b) });
    case 10:
      return updateCard(map, card(op.a), { tag: op.text, cite: op.b % 2 ? { author: op.text } : null });
    case 11:
      return deleteCard(map, card(op.a));
    default:
      return {
        ...map,
        theses: [...map.theses].reverse(),
        presentation: map.claims.slice(0, op.b % 4).map((c) => c.id),
      };
  }
}
