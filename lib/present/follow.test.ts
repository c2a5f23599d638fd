import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  FOLLOWING,
  type FollowMode,
  followHref,
  followUrl,
  followView,
  liveSocketUrl,
  PRESENT_STATE_MAP,
  type PresentState,
  pageLocally,
  presenterName,
  presenterStepIn,
  readPresentState,
  shortFollowUrl,
  writePresentState,
} from "./follow";
import type { PresentStep } from "./steps";

const STEPS: PresentStep[] = ["a", "b", "c", "d", "e"].map((claimId, i) => ({
  claimId,
  depth: i === 0 ? 0 : 1,
  role: i === 0 ? "thesis" : "support",
}));

const state = (step: number, claimId: string, extra: Partial<PresentState> = {}): PresentState => ({
  step,
  claimId,
  presenter: "Ms Lee",
  updatedAt: 1,
  ...extra,
});

describe("the present document", () => {
  it("round-trips the presenter's state through a Y.Map named state", () => {
    const doc = new Y.Doc();
    expect(readPresentState(doc)).toBeUndefined();
    writePresentState(doc, state(2, "c", { from: "a" }));
    expect(readPresentState(doc)).toEqual(state(2, "c", { from: "a" }));
    expect(doc.getMap(PRESENT_STATE_MAP).get("step")).toBe(2);
    writePresentState(doc, state(3, "d"));
    expect(readPresentState(doc)).toEqual(state(3, "d"));
  });

  it("reaches another doc through Yjs updates, in one transaction per move", () => {
    const presenter = new Y.Doc();
    const follower = new Y.Doc();
    const updates: Uint8Array[] = [];
    presenter.on("update", (u: Uint8Array) => updates.push(u));
    writePresentState(presenter, state(1, "b"));
    writePresentState(presenter, state(1, "b"));
    expect(updates).toHaveLength(1);
    for (const u of updates) Y.applyUpdate(follower, u);
    expect(readPresentState(follower)).toEqual(state(1, "b"));
  });

  it("ignores a malformed state instead of trusting it", () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>(PRESENT_STATE_MAP);
    map.set("step", "three");
    map.set("claimId", "a");
    map.set("presenter", "x");
    map.set("updatedAt", 1);
    expect(readPresentState(doc)).toBeUndefined();
    map.set("step", -1);
    expect(readPresentState(doc)).toBeUndefined();
    map.set("step", 1);
    map.set("presenter", "x".repeat(500));
    expect(readPresentState(doc)).toBeUndefined();
  });

  it("refuses to write a state that does not validate", () => {
    expect(() => writePresentState(new Y.Doc(), state(-1, "a"))).toThrow();
    expect(() => writePresentState(new Y.Doc(), state(0, ""))).toThrow();
  });
});

describe("presenterName", () => {
  it("keeps one short trimmed line", () => {
    expect(presenterName("  Ms\n  Lee ")).toBe("Ms Lee");
    expect(presenterName("")).toBe("");
    expect(presenterName("x".repeat(100))).toHaveLength(60);
  });
});

describe("follow links", () => {
  it("builds the follow page's path and full address from the page's origin", () => {
    expect(followHref("russia-iran")).toBe("/maps/russia-iran/follow");
    expect(followHref("a b")).toBe("/maps/a%20b/follow");
    expect(followUrl("http://192.168.1.20:3000", "russia-iran")).toBe(
      "http://192.168.1.20:3000/maps/russia-iran/follow",
    );
  });

  it("shortens the link people type, keeping https spelled out", () => {
    expect(shortFollowUrl("http://10.0.0.5:3000/maps/m/follow")).toBe("10.0.0.5:3000/maps/m/follow");
    expect(shortFollowUrl("https://debate.example/maps/m/follow")).toBe(
      "https://debate.example/maps/m/follow",
    );
  });

  it("connects to the live server on the page's own host, wss under https", () => {
    expect(liveSocketUrl({ protocol: "http:", host: "127.0.0.1:3000" }, "/collab")).toBe(
      "ws://127.0.0.1:3000/collab",
    );
    expect(liveSocketUrl({ protocol: "https:", host: "debate.example" }, "/collab")).toBe(
      "wss://debate.example/collab",
    );
  });
});

describe("presenterStepIn", () => {
  it("is undefined before the presenter starts", () => {
    expect(presenterStepIn(STEPS, undefined)).toBeUndefined();
    expect(presenterStepIn([], state(0, "a"))).toBeUndefined();
  });

  it("takes the presenter's index when it holds the presenter's claim", () => {
    expect(presenterStepIn(STEPS, state(2, "c"))).toBe(2);
  });

  it("finds the presenter's claim when the follower's steps differ", () => {
    expect(presenterStepIn(STEPS, state(0, "d"))).toBe(3);
  });

  it("falls back to the index, kept within the steps, for a claim the follower lacks", () => {
    expect(presenterStepIn(STEPS, state(1, "new-claim"))).toBe(1);
    expect(presenterStepIn(STEPS, state(40, "new-claim"))).toBe(4);
  });
});

describe("following and reading alone", () => {
  it("shows the presenter's step while following", () => {
    expect(followView(FOLLOWING, 3)).toEqual({ step: 3, following: true });
    expect(followView(FOLLOWING, undefined)).toEqual({ step: undefined, following: true });
  });

  it("pages back alone, and on again up to the presenter, where it follows again", () => {
    let mode: FollowMode = FOLLOWING;
    mode = pageLocally(mode, 3, -1);
    expect(followView(mode, 3)).toEqual({ step: 2, following: false });
    mode = pageLocally(mode, 3, -1);
    expect(followView(mode, 3)).toEqual({ step: 1, following: false });
    // The presenter moves on; the follower stays where they read.
    expect(followView(mode, 4)).toEqual({ step: 1, following: false });
    mode = pageLocally(mode, 4, +1);
    expect(followView(mode, 4)).toEqual({ step: 2, following: false });
    mode = pageLocally(mode, 4, +1);
    mode = pageLocally(mode, 4, +1);
    expect(mode).toEqual(FOLLOWING);
  });

  it("never reads ahead of the presenter, nor before the first step", () => {
    expect(pageLocally(FOLLOWING, 3, +1)).toEqual(FOLLOWING);
    expect(pageLocally(FOLLOWING, 0, -1)).toEqual(FOLLOWING);
    expect(followView({ following: false, step: 0 }, 0)).toEqual({ step: 0, following: true });
    expect(pageLocally({ following: false, step: 0 }, 3, -1)).toEqual({ following: false, step: 0 });
  });

  it("follows again when the presenter steps back past the follower", () => {
    expect(followView({ following: false, step: 2 }, 1)).toEqual({ step: 1, following: true });
  });

  it("does nothing before the presenter starts", () => {
    expect(pageLocally(FOLLOWING, undefined, -1)).toEqual(FOLLOWING);
  });
});
