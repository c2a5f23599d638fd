import { indexMap, type MapIndex } from "../model/queries";
import { type ReadingStep, readingOrderIn } from "../model/reading-order";
import type { ArgumentMap, Card } from "../model/schema";
import { subtreeMap } from "../model/subtree";
import type { ExportOptions } from "./index";

/** One step of a document export: the reading step with its claim's text and the cards read there. */
export interface OutlineEntry {
  step: ReadingStep;
  text: string;
  side: "aff" | "neg";
  /** The text of the claim this step answers or supports (or the source of the link an undercut attacks). */
  parentText?: string;
  /** Cards read at this step: the claim's own (where it is shown in full), then the relation's. */
  cards: Card[];
}

/** What a document export works from: the chosen map (whole, or one claim's subtree) in reading order. */
export interface Outline {
  map: ArgumentMap;
  index: MapIndex;
  entries: OutlineEntry[];
}

/** The map or subtree the options ask for, in reading order, with the cards each step reads. */
export function outlineOf(map: ArgumentMap, options: ExportOptions): Outline {
  const chosen = options.claimId ? subtreeMap(map, options.claimId) : map;
  const index = indexMap(chosen);
  const steps = readingOrderIn(chosen, index);
  const entries = steps.map((step): OutlineEntry => {
    const claim = index.claims.get(step.claimId)!;
    const ids = new Set<string>();
    if (!step.repeat) for (const id of claim.evidence ?? []) ids.add(id);
    for (const id of step.relation?.evidence ?? []) ids.add(id);
    const cards = [...ids].map((id) => index.cards.get(id)).filter((c): c is Card => c !== undefined);
    const parent = step.parentId ? index.claims.get(step.parentId) : undefined;
    return { step, text: claim.text, side: claim.side, parentText: parent?.text, cards };
  });
  return { map: chosen, index, entries };
}

/** How a step relates to what it sits under, in words. */
export function roleLabel(step: ReadingStep): string {
  switch (step.role) {
    case "thesis":
      return "Thesis";
    case "support":
      return "Support";
    case "attack":
      return "Attack";
    case "undercut":
      return "Undercut";
  }
}

/** Text with runs of whitespace (line breaks of a block scalar included) as single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ");
}
