import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// A writer that throws: what any bug or limit of writing back into the document would look like.
vi.mock("../formats/argument-file", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../formats/argument-file")>()),
  serializeArgumentSource: () => {
    throw new RangeError("Maximum call stack size exceeded");
  },
}));

const { loadStoredMap } = await import("./maps");
const { InvalidMapError, saveMap } = await import("./write");

const TEXT = "version: 1\ntitle: T\nclaims:\n  a: { text: A }\n";
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "clashmap-gives-up-"));
  writeFileSync(path.join(dir, "m.yaml"), TEXT);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("a save the writer gives up on", () => {
  it("is refused with a roundtrip problem and leaves the file as it was", async () => {
    const stored = await loadStoredMap("m", dir);
    if (!stored?.ok) throw new Error("the fixture should load");
    const edited = { ...stored.map, title: "Renamed" };
    const error = await saveMap("m", edited, stored.revision, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidMapError);
    expect((error as InstanceType<typeof InvalidMapError>).problems).toEqual([
      {
        code: "roundtrip",
        file: "m.yaml",
        path: "",
        message:
          "the edit could not be written into the file (Maximum call stack size exceeded); nothing was saved",
      },
    ]);
    expect(readFileSync(path.join(dir, "m.yaml"), "utf8")).toBe(TEXT);
  });
});
