import type { ArgumentMap } from "../model/schema";

/** A selected claim or relation, as the workspace store keeps it. */
export type Selection = { kind: "claim" | "relation"; id: string } | null;

/**
 * What stays selected after undo or redo swapped the model: the same claim or relation when it
 * still exists; a relation whose id changed with its type is found again by its two ends.
 */
export function selectionAfter(selection: Selection, before: ArgumentMap, after: ArgumentMap): Selection {
  if (!selection) return null;
  if (selection.kind === "claim") return after.claims.some((c) => c.id === selection.id) ? selection : null;
  if (after.relations.some((r) => r.id === selection.id)) return selection;
  const old = before.relations.find((r) => r.id === selection.id);
  const same = old && after.relations.find((r) => r.from === old.from && r.to === old.to);
  if (same) return { kind: "relation", id: same.id };
  return old && after.claims.some((c) => c.id === old.from) ? { kind: "claim", id: old.from } : null;
}

/**
 * What stays selected after someone else changed the map: as after undo, except that a selected
 * claim they deleted hands the selection to the claim it answered, when that one is still there.
 */
export function selectionAfterRemote(
  selection: Selection,
  before: ArgumentMap,
  after: ArgumentMap,
): Selection {
  const next = selectionAfter(selection, before, after);
  if (next || selection?.kind !== "claim") return next;
  const answered = before.relations
    .filter((r) => r.from === selection.id)
    .map((r) => r.to)
    .find((to) => after.claims.some((c) => c.id === to));
  return answered ? { kind: "claim", id: answered } : null;
}
