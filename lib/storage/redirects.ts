import * as fsp from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { isSlug } from "../model/ids";
import { argumentsDir } from "./maps";
import { withFileLock, writeFileAtomic } from "./write";

/** Where a folder keeps the old addresses of renamed maps (a dot folder: the library ignores it). */
export const REDIRECTS_FILE = path.join(".clashmap", "redirects.json");

const redirectsSchema = z.object({
  version: z.literal(1),
  redirects: z.record(z.string().refine(isSlug), z.string().refine(isSlug)),
});

function redirectsPath(dir: string): string {
  return path.join(/*turbopackIgnore: true*/ path.resolve(dir), REDIRECTS_FILE);
}

/** The old slug → new slug records of a folder; a missing or unreadable file records nothing. */
export async function readRedirects(dir = argumentsDir()): Promise<Record<string, string>> {
  try {
    const text = await fsp.readFile(/*turbopackIgnore: true*/ redirectsPath(dir), "utf8");
    const parsed = redirectsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.redirects : {};
  } catch {
    return {};
  }
}

/** Where a renamed map's old slug now leads, if anywhere. */
export async function redirectFor(slug: string, dir = argumentsDir()): Promise<string | undefined> {
  if (!isSlug(slug)) return undefined;
  const target = (await readRedirects(dir))[slug];
  return target && target !== slug ? target : undefined;
}

async function updateRedirects(dir: string, change: (redirects: Record<string, string>) => boolean) {
  const file = redirectsPath(dir);
  await withFileLock(file, async () => {
    const redirects = await readRedirects(dir);
    if (!change(redirects)) return;
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const sorted = Object.fromEntries(Object.entries(redirects).sort(([a], [b]) => a.localeCompare(b)));
    await writeFileAtomic(file, `${JSON.stringify({ version: 1, redirects: sorted }, null, 2)}\n`);
  });
}

/**
 * Records that `from` is now `to`: links to `from`, and to any slug that led to `from`, lead to
 * `to` in one step; `to` itself is a map again, so no record sends it elsewhere.
 */
export async function recordRename(from: string, to: string, dir = argumentsDir()): Promise<void> {
  await updateRedirects(dir, (redirects) => {
    for (const [old, target] of Object.entries(redirects)) if (target === from) redirects[old] = to;
    redirects[from] = to;
    delete redirects[to];
    return true;
  });
}

/** Drops the record of `slug` once a map holds that slug again (created, restored or renamed to it). */
export async function forgetRedirect(slug: string, dir = argumentsDir()): Promise<void> {
  if (!(slug in (await readRedirects(dir)))) return;
  await updateRedirects(dir, (redirects) => {
    if (!(slug in redirects)) return false;
    delete redirects[slug];
    return true;
  });
}
