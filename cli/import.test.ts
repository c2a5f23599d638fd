import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseArgumentSource } from "../lib/formats/argument-file";
import { runCli } from "./run";

const SAMPLES = path.resolve(__dirname, "../../shared/samples");
let dir: string;
let args: string;
let out: string;
let err: string;
const io = () => ({
  out: (t: string) => {
    out += t;
  },
  err: (t: string) => {
    err += t;
  },
  cwd: dir,
});

const KIALO =
  "Discussion Title: Should cities ban cars?\n\n1. Cities should ban cars.\n1.1. Pro: Cars pollute.\n";

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "clashmap-import-"));
  args = path.join(dir, "arguments");
  mkdirSync(args);
  process.env.ARGUMENTS_DIR = args;
  out = "";
  err = "";
});
afterEach(() => {
  delete process.env.ARGUMENTS_DIR;
  rmSync(dir, { recursive: true, force: true });
});

describe("import", () => {
  it("writes a new YAML map named from its title into ARGUMENTS_DIR and prints its report", async () => {
    writeFileSync(path.join(dir, "export.txt"), KIALO);
    expect(await runCli(["import", "export.txt"], io())).toBe(0);
    expect(readdirSync(args)).toEqual(["should-cities-ban-cars.yaml"]);
    const text = readFileSync(path.join(args, "should-cities-ban-cars.yaml"), "utf8");
    expect(parseArgumentSource(text, "should-cities-ban-cars.yaml").ok).toBe(true);
    expect(out).toBe(
      [
        "imported export.txt -> arguments/should-cities-ban-cars.yaml",
        "  Read as Kialo discussion export",
        "  2 claims, 1 relation (1 support, 0 attack, 0 undercut), 0 cards imported",
        "",
      ].join("\n"),
    );
  });

  it("gives a taken name a new slug, and replaces it only with --force", async () => {
    writeFileSync(path.join(dir, "export.txt"), KIALO);
    writeFileSync(path.join(args, "should-cities-ban-cars.yaml"), "keep me");
    expect(await runCli(["import", "export.txt"], io())).toBe(0);
    expect(readdirSync(args).sort()).toEqual([
      "should-cities-ban-cars-2.yaml",
      "should-cities-ban-cars.yaml",
    ]);
    expect(readFileSync(path.join(args, "should-cities-ban-cars.yaml"), "utf8")).toBe("keep me");
    expect(await runCli(["import", "export.txt", "--force"], io())).toBe(0);
    expect(readFileSync(path.join(args, "should-cities-ban-cars.yaml"), "utf8")).toContain(
      "Cities should ban cars.",
    );
  });

  it("writes to --out, never over an existing file without --force", async () => {
    writeFileSync(path.join(dir, "export.txt"), KIALO);
    expect(await runCli(["import", "export.txt", "--out", "mine.yaml"], io())).toBe(0);
    expect(readFileSync(path.join(dir, "mine.yaml"), "utf8")).toContain("title: Should cities ban cars?");
    writeFileSync(path.join(dir, "mine.yaml"), "keep me");
    expect(await runCli(["import", "export.txt", "--out", "mine.yaml"], io())).toBe(1);
    expect(err).toContain("mine.yaml already exists; add --force to overwrite it. Nothing written.");
    expect(readFileSync(path.join(dir, "mine.yaml"), "utf8")).toBe("keep me");
    expect(await runCli(["import", "export.txt", "--out", "mine.yaml", "--force"], io())).toBe(0);
    expect(readFileSync(path.join(dir, "mine.yaml"), "utf8")).toContain("Cities should ban cars.");
  });

  it("names the file from the map's title, never from the input's path", async () => {
    mkdirSync(path.join(dir, "deep"));
    writeFileSync(path.join(dir, "deep", "..evil..txt"), "Discussion Title: ../../etc/passwd\n\n1. T.\n");
    expect(await runCli(["import", "deep/..evil..txt"], io())).toBe(0);
    expect(readdirSync(args)).toEqual(["etc-passwd.yaml"]);
  });

  it("reports a malformed file with its line, writes nothing and exits 1", async () => {
    writeFileSync(path.join(dir, "broken.txt"), "1. Thesis.\n1.1. Pro: Yes.\n1.3.1. Con: Orphan.\n");
    expect(await runCli(["import", "broken.txt"], io())).toBe(1);
    expect(err).toBe(
      "broken.txt:3:1  1.3.1  no parent: there is no claim numbered 1.3\nbroken.txt: not imported, nothing written\n",
    );
    expect(readdirSync(args)).toEqual([]);
  });

  it("says which formats are known for a file of none of them, and takes --from", async () => {
    writeFileSync(path.join(dir, "notes.txt"), "just a note\n");
    expect(await runCli(["import", "notes.txt"], io())).toBe(1);
    expect(err).toContain("not a format Clashmap can import; known formats: yaml (YAML argument file)");
    expect(await runCli(["import", "notes.txt", "--from", "argdown"], io())).toBe(0);
    expect(readdirSync(args)).toEqual(["notes.yaml"]);
  });

  it("imports several files, each on its own, into an --out folder", async () => {
    writeFileSync(path.join(dir, "a.txt"), KIALO);
    writeFileSync(path.join(dir, "b.argdown"), "[A]: Homework helps.\n  - [B]: It stresses pupils.\n");
    writeFileSync(path.join(dir, "c.json"), "{ not json");
    expect(await runCli(["import", "a.txt", "b.argdown", "c.json", "--out", "maps"], io())).toBe(1);
    expect(readdirSync(path.join(dir, "maps")).sort()).toEqual(["b.yaml", "should-cities-ban-cars.yaml"]);
    expect(err).toContain("2 of 3 files imported");
  });

  it("is a usage error without a file", async () => {
    expect(await runCli(["import"], io())).toBe(2);
    expect(err).toContain("import needs at least one file");
  });

  it.skipIf(!existsSync(SAMPLES))("imports every shared sample", async () => {
    const files = ["kialo/russia-iran.txt", "aif/russia-iran.json", "argdown/argdown-primer.argdown"];
    expect(await runCli(["import", ...files.map((f) => path.join(SAMPLES, f))], io())).toBe(0);
    expect(readdirSync(args)).toHaveLength(3);
    expect(out).toContain("2 dialogue nodes skipped (L 1, YA 1)");
    expect(out).toContain('1 "-> See" link joined to the claim already in the map');
  });
});
