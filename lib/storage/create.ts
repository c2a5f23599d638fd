import { mkdir, open, readdir, unlink } from "node:fs/promises";
import path from "node:path";
import { parseArgumentSource, serializeNewSource } from "../formats/argument-file";
import { JSON_SCHEMA_PATH } from "../formats/json-schema";
import { isSlug, slugify, uniqueId } from "../model/ids";
import { type ArgumentMap, FORMAT_VERSION } from "../model/schema";
import { thesisFromTitle } from "../model/thesis-from-title";
import { argumentsDir } from "./maps";
import { forgetRedirect } from "./redirects";
import { InvalidMapError, insideDir, requestProblem, withFileLock, writeFileAtomic } from "./write";

/** Longest title a new map may have. */
export const MAX_TITLE_LENGTH = 200;

/**
 * The map a new file starts with: its title, and one thesis to edit: the title stated as a claim
 * when it is a question of a common shape, otherwise a placeholder asking for the thesis.
 */
export function newMap(title: string): ArgumentMap {
  const text = title.trim();
  const thesis = thesisFromTitle(text);
  const id = thesis.placeholder ? "thesis" : slugify(thesis.text, "thesis");
  return {
    version: FORMAT_VERSION,
    title: text,
    theses: [id],
    claims: [{ id, text: thesis.text, side: "aff" }],
    relations: [],
    evidence: [],
  };
}

/**
 * The `$schema` reference a new file in `dir` carries: the project's schema by a relative path
 * when the folder is inside the project, so it works on every clone; none when the folder lies
 * elsewhere, since any path to it would only hold on this machine.
 */
export function schemaReferenceFor(dir: string, projectRoot = process.cwd()): string | null {
  const root = path.resolve(/*turbopackIgnore: true*/ projectRoot);
  const inside = path.relative(root, path.resolve(/*turbopackIgnore: true*/ dir));
  if (inside.startsWith("..") || path.isAbsolute(inside)) return null;
  const reference = path.relative(
    path.resolve(/*turbopackIgnore: true*/ dir),
    path.join(root, JSON_SCHEMA_PATH),
  );
  return reference.split(path.sep).join("/");
}

/** What creating a map gives: its slug and file, the slug the title asked for, and its thesis. */
export interface CreatedMap {
  slug: string;
  file: string;
  /** The slug made from the title; differs from `slug` when a map already had it. */
  requested: string;
  thesis: string;
  /** The thesis is a placeholder to replace (the title was a question of no known shape). */
  placeholder: boolean;
}

/**
 * Creates `<slug>.yaml` for a new map. The slug comes from the title, is unique among files of
 * any extension, and the file is created exclusively so two requests can never overwrite each other.
 */
export async function createMap(title: string, options: { dir?: string } = {}): Promise<CreatedMap> {
  const text = title.trim();
  if (!text) throw new InvalidMapError([requestProblem("value", "title", "a map needs a title")]);
  if (text.length > MAX_TITLE_LENGTH) {
    throw new InvalidMapError([
      requestProblem("value", "title", `a title has at most ${MAX_TITLE_LENGTH} characters`),
    ]);
  }
  const map = newMap(text);
  const created = await createMapFile(map, options);
  return { ...created, thesis: map.theses[0], placeholder: thesisFromTitle(text).placeholder };
}

/**
 * Creates `<slug>.yaml` holding `map`, the slug made from its title (never from anything a caller
 * names) and unique among files of any extension; created exclusively, so nothing is overwritten.
 * With `replace`, a file already holding the title's slug is replaced atomically instead.
 */
export async function createMapFile(
  map: ArgumentMap,
  options: { dir?: string; replace?: boolean } = {},
): Promise<{ slug: string; file: string; requested: string; replaced?: boolean }> {
  const dir = options.dir ?? argumentsDir();
  await mkdir(dir, { recursive: true });
  const names = await readdir(/*turbopackIgnore: true*/ dir);
  const taken = new Set(names.map((name) => name.split(".")[0].toLowerCase()));
  const stem = slugify(map.title, "map", 60);
  const source = serializeNewSource(map, "yaml", schemaReferenceFor(dir));

  if (options.replace && isSlug(stem) && names.includes(`${stem}.yaml`)) {
    const file = `${stem}.yaml`;
    const parsed = parseArgumentSource(source, file, { slug: stem });
    if (!parsed.ok) throw new InvalidMapError(parsed.problems);
    const filePath = insideDir(dir, file);
    await withFileLock(filePath, () => writeFileAtomic(filePath, source));
    await forgetRedirect(stem, dir);
    return { slug: stem, file, requested: stem, replaced: true };
  }

  const parsed = parseArgumentSource(source, `${stem}.yaml`, { slug: stem });
  if (!parsed.ok) throw new InvalidMapError(parsed.problems);
  return writeUnderNewSlug(dir, taken, stem, source);
}

/**
 * Writes an argument file's text that is already validated (an import checks what it makes) as
 * `<slug>.yaml`, the slug made from `title` and unique among the folder's files, created
 * exclusively; the text is not parsed again, so writing a big import costs only the write.
 */
export async function createMapFileFromSource(
  source: string,
  title: string,
  options: { dir?: string } = {},
): Promise<{ slug: string; file: string; requested: string }> {
  const dir = options.dir ?? argumentsDir();
  await mkdir(dir, { recursive: true });
  const names = await readdir(/*turbopackIgnore: true*/ dir);
  const taken = new Set(names.map((name) => name.split(".")[0].toLowerCase()));
  return writeUnderNewSlug(dir, taken, slugify(title, "map", 60), source);
}

async function writeUnderNewSlug(
  dir: string,
  taken: Set<string>,
  stem: string,
  source: string,
): Promise<{ slug: string; file: string; requested: string }> {
  for (;;) {
    const slug = uniqueId(stem, taken);
    if (!isSlug(slug))
      throw new InvalidMapError([
        requestProblem("name", "title", "no file name can be made from this title"),
      ]);
    const file = `${slug}.yaml`;
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
    await forgetRedirect(slug, dir);
    return { slug, file, requested: stem };
  }
}
