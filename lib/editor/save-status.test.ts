import { describe, expect, it } from "vitest";
import { describeStatus, savingStopped } from "./save-status";

describe("describeStatus", () => {
  it("words the quiet states", () => {
    expect(describeStatus({ state: "saved", revision: "r1" })).toEqual({
      text: "All changes saved",
      tone: "ok",
    });
    expect(describeStatus({ state: "pending" }).text).toBe("Unsaved changes");
    expect(describeStatus({ state: "saving" }).text).toBe("Saving…");
  });

  it("words a conflict", () => {
    expect(describeStatus({ state: "conflict", currentRevision: "r9" })).toEqual({
      text: "Conflict: this map changed elsewhere",
      tone: "problem",
    });
  });

  it("names the first problem of a refused map and counts the others", () => {
    const status = describeStatus({
      state: "invalid",
      problems: [
        { path: "claims.a.text", message: "must not be empty" },
        { path: "relations.0.to", message: "unknown claim" },
      ],
    });
    expect(status.text).toBe("Not saved: claims.a.text: must not be empty (and 1 more)");
    expect(describeStatus({ state: "invalid", problems: [] }).text).toBe(
      "Not saved: the server refused the map",
    );
  });

  it("prefixes errors with 'Not saved' exactly once", () => {
    expect(describeStatus({ state: "error", message: "Not saved: network error" }).text).toBe(
      "Not saved: network error",
    );
    expect(describeStatus({ state: "forbidden", message: "This server is read-only." }).text).toBe(
      "Not saved: This server is read-only.",
    );
  });
});

describe("savingStopped", () => {
  it("is true after a conflict or a refusal, false after passing errors", () => {
    expect(savingStopped({ state: "conflict" })).toBe(true);
    expect(savingStopped({ state: "forbidden", message: "no" })).toBe(true);
    expect(savingStopped({ state: "error", message: "offline" })).toBe(false);
    expect(savingStopped({ state: "saved", revision: "r" })).toBe(false);
  });
});
