import { describe, expect, it } from "vitest";
import { EditError } from "../model/edits";
import { markSelection, spansInQuote } from "./read-spans";

const QUOTE = "Russia will not join sanctions. Iran depends on Russian arms and reactors.";

describe("markSelection", () => {
  it("adds the selected text, trimmed", () => {
    expect(markSelection(QUOTE, [], 0, 32)).toEqual(["Russia will not join sanctions."]);
  });

  it("accepts a selection made backwards", () => {
    expect(markSelection(QUOTE, [], 11, 0)).toEqual(["Russia will"]);
  });

  it("keeps spans in the order they occur in the quote", () => {
    const later = markSelection(QUOTE, [], 32, 36);
    expect(markSelection(QUOTE, later, 0, 6)).toEqual(["Russia", "Iran"]);
  });

  it("leaves the list alone when a span already covers the selection", () => {
    expect(markSelection(QUOTE, ["Russia will not"], 7, 11)).toEqual(["Russia will not"]);
  });

  it("replaces spans the selection covers", () => {
    expect(markSelection(QUOTE, ["will", "Iran"], 0, 20)).toEqual(["Russia will not join", "Iran"]);
  });

  it("refuses an empty or blank selection", () => {
    expect(() => markSelection(QUOTE, [], 5, 5)).toThrow(EditError);
    expect(() => markSelection("a   b", [], 1, 4)).toThrow("Select some text");
  });
});

describe("spansInQuote", () => {
  it("drops spans the edited quote no longer contains", () => {
    expect(spansInQuote("Iran depends on Russia", ["Russia", "sanctions", "Iran"])).toEqual([
      "Iran",
      "Russia",
    ]);
  });
});
