import { describe, expect, it } from "vitest";
import {
  ariaKeyShortcuts,
  type CommandContext,
  type CommandRecord,
  chordLabel,
  commandFor,
  commandsByGroup,
  type KeyPress,
  keysLabel,
} from "./registry";
import { WORKSPACE_COMMANDS, workspaceCommand } from "./workspace";

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const onCanvas: CommandContext = {
  inTextField: false,
  inDialog: false,
  formOpen: false,
  claimSelected: true,
  canEdit: true,
  repeat: false,
};
const typing: CommandContext = { ...onCanvas, inTextField: true };
const run = (p: KeyPress, context: CommandContext = onCanvas) =>
  commandFor(WORKSPACE_COMMANDS, p, context)?.id;

describe("the workspace commands", () => {
  it("undo and redo with Ctrl or Cmd, Ctrl+Y too", () => {
    expect(run(press("z", { ctrlKey: true }))).toBe("undo");
    expect(run(press("z", { metaKey: true }))).toBe("undo");
    expect(run(press("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(run(press("Z", { metaKey: true, shiftKey: true }))).toBe("redo");
    expect(run(press("y", { ctrlKey: true }))).toBe("redo");
    expect(run(press("y", { metaKey: true }))).toBeUndefined();
  });

  it("leave undo to a text field being typed in, but save from anywhere", () => {
    expect(run(press("z", { ctrlKey: true }), typing)).toBeUndefined();
    expect(run(press("s", { ctrlKey: true }), typing)).toBe("save");
    expect(run(press("s", { metaKey: true }), { ...onCanvas, claimSelected: false, inDialog: true })).toBe(
      "save",
    );
  });

  it("act on the selected claim with single keys", () => {
    expect(run(press("r"))).toBe("add-rebuttal");
    expect(run(press("s"))).toBe("add-support");
    expect(run(press("a"))).toBe("add-card");
    expect(run(press("e"))).toBe("edit-claim");
    expect(run(press("Delete"))).toBe("delete-claim");
    expect(run(press("Backspace"))).toBe("delete-claim");
    expect(run(press("c"))).toBe("toggle-collapse");
  });

  it("ignore editing keys while typing, without a selection, in a form, held down, or with modifiers", () => {
    expect(run(press("r"), typing)).toBeUndefined();
    expect(run(press("r"), { ...onCanvas, claimSelected: false })).toBeUndefined();
    expect(run(press("r"), { ...onCanvas, formOpen: true })).toBeUndefined();
    expect(run(press("r"), { ...onCanvas, repeat: true })).toBeUndefined();
    expect(run(press("r"), { ...onCanvas, canEdit: false })).toBeUndefined();
    expect(run(press("R", { shiftKey: true }))).toBeUndefined();
    expect(run(press("r", { altKey: true }))).toBeUndefined();
    expect(run(press("r", { ctrlKey: true }))).toBeUndefined();
    expect(run(press("q"))).toBeUndefined();
  });

  it("move, search, fit and help outside text fields and dialogs; ? whatever Shift it takes", () => {
    expect(run(press("ArrowUp"), { ...onCanvas, claimSelected: false })).toBe("move");
    expect(run(press("/"))).toBe("search");
    expect(run(press("?", { shiftKey: true }))).toBe("help");
    expect(run(press("f"))).toBe("fit");
    expect(run(press("i"))).toBe("focus-inspector");
    expect(run(press("Escape"))).toBe("clear-selection");
    expect(run(press("/"), typing)).toBeUndefined();
    expect(run(press("Escape"), { ...onCanvas, inDialog: true })).toBeUndefined();
  });

  it("have unique ids, and keys that never run two commands in one context", () => {
    const ids = WORKSPACE_COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const chord of WORKSPACE_COMMANDS.flatMap((c) => c.chords)) {
      const p = press(chord.key, { ctrlKey: chord.mod || chord.ctrl, shiftKey: chord.shift ?? false });
      const matching = WORKSPACE_COMMANDS.filter((c) => commandFor([c], p, onCanvas));
      expect(matching.map((c) => c.id)).toHaveLength(1);
    }
  });

  it("are written for the help the way a keyboard shows them", () => {
    expect(keysLabel(workspaceCommand("undo"))).toBe("Ctrl/⌘ + Z");
    expect(keysLabel(workspaceCommand("add-card"))).toBe("A");
    expect(keysLabel(workspaceCommand("move"))).toBe("↑ ↓ ← →");
    expect(chordLabel({ key: "z", mod: true, shift: true })).toBe("Ctrl/⌘ + Shift + Z");
    expect(ariaKeyShortcuts(workspaceCommand("save"))).toBe("Control+S Meta+S");
  });

  it("list editing commands only for visitors who may edit, in the help's group order", () => {
    const reader = commandsByGroup(WORKSPACE_COMMANDS, { canEdit: false });
    expect(reader.map((g) => g.group)).toEqual(["Moving around", "View"]);
    const editor = commandsByGroup(WORKSPACE_COMMANDS, { canEdit: true });
    expect(editor.map((g) => g.group)).toEqual(["Moving around", "View", "Editing", "History and saving"]);
    expect(editor.flatMap((g) => g.commands).length).toBe(WORKSPACE_COMMANDS.length);
  });
});

describe("another view's commands", () => {
  it("bind the same way from a list of their own", () => {
    const present: CommandRecord<"next" | "previous">[] = [
      {
        id: "next",
        label: "Next step",
        group: "Moving around",
        chords: [{ key: "ArrowRight" }, { key: " " }],
      },
      { id: "previous", label: "Previous step", group: "Moving around", chords: [{ key: "ArrowLeft" }] },
    ];
    expect(commandFor(present, press(" "), onCanvas)?.id).toBe("next");
    expect(commandFor(present, press("ArrowLeft"), onCanvas)?.id).toBe("previous");
    expect(keysLabel(present[0])).toBe("→, Space");
  });
});
