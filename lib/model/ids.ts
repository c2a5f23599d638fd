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

/**
 * Letters that Unicode does not decompose into a base letter and marks (NFKD leaves them whole),
 * written the way an English reader would type them.
 */
const TRANSLITERATION: Readonly<Record<string, string>> = {
  ß: "ss",
  ẞ: "ss",
  æ: "ae",
  Æ: "ae",
  œ: "oe",
  Œ: "oe",
  ø: "o",
  Ø: "o",
  ł: "l",
  Ł: "l",
  đ: "d",
  Đ: "d",
  ð: "d",
  Ð: "d",
  þ: "th",
  Þ: "th",
  ı: "i",
  ħ: "h",
  Ħ: "h",
  ŧ: "t",
  Ŧ: "t",
  ŋ: "ng",
  Ŋ: "ng",
  ſ: "s",
  ƒ: "f",
};

/**
 * Turns free text into a kebab-case id or slug stem: letters transliterated (`Über-größe` →
 * `uber-grosse`), apostrophes dropped inside words, and a long text cut after its last whole word
 * that fits in `maxLength` (a single longer word is cut). Empty input gives `fallback`.
 */
export function slugify(text: string, fallback = "item", maxLength = 48): string {
  const base = text
    .replace(/[ßẞæÆœŒøØłŁđĐðÐþÞıħĦŧŦŋŊſƒ]/g, (ch) => TRANSLITERATION[ch] ?? ch)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/(?<=[a-z0-9])['’ʼ](?=[a-z0-9])/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (base.length <= maxLength) return base || fallback;
  const cut = base.slice(0, maxLength);
  const lastBreak = cut.lastIndexOf("-");
  const words = base[maxLength] === "-" || lastBreak <= 0 ? cut : cut.slice(0, lastBreak);
  return words.replace(/-+$/g, "") || fallback;
}

/** First id of the form `stem`, `stem-2`, `stem-3`… that `taken` does not hold yet. */
export function uniqueId(stem: string, taken: ReadonlySet<string>): string {
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
