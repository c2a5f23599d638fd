import { describe, expect, it } from "vitest";
import { formatTags, parseTags } from "./tags";

describe("tags", () => {
  it("reads a comma-separated line, trimming and dropping empties and repeats", () => {
    expect(parseTags(" sanctions, energy ,, sanctions ,")).toEqual(["sanctions", "energy"]);
    expect(parseTags("   ")).toEqual([]);
  });

  it("writes a list that reads back the same", () => {
    const tags = ["sanctions", "energy policy"];
    expect(formatTags(tags)).toBe("sanctions, energy policy");
    expect(parseTags(formatTags(tags))).toEqual(tags);
    expect(formatTags(undefined)).toBe("");
  });
});
