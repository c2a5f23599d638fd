import { describe, expect, it } from "vitest";
import { plural } from "./plural";

describe("plural", () => {
  it("words a count with its noun, grouping thousands", () => {
    expect(plural(1, "claim")).toBe("1 claim");
    expect(plural(0, "card")).toBe("0 cards");
    expect(plural(3000, "claim")).toBe("3,000 claims");
    expect(plural(20_000, "body", "bodies")).toBe("20,000 bodies");
  });
});
