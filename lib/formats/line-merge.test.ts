import { describe, expect, it } from "vitest";
import { mergeLines } from "./line-merge";

const base = ["a", "b", "c", "d", "e", "f"];

describe("mergeLines", () => {
  it("carries an edit onto a version with other changes elsewhere", () => {
    const ours = ["a", "B (author's style)", "c", "d", "e", "f"];
    const theirs = ["a", "b", "c", "d", "E (edited)", "f"];
    expect(mergeLines(ours, base, theirs)).toEqual(["a", "B (author's style)", "c", "d", "E (edited)", "f"]);
  });

  it("takes the edit where both changed the same lines", () => {
    const ours = ["a", "b", "C (author)", "d", "e", "f"];
    const theirs = ["a", "b", "C (edited)", "d", "e", "f"];
    expect(mergeLines(ours, base, theirs)).toEqual(theirs);
  });

  it("keeps insertions and deletions from both sides", () => {
    const ours = ["# comment", ...base];
    const theirs = ["a", "b", "c", "d", "e", "f", "g"];
    expect(mergeLines(ours, base, theirs)).toEqual(["# comment", "a", "b", "c", "d", "e", "f", "g"]);
    const removed = ["a", "b", "d", "e", "f"];
    expect(mergeLines(ours, base, removed)).toEqual(["# comment", "a", "b", "d", "e", "f"]);
  });

  it("gives back ours when nothing was edited, and theirs when ours is the base", () => {
    const ours = ["a", "x", "c", "d", "e", "f"];
    expect(mergeLines(ours, base, base)).toEqual(ours);
    const theirs = ["a", "b", "y", "d", "e", "f"];
    expect(mergeLines(base, base, theirs)).toEqual(theirs);
  });

  it("merges long files of repeated lines", () => {
    const long = Array.from({ length: 40_000 }, (_, i) => (i % 4 === 0 ? `  claim-${i}:` : "    side: aff"));
    const ours = [...long];
    ours[3] = "    side: aff # kept";
    const theirs = [...long];
    theirs[39_001] = "    side: neg";
    const merged = mergeLines(ours, long, theirs);
    expect(merged?.[3]).toBe("    side: aff # kept");
    expect(merged?.[39_001]).toBe("    side: neg");
    expect(merged).toHaveLength(long.length);
  });

  it("merges a file of 300,000 lines (a 20,000-claim map) without overflowing the stack", () => {
    const long = Array.from({ length: 300_000 }, (_, i) => `  line-${i}: text`);
    const theirs = [...long];
    theirs[150_000] = "  line-150000: edited";
    const merged = mergeLines(long, long, theirs);
    expect(merged?.[150_000]).toBe("  line-150000: edited");
    expect(merged).toHaveLength(long.length);
  });
});

describe("mergeLines with changes that only touch", () => {
  it("keeps the author's lines and an insertion right after them", () => {
    const ours = ["a", "b1", "b2", "c", "d", "e", "f"];
    const theirs = ["a", "b", "new", "c", "d", "e", "f"];
    expect(mergeLines(ours, base, theirs)).toEqual(["a", "b1", "b2", "new", "c", "d", "e", "f"]);
  });

  it("still lets the edit win where both insert at one place", () => {
    const ours = ["a", "mine", "b", "c", "d", "e", "f"];
    const theirs = ["a", "theirs", "b", "c", "d", "e", "f"];
    expect(mergeLines(ours, base, theirs)).toEqual(theirs);
  });
});
