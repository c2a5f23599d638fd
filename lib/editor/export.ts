import { mapToNormalized } from "../formats/normalized-json";
import type { ArgumentMap } from "../model/schema";

/** The normalized JSON of a map, as a file a person can keep when a save cannot go through. */
export function exportedJson(map: ArgumentMap): string {
  return `${JSON.stringify(mapToNormalized(map), null, 2)}\n`;
}

/** The name of that file: the map's slug with a note that it is an unsaved copy. */
export function exportedFileName(slug: string): string {
  return `${slug || "map"}.unsaved.json`;
}
