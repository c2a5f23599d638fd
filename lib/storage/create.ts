import { mkdir, open, readdir, unlink } from "node:fs/promises";
import path from "node:path";
import { parseArgumentSource, serializeNewSource } from "../formats/argument-file";
import { JSON_SCHEMA_PATH } from "../formats/json-schema";
import { isSlug, slugify, uniqueId } from "../model/ids";
import { type ArgumentMap, FORMAT_VERSION } from "../model/schema";
import { argumentsDir } from "./maps";
import { InvalidMapError, insideDir, withFileLock, writeFileAtomic } from "./write";

/** Longest title a new map may have. */
export const MAX_TITLE_LENGTH = 200;

/** The map a new file starts with: its title, and the same words as its one thesis to edit. */
export function newMap(title: string): ArgumentMap {
  const text = title.trim();
  const id = slugify(text, "thesis");
  return {
    version: FORMAT_VERSION,
    title: text,
    theses: [id],
    claims: [{ id, text, side: "aff" }],
    relations: [],
    evidence: [],
  };
}

/**
 * Creates `<slug>.yaml` for a new map. The slug comes from the title, is unique among files of
 * any extension, and the file is created exclusively so two requests can never overwrite each other.
 */
export async function createMap(
  title: string,
  options: { dir?: string } = {},
): Promise<{ slug: string; file: string }> {
  const text = title.trim();
  if (!text) throw new InvalidMapError([{ path: "title", message: "a map needs a title" }]);
  if (text.length > MAX_TITLE_LENGTH) {
    throw new InvalidMapError([
      { path: "title", message: `a title has at most ${MAX_TITLE_LENGTH} characters` },
    ]);
  }
  return createMapFile(newMap(text), options);
}

/**
 * Creates `<slug>.yaml` holding `map`, the slug made from its title (never from anything a caller
 * names) and unique among files of any extension; created exclusively, so nothing is overwritten.
 * With `replace`, a file already holding the title's slug is replaced atomically instead.
 */
export async function createMapFile(
  map: ArgumentMap,
  options: { dir?: string; replace?: boolean } = {},
): Promise<{ slug: string; file: string; replaced?: boolean }> {
  const dir = options.dir ?? argumentsDir();
  await mkdir(dir, { recursive: true });
  const names = await readdir(/*turbopackIgnore: true*/ dir);
  const taken = new Set(names.map((name) => name.split(".")[0].toLowerCase()));
  const stem = slugify(map.title, "map", 60);
  const schema = path.relative(dir, path.resolve(/*turbopackIgnore: true*/ process.cwd(), JSON_SCHEMA_PATH));
  const source = serializeNewSource(map, "yaml", schema.split(path.sep).join("/"));

  if (options.replace && isSlug(stem) && names.includes(`${stem}.yaml`)) {
    const file = `${stem}.yaml`;
    const parsed = parseArgumentSource(source, file, { slug: stem });
    if (!parsed.ok)
      throw new InvalidMapError(parsed.problems.map((p) => ({ path: p.path, message: p.message })));
    const filePath = insideDir(dir, file);
    await withFileLock(filePath, () => writeFileAtomic(filePath, source));
    return { slug: stem, file, replaced: true };
  }

  for (;;) {
    const slug = uniqueId(stem, taken);
    if (!isSlug(slug))
      throw new InvalidMapError([{ path: "title", message: "no file name can be made from this title" }]);
    const file = `${slug}.yaml`;
    const parsed = parseArgumentSource(source, file, { slug });
    if (!parsed.ok)
      throw new InvalidMapError(parsed.problems.map((p) => ({ path: p.path, message: p.message })));
    const filePath = insideDir(dir, file);
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(filePath, "wx", 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") {
        taken.add(slug);
        continue;
      }
      throw error;
    }
    try {
      await handle.writeFile(source, "utf8");
      await handle.sync();
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(filePath).catch(() => undefined);
      throw error;
    }
    return { slug, file };
  }
}
