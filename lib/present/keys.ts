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
  | "exit";

/** One presentation command as a record: the keys that run it and how the shortcuts help names it. */
export interface PresentCommand {
  id: PresentCommandId;
  /** `KeyboardEvent.key` values, compared case-insensitively for letters. */
  keys: readonly string[];
  /** The keys as the help lists them. */
  shown: string;
  label: string;
}

/**
 * The presentation's keyboard commands. Clickers send PageDown and PageUp (some send "b" or "."
 * for a black screen), so those are here too.
 */
export const PRESENT_COMMANDS: readonly PresentCommand[] = [
  {
    id: "next",
    keys: ["ArrowRight", "ArrowDown", " ", "PageDown"],
    shown: "→ · Space · PageDown",
    label: "Next step",
  },
  { id: "previous", keys: ["ArrowLeft", "ArrowUp", "PageUp"], shown: "← · PageUp", label: "Previous step" },
  { id: "first", keys: ["Home"], shown: "Home", label: "First step" },
  { id: "last", keys: ["End"], shown: "End", label: "Last step" },
  {
    id: "digit",
    keys: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
    shown: "a number, then Enter",
    label: "Go to that step",
  },
  { id: "jump", keys: ["Enter"], shown: "Enter", label: "Go to the step typed" },
  { id: "blank", keys: ["b", "."], shown: "B", label: "Blank the screen, or bring it back" },
  { id: "fullscreen", keys: ["f"], shown: "F", label: "Full screen on or off" },
  { id: "help", keys: ["?"], shown: "?", label: "Show these shortcuts" },
  { id: "exit", keys: ["Escape"], shown: "Escape", label: "Back to the workspace, on this claim" },
];

/** The parts of a keyboard event the presentation looks at. */
export interface PresentKeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The command a key press runs, if any; keys with Ctrl, ⌘ or Alt belong to the browser. */
export function presentCommandFor(press: PresentKeyPress): PresentCommand | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey) return undefined;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  return PRESENT_COMMANDS.find((c) => c.keys.includes(key));
}

/** The digits typed so far plus one more, kept short: no presentation has a million steps. */
export function typeDigit(typed: string, digit: string): string {
  return `${typed}${digit}`.replace(/^0+/, "").slice(-5);
}
