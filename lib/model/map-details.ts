import { EditError } from "./edits";
import type { ArgumentMap, Side } from "./schema";

/** The parts of a map the "Map details" dialog edits. */
export interface MapDetails {
  title: string;
  resolution: string;
  description: string;
}

/**
 * Sets a map's title, resolution and description as typed (ends trimmed); an empty resolution or
 * description is removed from the file. The same map comes back when nothing changed, so no
 * undo step and no save are made for it.
 */
export function updateMapDetails(map: ArgumentMap, details: MapDetails): ArgumentMap {
  const title = details.title.trim();
  if (!title) throw new EditError("A map needs a title.");
  if (title.length > 200) throw new EditError("A title has at most 200 characters.");
  const next: ArgumentMap = { ...map, title };
  for (const key of ["resolution", "description"] as const) {
    const value = details[key].trim();
    if (value) next[key] = value;
    else delete next[key];
  }
  const same =
    next.title === map.title && next.resolution === map.resolution && next.description === map.description;
  return same ? map : next;
}

/** The side a new thesis starts on: the one with fewer theses, so a map gets both sides (aff on a tie). */
export function sideForNewThesis(map: Pick<ArgumentMap, "theses" | "claims">): Side {
  const sides = new Map(map.claims.map((c) => [c.id, c.side]));
  let aff = 0;
  let neg = 0;
  for (const id of map.theses) {
    if (sides.get(id) === "neg") neg += 1;
    else if (sides.get(id) === "aff") aff += 1;
  }
  return neg < aff ? "neg" : "aff";
}
