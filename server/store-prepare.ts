import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { revisionOf } from "../lib/storage/maps";
import { saveMap } from "../lib/storage/write";

/**
 * The text `saveMap` would write for `map` over a file holding `text`: saveMap itself runs on a
 * private copy of the file (validation, comments and order kept, the round-trip check), so the
 * caller only has to check the revision again and replace the real file. `scratch` is a private
 * folder; the copy stays there, so the next save of the same text skips parsing it. Throws saveMap's errors.
 */
export async function prepareFileText(
  scratch: string,
  slug: string,
  fileName: string,
  text: string,
  map: unknown,
): Promise<string> {
  const file = path.join(scratch, path.basename(fileName));
  await writeFile(file, text, "utf8");
  await saveMap(slug, map, revisionOf(text), { dir: scratch });
  return readFile(file, "utf8");
}
