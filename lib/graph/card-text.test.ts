import { describe, expect, it } from "vitest";
import { citeLine, lastName, readSegments } from "./card-text";

describe("readSegments", () => {
  it("splits a quote into read and unread parts in order", () => {
    expect(
      readSegments("Russia supports the regime but waits for its end.", ["supports the regime", "its end"]),
    ).toEqual([
      { text: "Russia ", read: false },
      { text: "supports the regime", read: true },
      { text: " but waits for ", read: false },
      { text: "its end", read: true },
      { text: ".", read: false },
    ]);
  });

  it("merges overlapping and touching spans", () => {
    expect(readSegments("abc def ghi", ["abc def", "def ghi"])).toEqual([
      { text: "abc def ghi", read: true },
    ]);
    expect(readSegments("abcdef", ["abc", "def"])).toEqual([{ text: "abcdef", read: true }]);
  });

  it("matches spans verbatim and ignores spans that are not in the quote", () => {
    expect(readSegments("one\ntwo three", ["one two", "missing", "two"])).toEqual([
      { text: "one\n", read: false },
      { text: "two", read: true },
      { text: " three", read: false },
    ]);
  });

  it("marks only the first occurrence of a span", () => {
    expect(readSegments("Iran and Iran", ["Iran"])).toEqual([
      { text: "Iran", read: true },
      { text: " and Iran", read: false },
    ]);
  });

  it("finds each span after the one before it, so a repeated span marks the next occurrence", () => {
    expect(readSegments("no deal, no deal, no deal", ["deal", "no deal"])).toEqual([
      { text: "no ", read: false },
      { text: "deal", read: true },
      { text: ", ", read: false },
      { text: "no deal", read: true },
      { text: ", no deal", read: false },
    ]);
    expect(readSegments("a b a", ["b", "a"])).toEqual([
      { text: "a ", read: false },
      { text: "b", read: true },
      { text: " ", read: false },
      { text: "a", read: true },
    ]);
  });

  it("still marks a span listed out of quote order, at its first occurrence", () => {
    expect(readSegments("first then second", ["second", "first"])).toEqual([
      { text: "first", read: true },
      { text: " then ", read: false },
      { text: "second", read: true },
    ]);
  });

  it("treats regular expression characters in spans literally", () => {
    expect(readSegments("costs $5 (maybe)", ["$5 (maybe)"])).toEqual([
      { text: "costs ", read: false },
      { text: "$5 (maybe)", read: true },
    ]);
  });

  it("gives the whole quote unread without read spans", () => {
    expect(readSegments("plain")).toEqual([{ text: "plain", read: false }]);
    expect(readSegments("")).toEqual([]);
  });
});

describe("citeLine", () => {
  it("leads with the author's last name and year", () => {
    expect(
      citeLine({
        author: "Jane Smith",
        qualifications: "Professor",
        title: "On Iran",
        publication: "Journal",
        date: "2015-07-10",
        pages: "4-5",
        url: "https://example.org/a",
      }),
    ).toEqual({
      lead: "Smith 2015",
      rest: "Jane Smith, Professor, On Iran, Journal, 2015-07-10, p. 4-5",
      url: "https://example.org/a",
    });
  });

  it("leads with the publication when there is no author, and drops non-http links", () => {
    expect(
      citeLine({
        title: "Page",
        publication: "irandebate.org",
        note: "Page summary",
        url: "javascript:alert(1)",
      }),
    ).toEqual({ lead: "irandebate.org", rest: "Page, Page summary", url: undefined });
    expect(citeLine(undefined)).toBeUndefined();
  });

  it("takes last names from either order", () => {
    expect(lastName("Smith, John")).toBe("Smith");
    expect(lastName("John Q. Smith and Ann Lee")).toBe("Smith");
  });
});
