import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import mammoth from "mammoth";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArgumentSource } from "../lib/formats/argument-file";
import { exportFormats } from "../lib/formats/export";
import { citeLine } from "../lib/graph/card-text";
import { readingOrder } from "../lib/model/reading-order";
import type { ArgumentMap } from "../lib/model/schema";
import { type Io, runCli } from "./run";

const ROOT = path.join(__dirname, "..");
const BUNDLED = path.join(ROOT, "arguments", "russia-iran.yaml");
const HAS_POPPLER = existsSync("/usr/bin/pdftotext");
let dir: string;

function bundled(): ArgumentMap {
  const parsed = parseArgumentSource(readFileSync(BUNDLED, "utf8"), "russia-iran.yaml");
  if (!parsed.ok) throw new Error("the bundled map does not parse");
  return parsed.value.map;
}
const map = bundled();
const squash = (s: string) => s.replace(/\s+/g, " ");

function capture(overrides: Partial<Io> = {}) {
  const seen = { out: "", err: "", bytes: [] as Uint8Array[] };
  const io: Io = {
    out: (t) => {
      seen.out += t;
    },
    err: (t) => {
      seen.err += t;
    },
    outBytes: (b) => {
      seen.bytes.push(b);
    },
    stdoutIsTTY: false,
    cwd: dir,
    ...overrides,
  };
  return { io, seen };
}

/** Exports the bundled map to `<dir>/russia-iran.<ext>` and returns the file's path. */
const files = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "clashmap-cli-export-"));
  for (const format of exportFormats()) {
    const out = path.join(dir, `russia-iran.${format.extension}`);
    const { io, seen } = capture();
    const code = await runCli(["export", BUNDLED, "--format", format.id, "--out", out], io);
    expect(code, `${format.id}: ${seen.err}`).toBe(0);
    files.set(format.id, out);
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("export of the bundled map in every format", () => {
  it("writes a file for every registered export format", () => {
    expect([...files.keys()]).toEqual(exportFormats().map((f) => f.id));
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(["csv", "docx", "json", "md", "pdf", "png", "svg", "yaml"]),
    );
  });

  it("svg holds every claim's text", () => {
    const svg = readFileSync(files.get("svg")!, "utf8")
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
    const texts = [...svg.matchAll(/xml:space="preserve">([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    for (const claim of map.claims) for (const word of claim.text.split(" ")) expect(texts).toContain(word);
  });

  it("png is at least 1,600 px wide", () => {
    const png = readFileSync(files.get("png")!);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1600);
    expect(png.readUInt32BE(20)).toBeGreaterThan(400);
  });

  it.skipIf(!HAS_POPPLER)("pdf text holds every claim and every card's cite", () => {
    const text = squash(execFileSync("pdftotext", [files.get("pdf")!, "-"], { encoding: "utf8" }));
    for (const claim of map.claims) expect(text).toContain(squash(claim.text));
    for (const card of map.evidence) {
      const cite = citeLine(card.cite)!;
      expect(text).toContain(`${cite.lead}, ${cite.rest}`.split(",")[0]);
      expect(text.replace(/ /g, "")).toContain(cite.url);
    }
  });

  it("the brief holds every card's cite", () => {
    const md = readFileSync(files.get("md")!, "utf8");
    for (const card of map.evidence) {
      const cite = citeLine(card.cite)!;
      expect(md).toContain(`**${cite.lead}**`);
      expect(md).toContain(`<${cite.url}>`);
    }
  });

  it("the docx opens with one Heading 4 per claim and the read spans highlighted", async () => {
    const { value } = await mammoth.convertToHtml(
      { path: files.get("docx")! },
      { styleMap: ["p[style-name='Tag'] => h4:fresh", "highlight[color='yellow'] => mark"] },
    );
    expect(value.match(/<h4>/g)).toHaveLength(map.claims.length);
    const marks = [...value.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]).join(" ");
    expect(marks).toContain(
      "Iran cannot be politically and economically isolated without Russia fully cooperating",
    );
  });

  it("the csv parses back with as many rows as lines of argument", () => {
    const parsed = Papa.parse<string[]>(readFileSync(files.get("csv")!, "utf8"), {
      delimiter: ",",
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    const steps = readingOrder(map);
    const lines = steps.filter((s, i) => !(steps[i + 1] && steps[i + 1].depth === s.depth + 1)).length;
    expect(parsed.data.length - 1).toBe(lines);
  });

  it("json and yaml come out as before: normalized JSON, and the author's file as written", () => {
    expect(JSON.parse(readFileSync(files.get("json")!, "utf8"))).toMatchObject({
      version: 1,
      slug: "russia-iran",
    });
    expect(readFileSync(files.get("yaml")!, "utf8")).toBe(readFileSync(BUNDLED, "utf8"));
  });
});

describe("export options and errors", () => {
  it("exports one claim's subtree with --claim", async () => {
    const { io, seen } = capture();
    expect(await runCli(["export", BUNDLED, "--format", "md", "--claim", "convince-moscow"], io)).toBe(0);
    expect(seen.out).toContain("## NEG: Moscow can be persuaded");
    expect(seen.out).not.toContain("Russia is key to isolating Iran");
  });

  it("writes a binary format to a pipe, and refuses to write it to a terminal", async () => {
    const piped = capture();
    expect(await runCli(["export", BUNDLED, "--format", "pdf"], piped.io)).toBe(0);
    expect(Buffer.from(piped.seen.bytes[0].subarray(0, 5)).toString()).toBe("%PDF-");
    const tty = capture({ stdoutIsTTY: true });
    expect(await runCli(["export", BUNDLED, "--format", "png"], tty.io)).toBe(2);
    expect(tty.seen.err).toContain("png is binary: give --out PATH");
  });

  it("refuses an unknown format or claim with exit 2, naming the formats", async () => {
    const format = capture();
    expect(await runCli(["export", BUNDLED, "--format", "gif"], format.io)).toBe(2);
    expect(format.seen.err).toMatch(/--format must be one of yaml, json, .*svg, png, pdf, docx, md, csv/);
    expect(format.seen.err).toMatch(/^ {42}docx {5}Word speech document/m);
    const claim = capture();
    expect(await runCli(["export", BUNDLED, "--format", "svg", "--claim", "nope"], claim.io)).toBe(2);
    expect(claim.seen.err).toContain('no claim "nope" in the map');
    const direction = capture();
    expect(await runCli(["export", BUNDLED, "--format", "svg", "--direction", "up"], direction.io)).toBe(2);
  });
});
