import type { Problem, ProblemCode } from "../model/problems";

/** The HTTP status a refused request answers with, for one kind of problem in what it sent or would write. */
export function problemStatus(code: ProblemCode): 413 | 422 {
  switch (code) {
    case "size":
      return 413;
    case "syntax":
    case "shape":
    case "version":
    case "reference":
    case "value":
    case "duplicate":
    case "name":
    case "unreadable":
    case "roundtrip":
      return 422;
    default: {
      const unknown: never = code;
      throw new Error(`unknown problem code ${String(unknown)}`);
    }
  }
}

/** The status of a request refused for these problems: 413 when anything is too large, else 422. */
export function statusForProblems(problems: readonly Problem[]): 413 | 422 {
  return problems.some((p) => problemStatus(p.code) === 413) ? 413 : 422;
}
