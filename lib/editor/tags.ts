import { cleanTags } from "../model/edits";

/** Tags typed as one comma-separated line: trimmed, without empties or repeats. */
export function parseTags(text: string): string[] {
  return cleanTags(text.split(","));
}

/** The one-line form of a tag list that `parseTags` reads back. */
export function formatTags(tags: readonly string[] | undefined): string {
  return (tags ?? []).join(", ");
}
