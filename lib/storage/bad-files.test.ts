import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listStoredMaps, loadStoredMap } from "./maps";
import { validateIncomingMap } from "./write";

const BOMB = path.join(__dirname, "..", "formats", "fixtures", "problems", "alias-bomb.yaml");
const GOOD = "version: 1\ntitle: Good map\nclaims:\n  a: { text: A }\n";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "clashmap-bad-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("one bad file in the arguments folder", () => {
  it("is listed with its problem while the other maps still load", async () => {
    copyFileSync(BOMB, path.join(dir, "alias-bomb.yaml"));
    symlinkSync(path.join(dir, "nowhere.yaml"), path.join(dir, "gone.yaml"));
    writeFileSync(path.join(dir, "good.yaml"), GOOD);
    const maps = await listStoredMaps(dir);
    expect(maps.map((m) => [m.slug, m.ok ? "ok" : m.problems.map((p) => p.code).join()])).toEqual([
      ["alias-bomb", "size"],
      ["gone", "unreadable"],
      ["good", "ok"],
    ]);
    const gone = maps[1];
    // The system error's code only: its message would show the server's folders.
    expect(gone.ok ? "" : gone.problems[0].message).toBe("the file could not be read (ENOENT)");
    const bomb = await loadStoredMap("alias-bomb", dir);
    expect(bomb && !bomb.ok && bomb.problems[0]).toMatchObject({
      file: "alias-bomb.yaml",
      line: 10,
      col: 10,
    });
  });
});

describe("a map sent for saving", () => {
  it("has its shape, value and reference problems reported together, quoted", () => {
    const result = validateIncomingMap({
      version: 1,
      title: "T",
      theses: ["a"],
      claims: [
        { id: "a", text: "A", side: "aff" },
        { id: "b", text: "B", side: "pro", evidence: ["ghost-card"] },
      ],
      relations: [
        { id: "r1", from: "b", to: "a", type: "supportz" },
        { id: "r2", from: "b", to: "b", type: "attack" },
      ],
      evidence: [],
    });
    expect(result.ok ? [] : result.problems).toEqual([
      {
        code: "value",
        file: "request body",
        path: "claims[1].side",
        message: 'expected one of "aff", "neg", got "pro"',
      },
      {
        code: "reference",
        file: "request body",
        path: "claims[1].evidence[0]",
        message: 'unknown evidence card "ghost-card"',
      },
      {
        code: "value",
        file: "request body",
        path: "relations[0].type",
        message: 'expected one of "support", "attack", got "supportz"',
      },
      {
        code: "reference",
        file: "request body",
        path: "relations[1].to",
        message: 'claim "b" cannot attack itself',
      },
    ]);
  });

  it("that is not a map at all says so", () => {
    const result = validateIncomingMap("not a map");
    expect(result.ok ? [] : result.problems).toEqual([
      { code: "shape", file: "request body", path: "", message: 'expected a mapping, got "not a map"' },
    ]);
  });
});
