/** What a key press asks the editor to do. */
export type EditorShortcut =
  | "undo"
  | "redo"
  | "save"
  | "add-rebuttal"
  | "add-support"
  | "edit-claim"
  | "delete-claim";

/** The parts of a keyboard event the shortcuts look at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Where the key was pressed: in a text field (whose own keys win), and whether a claim is selected. */
export interface KeyContext {
  inTextField: boolean;
  claimSelected: boolean;
}

/** The single-key shortcuts, for the keyboard help. */
export const CLAIM_SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: "R", action: "Add a rebuttal to the selected claim" },
  { keys: "S", action: "Add a support to the selected claim" },
  { keys: "E", action: "Edit the selected claim" },
  { keys: "Delete", action: "Delete the selected claim (asks first)" },
];

/** The editing shortcuts with a modifier, for the keyboard help. */
export const MODIFIER_SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: "Ctrl/⌘ + Z", action: "Undo" },
  { keys: "Ctrl/⌘ + Shift + Z, Ctrl + Y", action: "Redo" },
  { keys: "Ctrl/⌘ + S", action: "Save now" },
];

/**
 * Maps a key press to an editing action. Save works everywhere; undo and redo leave text fields
 * their own undo; single keys act only on a selected claim and never while typing.
 */
export function shortcutFor(press: KeyPress, context: KeyContext): EditorShortcut | undefined {
  const key = press.key.toLowerCase();
  const mod = press.ctrlKey || press.metaKey;
  if (mod && !press.altKey) {
    if (key === "s" && !press.shiftKey) return "save";
    if (context.inTextField) return undefined;
    if (key === "z") return press.shiftKey ? "redo" : "undo";
    if (key === "y" && press.ctrlKey && !press.shiftKey) return "redo";
    return undefined;
  }
  if (mod || press.altKey || context.inTextField || !context.claimSelected) return undefined;
  if (press.shiftKey && key.length === 1) return undefined;
  if (key === "r") return "add-rebuttal";
  if (key === "s") return "add-support";
  if (key === "e") return "edit-claim";
  if (key === "delete" || key === "backspace") return "delete-claim";
  return undefined;
}

/** The parts of a focused element that decide whether it keeps a key press for itself. */
export interface FocusedField {
  tagName: string;
  /** An input's `type`. */
  type?: string;
  isContentEditable: boolean;
}

const BUTTON_INPUTS = new Set(["button", "submit", "reset", "image", "color", "file"]);
const ARROWS = new Set([
  "ArrowUp",
  "ArrowDown",
  "ArrowLeft",
  "ArrowRight",
  "Home",
  "End",
  "PageUp",
  "PageDown",
]);

/**
 * Whether a focused field uses a key itself, so the workspace and editing shortcuts leave it
 * alone: text fields and selects take every key; radios and sliders the arrows; checkboxes and
 * button-like inputs only Space and Enter.
 */
export function fieldTakesKey(field: FocusedField, key: string): boolean {
  if (field.isContentEditable) return true;
  const tag = field.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (field.type ?? "text").toLowerCase();
  if (type === "checkbox" || BUTTON_INPUTS.has(type)) return key === " " || key === "Enter";
  if (type === "radio" || type === "range") return ARROWS.has(key) || key === " ";
  return true;
}
