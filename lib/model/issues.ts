import type { z } from "zod";
import { type ProblemCode, quoteValue } from "./problems";

/** Parse options that make zod keep the offending value in each issue, so messages can quote it. */
export const REPORT_INPUT = { reportInput: true } as const;

/** A wrong type or a missing field is a shape problem; anything else about a value is a value problem. */
export function issueCode(issue: z.core.$ZodIssue): ProblemCode {
  return issue.code === "invalid_type" || issue.code === "unrecognized_keys" ? "shape" : "value";
}

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  record: "a mapping",
};

/**
 * A zod issue in words, quoting the value that was given (parse with `REPORT_INPUT`):
 * `expected one of "support", "attack", got "supportz"`.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const got = issue.input === undefined ? "" : `, got ${quoteValue(issue.input)}`;
  switch (issue.code) {
    case "invalid_type": {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return issue.input === undefined
        ? `missing required field (expected ${expected})`
        : `expected ${expected}${got}`;
    }
    case "invalid_value": {
      const values = issue.values.map((v) => quoteValue(v)).join(", ");
      return `expected ${issue.values.length === 1 ? "" : "one of "}${values}${got}`;
    }
    case "too_small":
      return issue.origin === "string" && Number(issue.minimum) === 1
        ? "must not be empty"
        : `${issue.message}${got}`;
    case "invalid_format":
    case "custom":
      return `${issue.message}${typeof issue.input === "string" ? got : ""}`;
    case "unrecognized_keys":
      return issue.keys.map((key) => `unknown field ${quoteValue(key)}`).join("; ");
    default:
      return issue.message;
  }
}
