import { describe, expect, it } from "vitest";
import { liveEnabled } from "./live-config";

describe("liveEnabled", () => {
  it("is on only when CLASHMAP_LIVE says so", () => {
    expect(liveEnabled({ CLASHMAP_LIVE: "1" })).toBe(true);
    expect(liveEnabled({ CLASHMAP_LIVE: " true " })).toBe(true);
    expect(liveEnabled({ CLASHMAP_LIVE: "0" })).toBe(false);
    expect(liveEnabled({ CLASHMAP_LIVE: "" })).toBe(false);
    expect(liveEnabled({})).toBe(false);
  });
});
