import { type CommandRecord, chordMatches, type KeyChord, type KeyPress } from "../commands/registry";

/** What a key press asks a presentation to do. */
export type PresentCommandId =
  | "next"
  | "previous"
  | "first"
  | "last"
  | "digit"
  | "jump"
  | "blank"
  | "fullscreen"
  | "help"
  | "follow"
  | "exit";

/** A letter key, with or without Shift: the presentation has no Shift commands, and clickers may send capitals. */
const letter = (key: string): KeyChord[] => [{ key }, { key, shift: true }];

/**
 * The presentation's keyboard commands, as records of the command registry that its shortcuts
 * help lists. Clickers send PageDown and PageUp (some send "b" or "." for a black screen), so
 * those are here too.
 */
export const PRESENT_COMMANDS: readonly CommandRecord<PresentCommandId>[] = [
  {
    id: "next",
    chords: [{ key: "ArrowRight" }, { key: "ArrowDown" }, { key: " " }, { key: "PageDown" }],
    keysLabel: "→ · Space · PageDown",
    label: "Next step",
    group: "Moving around",
  },
  {
    id: "previous",
    chords: [{ key: "ArrowLeft" }, { key: "ArrowUp" }, { key: "PageUp" }],
    keysLabel: "← · PageUp",
    label: "Previous step",
    group: "Moving around",
  },
  { id: "first", chords: [{ key: "Home" }], label: "First step", group: "Moving around" },
  { id: "last", chords: [{ key: "End" }], label: "Last step", group: "Moving around" },
  {
    id: "digit",
    chords: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"].map((key) => ({ key })),
    keysLabel: "a number, then Enter",
    label: "Go to that step",
    group: "Moving around",
  },
  { id: "jump", chords: [{ key: "Enter" }], label: "Go to the step typed", group: "Moving around" },
  {
    id: "blank",
    chords: [...letter("b"), { key: "." }],
    keysLabel: "B",
    label: "Blank the screen, or bring it back",
    group: "View",
  },
  { id: "fullscreen", chords: letter("f"), keysLabel: "F", label: "Full screen on or off", group: "View" },
  { id: "help", chords: [{ key: "?" }], label: "Show these shortcuts", group: "View" },
  {
    id: "follow",
    chords: letter("q"),
    keysLabel: "Q",
    label: "Show the QR code for following on phones, or hide it",
    group: "View",
  },
  {
    id: "exit",
    chords: [{ key: "Escape" }],
    label: "Back to the workspace, on this claim",
    group: "Moving around",
  },
];

/** The parts of a keyboard event the presentation looks at. */
export type PresentKeyPress = Omit<KeyPress, "shiftKey"> & { shiftKey?: boolean };

/** The command a key press runs, if any; keys with Ctrl, ⌘ or Alt belong to the browser. */
export function presentCommandFor(press: PresentKeyPress): CommandRecord<PresentCommandId> | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey) return undefined;
  // Fields one by one: a KeyboardEvent's are getters on its prototype, which a spread would drop.
  const full: KeyPress = {
    key: press.key,
    ctrlKey: press.ctrlKey,
    metaKey: press.metaKey,
    altKey: press.altKey,
    shiftKey: press.shiftKey ?? false,
  };
  return PRESENT_COMMANDS.find((c) => c.chords.some((chord) => chordMatches(chord, full)));
}

/** The digits typed so far plus one more, kept short: no presentation has a million steps. */
export function typeDigit(typed: string, digit: string): string {
  return `${typed}${digit}`.replace(/^0+/, "").slice(-5);
}
