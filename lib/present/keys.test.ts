import { describe, expect, it } from "vitest";
import { PRESENT_COMMANDS, presentCommandFor, typeDigit } from "./keys";
import { formatElapsed, mapPictureHref, presentHref, workspaceHref } from "./links";
import { readPresentMessage } from "./sync";

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  presentCommandFor({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods })?.id;

describe("presentation keys", () => {
  it("steps on with →, Space and PageDown (what clickers send), back with ← and PageUp", () => {
    expect(["ArrowRight", " ", "PageDown"].map((k) => press(k))).toEqual(["next", "next", "next"]);
    expect(["ArrowLeft", "PageUp"].map((k) => press(k))).toEqual(["previous", "previous"]);
    expect(press("Home")).toBe("first");
    expect(press("End")).toBe("last");
  });

  it("blanks with B, toggles full screen with F, leaves with Escape, in either case", () => {
    expect(press("b")).toBe("blank");
    expect(press("B")).toBe("blank");
    expect(press("F")).toBe("fullscreen");
    expect(press("Escape")).toBe("exit");
    expect(press("?")).toBe("help");
    expect(press("q")).toBe("follow");
    expect(press("Q")).toBe("follow");
  });

  it("reads a real keyboard event, whose fields are getters on its prototype", () => {
    // Like a DOM KeyboardEvent: spreading it copies none of these.
    class EventLike {
      get key() {
        return "PageDown";
      }
      get ctrlKey() {
        return false;
      }
      get metaKey() {
        return false;
      }
      get altKey() {
        return false;
      }
      get shiftKey() {
        return false;
      }
    }
    expect(presentCommandFor(new EventLike())?.id).toBe("next");
  });

  it("leaves keys with Ctrl, ⌘ or Alt to the browser", () => {
    expect(press("f", { ctrlKey: true })).toBeUndefined();
    expect(press("ArrowRight", { altKey: true })).toBeUndefined();
    expect(press("b", { metaKey: true })).toBeUndefined();
    expect(press("x")).toBeUndefined();
  });

  it("collects a number to jump to", () => {
    expect(press("7")).toBe("digit");
    expect(press("Enter")).toBe("jump");
    expect(typeDigit(typeDigit("", "1"), "2")).toBe("12");
    expect(typeDigit("", "0")).toBe("");
  });

  it("gives every key to one command only", () => {
    const keys = PRESENT_COMMANDS.flatMap((c) => c.chords.map((k) => `${k.shift ? "Shift+" : ""}${k.key}`));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("presentation addresses", () => {
  it("carries the subtree, the step and the view", () => {
    expect(presentHref("russia-iran")).toBe("/maps/russia-iran/present");
    expect(presentHref("russia-iran", { step: 7 })).toBe("/maps/russia-iran/present?step=7");
    expect(presentHref("m", { from: "a-b", step: 2, view: "presenter" })).toBe(
      "/maps/m/present?from=a-b&step=2&view=presenter",
    );
    expect(workspaceHref("m", "claim-1")).toBe("/maps/m?focus=claim-1");
    expect(mapPictureHref("m")).toBe("/api/maps/m/export?format=svg");
  });

  it("shows the timer as m:ss, then h:mm:ss", () => {
    expect(formatElapsed(0)).toBe("0:00");
    expect(formatElapsed(65_400)).toBe("1:05");
    expect(formatElapsed(3_725_000)).toBe("1:02:05");
  });
});

describe("messages between presentation windows", () => {
  it("accepts our state and hello messages and nothing else", () => {
    expect(readPresentMessage({ type: "state", step: 3, blank: false })).toEqual({
      type: "state",
      step: 3,
      blank: false,
    });
    expect(readPresentMessage({ type: "hello", from: "x" })).toEqual({ type: "hello", from: "x" });
    expect(readPresentMessage({ type: "state", step: -1, blank: false })).toBeUndefined();
    expect(readPresentMessage("step 3")).toBeUndefined();
    expect(readPresentMessage({ type: "other" })).toBeUndefined();
  });
});
