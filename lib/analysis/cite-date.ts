/** What a cite's date field says about the year: a year, no date at all, or nothing readable. */
export type CiteYear = { kind: "year"; year: number } | { kind: "none" } | { kind: "unreadable" };

export interface CiteYearOptions {
  /**
   * The year two-digit years are read against: `7/10/15` is 2015 when that is at most a year after
   * it, else 1915. Default: the current year.
   */
  pivotYear?: number;
}

/** Words debaters write for a card with no date. */
const NO_DATE = /^(?:n\.?\s?d\.?|no date|undated|date unknown|unknown|-+|—)$/i;

// Four digits standing alone: "2015", "7/10/2015", "July 10, 2015", "2015-07-10", "Summer 2015".
const FOUR_DIGIT_YEAR = /(?<!\d)(\d{4})(?!\d)/g;
// Compact ISO: "20150710".
const COMPACT_ISO = /^(\d{4})(\d{2})(\d{2})$/;
// Numeric dates with a two-digit year last: "7/10/15", "10.07.15", "7-10-15".
const NUMERIC_SHORT = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{2})$/;
// An apostrophe year: "Summer '15", "Jul ’15".
const APOSTROPHE_YEAR = /['’‘](\d{2})(?!\d)/;

/**
 * Reads the year out of the many ways cites write dates ("2015", "7/10/2015", "July 10, 2015",
 * "2015-07-10", "10 July 2015", "Summer 2015", "7/10/15", "Jul. '15"). When a date names several
 * years (a range, or "1999, updated 2015") the latest is the card's year. "n.d." and the like mean
 * no date; text with no year in it is unreadable.
 */
export function citeYear(date: string | undefined, options: CiteYearOptions = {}): CiteYear {
  const text = (date ?? "").trim();
  if (text === "" || NO_DATE.test(text)) return { kind: "none" };
  const compact = COMPACT_ISO.exec(text);
  if (compact) return { kind: "year", year: Number(compact[1]) };
  const years = [...text.matchAll(FOUR_DIGIT_YEAR)].map((m) => Number(m[1])).filter((y) => y >= 1000);
  if (years.length > 0) return { kind: "year", year: Math.max(...years) };
  const short = NUMERIC_SHORT.exec(text) ?? APOSTROPHE_YEAR.exec(text);
  if (short) {
    const pivot = options.pivotYear ?? new Date().getFullYear();
    const year = 2000 + Number(short[1]);
    return { kind: "year", year: year <= pivot + 1 ? year : year - 100 };
  }
  return { kind: "unreadable" };
}
