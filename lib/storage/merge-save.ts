import { parseArgumentSource } from "../formats/argument-file";
import type { ArgumentMap } from "../model/schema";
import { revisionText } from "./history";

/**
 * The map of the first of `revisions` the history still keeps (and that still reads as a map): the
 * base a save built on an older revision is merged against. Undefined when none is kept.
 */
export async function keptBase(
  slug: string,
  dir: string,
  revisions: readonly string[],
): Promise<{ revision: string; map: ArgumentMap } | undefined> {
  for (const revision of revisions) {
    const kept = await revisionText(slug, revision, dir);
    if (!kept) continue;
    const parsed = parseArgumentSource(kept.text, kept.file, { slug });
    if (parsed.ok) return { revision, map: parsed.value.map };
  }
  return undefined;
}
