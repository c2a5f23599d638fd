import { describe, expect, it } from "vitest";
import { fieldTakesKey, type KeyContext, type KeyPress, shortcutFor } from "./shortcuts";

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const onCanvas: KeyContext = { inTextField: false, claimSelected: true };
const typing: KeyContext = { inTextField: true, claimSelected: true };

describe("shortcutFor", () => {
  it("undoes and redoes with Ctrl or Cmd", () => {
    expect(shortcutFor(press("z", { ctrlKey: true }), onCanvas)).toBe("undo");
    expect(shortcutFor(press("z", { metaKey: true }), onCanvas)).toBe("undo");
    expect(shortcutFor(press("Z", { ctrlKey: true, shiftKey: true }), onCanvas)).toBe("redo");
    expect(shortcutFor(press("Z", { metaKey: true, shiftKey: true }), onCanvas)).toBe("redo");
    expect(shortcutFor(press("y", { ctrlKey: true }), onCanvas)).toBe("redo");
  });

  it("leaves undo to a text field being typed in, but saves from anywhere", () => {
    expect(shortcutFor(press("z", { ctrlKey: true }), typing)).toBeUndefined();
    expect(shortcutFor(press("s", { ctrlKey: true }), typing)).toBe("save");
    expect(shortcutFor(press("s", { metaKey: true }), { inTextField: false, claimSelected: false })).toBe(
      "save",
    );
  });

  it("acts on the selected claim with single keys", () => {
    expect(shortcutFor(press("r"), onCanvas)).toBe("add-rebuttal");
    expect(shortcutFor(press("s"), onCanvas)).toBe("add-support");
    expect(shortcutFor(press("e"), onCanvas)).toBe("edit-claim");
    expect(shortcutFor(press("Delete"), onCanvas)).toBe("delete-claim");
    expect(shortcutFor(press("Backspace"), onCanvas)).toBe("delete-claim");
  });

  it("ignores single keys while typing, without a selected claim, or with modifiers", () => {
    expect(shortcutFor(press("r"), typing)).toBeUndefined();
    expect(shortcutFor(press("r"), { inTextField: false, claimSelected: false })).toBeUndefined();
    expect(shortcutFor(press("R", { shiftKey: true }), onCanvas)).toBeUndefined();
    expect(shortcutFor(press("r", { altKey: true }), onCanvas)).toBeUndefined();
    expect(shortcutFor(press("x"), onCanvas)).toBeUndefined();
  });
});

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
