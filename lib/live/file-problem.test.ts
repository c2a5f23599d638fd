import { describe, expect, it } from "vitest";
import { fileProblemMessage, readFileProblem } from "./file-problem";

describe("file problem messages", () => {
  it("round-trips a problem and its all-clear", () => {
    expect(readFileProblem(fileProblemMessage("a.yaml does not read as a map (3:1 …)"))).toBe(
      "a.yaml does not read as a map (3:1 …)",
    );
    expect(readFileProblem(fileProblemMessage(null))).toBeNull();
  });

  it("ignores anything else", () => {
    for (const payload of [
      "",
      "{",
      "null",
      '{"clashmap":"other","problem":"x"}',
      '{"clashmap":"file-problem"}',
      '{"clashmap":"file-problem","problem":5}',
    ])
      expect(readFileProblem(payload)).toBeUndefined();
    expect(
      readFileProblem(JSON.stringify({ clashmap: "file-problem", problem: "x".repeat(3000) })),
    ).toBeUndefined();
  });
});
