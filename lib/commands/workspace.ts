import { type CommandContext, type CommandRecord, outsideFieldsAndDialogs } from "./registry";

/** A claim is selected, no editing form is open, and the key is not meant for a field or a dialog. */
const onSelectedClaim = (c: CommandContext) =>
  c.canEdit && c.claimSelected && !c.formOpen && !c.repeat && outsideFieldsAndDialogs(c);

/** Undo and redo: not while a form or a text field has its own undo. */
const outsideForms = (c: CommandContext) => c.canEdit && !c.formOpen && outsideFieldsAndDialogs(c);

export type WorkspaceCommandId =
  | "move"
  | "open"
  | "focus-inspector"
  | "toggle-inspector"
  | "clear-selection"
  | "search"
  | "search-step"
  | "toggle-collapse"
  | "fit"
  | "toggle-analysis"
  | "present"
  | "export"
  | "present-from-here"
  | "help"
  | "add-rebuttal"
  | "add-support"
  | "add-card"
  | "edit-claim"
  | "delete-claim"
  | "undo"
  | "redo"
  | "save";

/** The keyboard commands of the map workspace, in the order the shortcuts help lists them. */
export const WORKSPACE_COMMANDS: readonly CommandRecord<WorkspaceCommandId>[] = [
  {
    id: "move",
    label: "Move to the parent, first child or a sibling claim (in left-to-right view ← is the parent)",
    group: "Moving around",
    chords: [{ key: "ArrowUp" }, { key: "ArrowDown" }, { key: "ArrowLeft" }, { key: "ArrowRight" }],
    keysLabel: "↑ ↓ ← →",
  },
  {
    id: "open",
    label: "Open the focused claim or link in the inspector",
    group: "Moving around",
    chords: [{ key: "Enter" }],
  },
  {
    id: "focus-inspector",
    label: "Move focus to the inspector",
    group: "Moving around",
    chords: [{ key: "i" }],
  },
  {
    id: "toggle-inspector",
    label: "Hide or show the inspector",
    group: "View",
    chords: [{ key: "I", shift: true }],
    keysLabel: "Shift + I",
  },
  {
    id: "clear-selection",
    label: "Clear the selection",
    group: "Moving around",
    chords: [{ key: "Escape" }],
  },
  { id: "search", label: "Search claims and cards", group: "Moving around", chords: [{ key: "/" }] },
  {
    id: "search-step",
    label: "Next / previous match (bound by the search field)",
    group: "Moving around",
    chords: [],
    keysLabel: "Enter / Shift+Enter in search",
  },
  {
    id: "toggle-collapse",
    label: "Collapse or expand the selected claim",
    group: "View",
    chords: [{ key: "c" }],
    when: (c) => c.claimSelected && outsideFieldsAndDialogs(c),
  },
  { id: "fit", label: "Fit the whole map in view", group: "View", chords: [{ key: "f" }] },
  {
    id: "toggle-analysis",
    label: "Show or hide the analysis: which claims stand, unanswered arguments, warnings",
    group: "View",
    chords: [{ key: "A", shift: true }],
    keysLabel: "Shift + A",
  },
  { id: "present", label: "Present the map, step by step", group: "View", chords: [{ key: "p" }] },
  {
    id: "export",
    label: "Export the map or the selected claim's subtree",
    group: "View",
    chords: [{ key: "x" }],
  },
  {
    id: "present-from-here",
    label: "Present from the selected claim (its subtree)",
    group: "View",
    chords: [{ key: "P", shift: true }],
    keysLabel: "Shift + P",
    when: (c) => c.claimSelected && outsideFieldsAndDialogs(c),
  },
  { id: "help", label: "Show these shortcuts", group: "View", chords: [{ key: "?" }] },
  {
    id: "add-rebuttal",
    label: "Add a rebuttal to the selected claim",
    group: "Editing",
    chords: [{ key: "r" }],
    editing: true,
    when: onSelectedClaim,
  },
  {
    id: "add-support",
    label: "Add a support to the selected claim",
    group: "Editing",
    chords: [{ key: "s" }],
    editing: true,
    when: onSelectedClaim,
  },
  {
    id: "add-card",
    label: "Add a card to the selected claim",
    group: "Editing",
    chords: [{ key: "a" }],
    editing: true,
    when: onSelectedClaim,
  },
  {
    id: "edit-claim",
    label: "Edit the selected claim",
    group: "Editing",
    chords: [{ key: "e" }],
    editing: true,
    when: onSelectedClaim,
  },
  {
    id: "delete-claim",
    label: "Delete the selected claim (asks first)",
    group: "Editing",
    chords: [{ key: "Delete" }, { key: "Backspace" }],
    keysLabel: "Delete",
    editing: true,
    when: onSelectedClaim,
  },
  {
    id: "undo",
    label: "Undo",
    group: "History and saving",
    chords: [{ key: "z", mod: true }],
    editing: true,
    when: outsideForms,
  },
  {
    id: "redo",
    label: "Redo",
    group: "History and saving",
    chords: [
      { key: "z", mod: true, shift: true },
      { key: "y", ctrl: true },
    ],
    keysLabel: "Ctrl/⌘ + Shift + Z, Ctrl + Y",
    editing: true,
    when: outsideForms,
  },
  {
    id: "save",
    label: "Save now (edits also save by themselves)",
    group: "History and saving",
    chords: [{ key: "s", mod: true }],
    editing: true,
    // Works while typing too: a browser's own "save page" would be no use here.
    when: (c) => c.canEdit,
  },
];

/** One workspace command by id. */
export function workspaceCommand(id: WorkspaceCommandId): CommandRecord<WorkspaceCommandId> {
  const command = WORKSPACE_COMMANDS.find((c) => c.id === id);
  if (!command) throw new Error(`no command "${id}"`);
  return command;
}
