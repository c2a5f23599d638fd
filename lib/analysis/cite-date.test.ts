import { describe, expect, it } from "vitest";
import { citeYear } from "./cite-date";

describe("citeYear", () => {
  it.each([
    ["2015", 2015],
    ["7/10/2015", 2015],
    ["July 10, 2015", 2015],
    ["2015-07-10", 2015],
    ["10 July 2015", 2015],
    ["Jul. 10th, 2015", 2015],
    ["Summer 2015", 2015],
    ["10.07.2015", 2015],
    ["2015-07-10T12:00:00Z", 2015],
    ["20150710", 2015],
    ["1-1-3000", 3000],
    ["2014–2015", 2015],
    ["1999, updated 2015", 2015],
    ["(2015)", 2015],
  ])("reads %s as %i", (date, year) => {
    expect(citeYear(date)).toEqual({ kind: "year", year });
  });

  it("reads two-digit years against a pivot year", () => {
    expect(citeYear("7/10/15", { pivotYear: 2026 })).toEqual({ kind: "year", year: 2015 });
    expect(citeYear("7-10-99", { pivotYear: 2026 })).toEqual({ kind: "year", year: 1999 });
    expect(citeYear("1/1/27", { pivotYear: 2026 })).toEqual({ kind: "year", year: 2027 });
    expect(citeYear("Summer '15", { pivotYear: 2026 })).toEqual({ kind: "year", year: 2015 });
    expect(citeYear("Jul ’98", { pivotYear: 2026 })).toEqual({ kind: "year", year: 1998 });
  });

  it("tells a missing date from an unreadable one", () => {
    for (const none of [undefined, "", "  ", "n.d.", "ND", "no date", "Undated"]) {
      expect(citeYear(none)).toEqual({ kind: "none" });
    }
    for (const bad of ["last summer", "Jul 15", "12345", "soon"]) {
      expect(citeYear(bad)).toEqual({ kind: "unreadable" });
    }
  });
});
