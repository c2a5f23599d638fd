/**
 * Keyboard commands as records: each says its keys, its label, its group and when it applies.
 * Key handling and the shortcuts help both read these lists; components bind what each one does.
 * A view adds its own list (the workspace's is in `workspace.ts`) and binds it the same way.
 */

/** One key combination. `mod` is Ctrl or ⌘; `ctrl` is Ctrl only (Ctrl+Y, which ⌘ does not mean). */
export interface KeyChord {
  /** `KeyboardEvent.key`, compared without case for letters. */
  key: string;
  mod?: boolean;
  ctrl?: boolean;
  shift?: boolean;
}

/** Where a key was pressed, as the `when` of each command sees it. */
export interface CommandContext {
  /** A text field (or another control that uses this key itself) has focus. */
  inTextField: boolean;
  /** The key was pressed inside a dialog, or a modal dialog or popover is open. */
  inDialog: boolean;
  /** An editing form or dialog is open. */
  formOpen: boolean;
  claimSelected: boolean;
  canEdit: boolean;
  /** The key is held down and repeating. */
  repeat: boolean;
}

/** The sections of the shortcuts help, in the order it shows them. */
export const COMMAND_GROUPS = ["Moving around", "View", "Editing", "History and saving"] as const;
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

export interface CommandRecord<Id extends string = string> {
  id: Id;
  /** What it does, as the help says it. */
  label: string;
  group: CommandGroup;
  /** The keys that run it; empty for a key a field handles itself (listed in the help only). */
  chords: readonly KeyChord[];
  /** How the help writes the keys, when the chords alone would not say it well. */
  keysLabel?: string;
  /** Only for visitors who may edit: the help hides it from everyone else. */
  editing?: boolean;
  /** Whether it applies here; without it, everywhere but in text fields and dialogs. */
  when?: (context: CommandContext) => boolean;
}

/** The parts of a keyboard event a chord is matched against. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const isLetter = (key: string) => key.length === 1 && key.toLowerCase() !== key.toUpperCase();

/** Whether a key press is this chord. Shift counts for letters and named keys, not for "?" or "/". */
export function chordMatches(chord: KeyChord, press: KeyPress): boolean {
  if (press.altKey) return false;
  const letter = isLetter(chord.key);
  if (letter ? press.key.toLowerCase() !== chord.key.toLowerCase() : press.key !== chord.key) return false;
  const mod = press.ctrlKey || press.metaKey;
  if (chord.ctrl ? !press.ctrlKey || press.metaKey : chord.mod ? !mod : mod) return false;
  if (chord.key.length === 1 && !letter && chord.shift === undefined) return true;
  return press.shiftKey === (chord.shift ?? false);
}

/** The default `when`: not while typing, not inside a dialog. */
export function outsideFieldsAndDialogs(context: CommandContext): boolean {
  return !context.inTextField && !context.inDialog;
}

/** The first command whose chord is this key press and which applies in this context. */
export function commandFor<C extends CommandRecord>(
  commands: readonly C[],
  press: KeyPress,
  context: CommandContext,
): C | undefined {
  return commands.find(
    (command) =>
      command.chords.some((chord) => chordMatches(chord, press)) &&
      (command.when ?? outsideFieldsAndDialogs)(context),
  );
}

const KEY_NAMES: Record<string, string> = {
  ArrowUp: "↑",
  ArrowDown: "↓",
  ArrowLeft: "←",
  ArrowRight: "→",
  " ": "Space",
};

/** How a chord is written: "Ctrl/⌘ + Shift + Z", "R", "Delete". */
export function chordLabel(chord: KeyChord): string {
  const key = KEY_NAMES[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  return [chord.mod ? "Ctrl/⌘" : "", chord.ctrl ? "Ctrl" : "", chord.shift ? "Shift" : "", key]
    .filter(Boolean)
    .join(" + ");
}

/** How the help writes a command's keys. */
export function keysLabel(command: CommandRecord): string {
  return command.keysLabel ?? command.chords.map(chordLabel).join(", ");
}

/** The commands a visitor can use, by group in the help's order (empty groups left out). */
export function commandsByGroup<C extends CommandRecord>(
  commands: readonly C[],
  { canEdit }: { canEdit: boolean },
): { group: CommandGroup; commands: C[] }[] {
  return COMMAND_GROUPS.map((group) => ({
    group,
    commands: commands.filter((c) => c.group === group && (canEdit || !c.editing)),
  })).filter((g) => g.commands.length > 0);
}

/** `aria-keyshortcuts` for a command (WAI-ARIA names: Control, Meta, Shift). */
export function ariaKeyShortcuts(command: CommandRecord): string {
  return command.chords
    .flatMap((chord) => {
      const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
      const shift = chord.shift ? "Shift+" : "";
      if (chord.mod) return [`Control+${shift}${key}`, `Meta+${shift}${key}`];
      if (chord.ctrl) return [`Control+${shift}${key}`];
      return [`${shift}${key}`];
    })
    .join(" ");
}
