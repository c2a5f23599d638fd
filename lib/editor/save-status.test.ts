import { describe, expect, it } from "vitest";
import { describeStatus } from "./save-status";

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

  it("counts the problems of a refused map, which the indicator lists in full", () => {
    const status = describeStatus({
      state: "invalid",
      problems: [
        { path: "claims.a.text", message: "must not be empty" },
        { path: "relations.0.to", message: "unknown claim" },
      ],
    });
    expect(status.text).toBe("Not saved: 2 problems");
    expect(describeStatus({ state: "invalid", problems: [{ path: "", message: "x" }] }).text).toBe(
      "Not saved: 1 problem",
    );
    expect(describeStatus({ state: "invalid", problems: [] }).text).toBe(
      "Not saved: the server refused the map",
    );
  });

  it("says saving stopped when the map is gone from the server", () => {
    expect(describeStatus({ state: "missing" })).toEqual({
      text: "Saving stopped. This map no longer exists on the server",
      tone: "problem",
    });
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
