import type { RelationType } from "./schema";

/** Map slugs: the file name without extension, limited so they can never leave their folder. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The id a relation gets when its file entry names none: readable and stable across saves. */
export function relationId(from: string, type: RelationType, to: string): string {
  return `${from}-${type === "support" ? "supports" : "attacks"}-${to}`;
}

/** True when `slug` is a safe map slug (no dots, slashes or upper case). */
export function isSlug(slug: string): boolean {
  return slug.length <= 80 && SLUG_PATTERN.test(slug);
}

/** Turns free text into a kebab-case id or slug stem; empty input gives `fallback`. */
export function slugify(text: string, fallback = "item", maxLength = 48): string {
  const base = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = base.slice(0, maxLength).replace(/-+$/g, "");
  return cut || fallback;
}

/** First id of the form `stem`, `stem-2`, `stem-3`… that `taken` does not hold yet. */
export function uniqueId(stem: string, taken: ReadonlySet<string>): string {
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
