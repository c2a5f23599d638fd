import { describe, expect, it } from "vitest";
import { PROBLEM_CODES, type Problem } from "../model/problems";
import { problemStatus, statusForProblems } from "./problem-status";

const problem = (code: Problem["code"]): Problem => ({ code, file: "request body", path: "", message: "m" });

describe("problem status", () => {
  it("answers 413 for a size problem and 422 for every other code", () => {
    expect(PROBLEM_CODES.map((code) => [code, problemStatus(code)])).toEqual(
      PROBLEM_CODES.map((code) => [code, code === "size" ? 413 : 422]),
    );
  });

  it("lets one size problem among others decide the status", () => {
    expect(statusForProblems([problem("reference"), problem("size")])).toBe(413);
    expect(statusForProblems([problem("reference"), problem("value")])).toBe(422);
  });
});
