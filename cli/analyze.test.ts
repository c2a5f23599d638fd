import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./run";

const ROOT = path.join(__dirname, "..");
let dir: string;
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

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "clashmap-analyze-"));
  out = "";
  err = "";
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

// The uniforms clash: the aff thesis stands because its only attack is refuted.
const UNIFORMS = `version: 1
title: School uniforms
claims:
  uniforms-help:
    text: School uniforms help students learn
    side: aff
    evidence: [study]
  cost-burden:
    text: Uniforms are a cost burden for poor families
    attacks: uniforms-help
    evidence: [study]
  cheaper:
    text: Uniforms are cheaper than a fashionable wardrobe
    attacks: cost-burden
evidence:
  study:
    tag: A study
    cite: { author: Jane Doe, date: "7/10/2009", publication: Example Times }
    quote: The quote.
`;

// Every claim answered (a mutual attack), every claim carded with a full, recent cite.
const CLEAN = `version: 1
title: Clean
claims:
  a: { text: A, side: aff, attacks: b, evidence: [c] }
  b: { text: B, side: neg, attacks: a, evidence: [c2] }
evidence:
  c: { tag: Aff card, cite: { author: W, date: "2020", publication: P }, quote: q }
  c2: { tag: Neg card, cite: { author: W, date: "2021", url: "https://example.org" }, quote: q }
`;

const BROKEN = "version: 1\ntitle: Broken\nclaims:\n  a: { text: A, attacks: nobody }\n";

describe("analyze", () => {
  it("prints exactly the documented JSON object for one file", async () => {
    writeFileSync(path.join(dir, "uniforms.yaml"), UNIFORMS);
    expect(await runCli(["analyze", "uniforms.yaml", "--json"], io())).toBe(0);
    expect(JSON.parse(out)).toEqual({
      claims: [
        {
          id: "uniforms-help",
          status: "in",
          reason: "All attackers refuted: “Uniforms are a cost burden for poor families”",
        },
        {
          id: "cost-burden",
          status: "out",
          reason: "Refuted by “Uniforms are cheaper than a fashionable wardrobe”",
        },
        { id: "cheaper", status: "in", reason: "Unattacked" },
      ],
      unanswered: { aff: ["cheaper"], neg: [] },
      warnings: [
        {
          kind: "no-evidence",
          id: "cheaper",
          message: "“Uniforms are cheaper than a fashionable wardrobe” has no card and no support",
        },
        {
          kind: "card-both-sides",
          id: "study",
          message:
            "Card “A study” is quoted for aff (“School uniforms help students learn”) and for neg (“Uniforms are a cost burden for poor families”)",
        },
      ],
    });
    expect(err).toContain("1 file analysed: 1 unanswered argument, 2 warnings");
  });

  it("--since adds the cards older than that year", async () => {
    writeFileSync(path.join(dir, "uniforms.yaml"), UNIFORMS);
    expect(await runCli(["analyze", "uniforms.yaml", "--json", "--since", "2010"], io())).toBe(0);
    const warnings = JSON.parse(out).warnings;
    expect(warnings).toContainEqual({
      kind: "old-card",
      id: "study",
      message: "Card “A study” is from 2009, before 2010",
    });
  });

  it("prints one entry per file for a folder, invalid files with their located problems, and exits 1", async () => {
    mkdirSync(path.join(dir, "maps"));
    writeFileSync(path.join(dir, "maps", "uniforms.yaml"), UNIFORMS);
    writeFileSync(path.join(dir, "maps", "broken.yaml"), BROKEN);
    expect(await runCli(["analyze", "maps", "--json"], io())).toBe(1);
    const json = JSON.parse(out);
    expect(json.map((entry: { file: string }) => entry.file)).toEqual([
      path.join("maps", "broken.yaml"),
      path.join("maps", "uniforms.yaml"),
    ]);
    expect(json[0]).toEqual({
      file: path.join("maps", "broken.yaml"),
      problems: [
        {
          code: "reference",
          line: 4,
          col: 26,
          path: "claims.a.attacks",
          message: 'unknown claim or relation "nobody"',
        },
      ],
    });
    expect(Object.keys(json[1])).toEqual(["file", "claims", "unanswered", "warnings"]);
    expect(err).toContain('maps/broken.yaml:4:26  claims.a.attacks  unknown claim or relation "nobody"');
  });

  it("an invalid single file prints its problems and no analysis", async () => {
    writeFileSync(path.join(dir, "broken.yaml"), BROKEN);
    expect(await runCli(["analyze", "broken.yaml", "--json"], io())).toBe(1);
    expect(out).toBe("");
    expect(err).toContain("broken.yaml:4:26  claims.a.attacks");
  });

  it("prints a readable report without --json", async () => {
    writeFileSync(path.join(dir, "uniforms.yaml"), UNIFORMS);
    expect(await runCli(["analyze", "uniforms.yaml"], io())).toBe(0);
    expect(out).toContain("uniforms.yaml: School uniforms");
    expect(out).toContain("3 claims: 2 stand, 1 refuted, 0 contested");
    expect(out).toMatch(/^ {4}refuted {4}cost-burden {4}Refuted by “Uniforms are cheaper/m);
    expect(out).toContain("Aff arguments neg has not answered (1)");
    expect(out).toMatch(/^ {4}cheaper {8}Uniforms are cheaper than a fashionable wardrobe$/m);
    expect(out).toContain("Neg arguments aff has not answered (0)");
    expect(out).toContain("Cards quoted for both sides (1) [card-both-sides]");
  });

  it("--fail-on unanswered and --fail-on warnings exit 1 only when something is found", async () => {
    writeFileSync(path.join(dir, "uniforms.yaml"), UNIFORMS);
    writeFileSync(path.join(dir, "clean.yaml"), CLEAN);
    expect(await runCli(["analyze", "uniforms.yaml", "--fail-on", "unanswered"], io())).toBe(1);
    expect(await runCli(["analyze", "uniforms.yaml", "--fail-on", "warnings"], io())).toBe(1);
    expect(
      await runCli(["analyze", "clean.yaml", "--fail-on", "unanswered,warnings", "--since", "2015"], io()),
    ).toBe(0);
    expect(await runCli(["analyze", "clean.yaml", "--fail-on", "warnings", "--since", "2021"], io())).toBe(1);
  });

  it("analyses the bundled maps", async () => {
    expect(await runCli(["analyze", path.join(ROOT, "arguments"), "--json"], io())).toBe(0);
    const [entry] = JSON.parse(out);
    expect(entry.file).toMatch(/russia-iran\.yaml$/);
    expect(entry.claims.length).toBeGreaterThan(20);
    for (const claim of entry.claims) expect(["in", "out", "undecided"]).toContain(claim.status);
  });

  it("exits 2 on usage errors", async () => {
    writeFileSync(path.join(dir, "uniforms.yaml"), UNIFORMS);
    expect(await runCli(["analyze", "uniforms.yaml", "--since", "lately"], io())).toBe(2);
    expect(await runCli(["analyze", "uniforms.yaml", "--fail-on", "everything"], io())).toBe(2);
    expect(await runCli(["analyze", "no-such.yaml"], io())).toBe(2);
    expect(err).toContain("Usage:");
  });
});
