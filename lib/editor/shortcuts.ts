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
