import { describe, expect, it, vi } from "vitest";

// A parser that throws on everything: what any bug or limit of the yaml package would look like.
vi.mock("yaml", async (importOriginal) => ({
  ...(await importOriginal<typeof import("yaml")>()),
  parseDocument: () => {
    throw new RangeError("Maximum call stack size exceeded");
  },
}));

const { parseArgumentSource } = await import("./argument-file");

describe("a file the parser throws on", () => {
  it("is a located problem of that file, not an exception", () => {
    // A flow mapping is beyond the fast reader, so the file goes to the full parser.
    expect(parseArgumentSource("version: 1\ntitle: T\nclaims: { a: { text: A } }\n", "deep.yaml")).toEqual({
      ok: false,
      problems: [
        {
          code: "unreadable",
          file: "deep.yaml",
          line: 1,
          col: 1,
          path: "",
          message: "the file could not be read: Maximum call stack size exceeded",
        },
      ],
    });
  });
});
