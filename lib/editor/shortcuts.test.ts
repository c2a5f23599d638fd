import { describe, expect, it } from "vitest";
import { fieldTakesKey } from "./shortcuts";

describe("fieldTakesKey", () => {
  const field = (tagName: string, type?: string, isContentEditable = false) => ({
    tagName,
    type,
    isContentEditable,
  });

  it("gives every key to text fields, text areas, selects and editable content", () => {
    for (const f of [field("INPUT", "text"), field("INPUT", "search"), field("TEXTAREA"), field("SELECT")]) {
      expect(fieldTakesKey(f, "r")).toBe(true);
      expect(fieldTakesKey(f, "ArrowDown")).toBe(true);
      expect(fieldTakesKey(f, "z")).toBe(true);
    }
    expect(fieldTakesKey(field("DIV", undefined, true), "/")).toBe(true);
  });

  it("gives radios and sliders their arrows but not letters", () => {
    expect(fieldTakesKey(field("INPUT", "radio"), "ArrowLeft")).toBe(true);
    expect(fieldTakesKey(field("INPUT", "range"), "ArrowUp")).toBe(true);
    expect(fieldTakesKey(field("INPUT", "radio"), "r")).toBe(false);
    expect(fieldTakesKey(field("INPUT", "radio"), "/")).toBe(false);
  });

  it("leaves arrows and letters on checkboxes, buttons and other elements to the shortcuts", () => {
    expect(fieldTakesKey(field("INPUT", "checkbox"), "ArrowDown")).toBe(false);
    expect(fieldTakesKey(field("INPUT", "checkbox"), "e")).toBe(false);
    expect(fieldTakesKey(field("INPUT", "checkbox"), " ")).toBe(true);
    expect(fieldTakesKey(field("INPUT", "submit"), "Enter")).toBe(true);
    expect(fieldTakesKey(field("BUTTON"), "ArrowDown")).toBe(false);
    expect(fieldTakesKey(field("DIV"), "r")).toBe(false);
  });
});
