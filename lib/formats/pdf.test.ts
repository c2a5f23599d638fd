import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { citeLine } from "../graph/card-text";
import { randomMap } from "../layout/random-map";
import type { ArgumentMap } from "../model/schema";
import { subtreeMap } from "../model/subtree";
import { bundledMap, claimTexts, HOSTILE_TEXT, hostileMap } from "./fixtures/export-maps";
import { formatInfo } from "./index";
import { serialize } from "./pdf";
import "./render-node";

const HAS_POPPLER = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].some((p) => existsSync(p));
const dir = mkdtempSync(path.join(tmpdir(), "clashmap-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const map = bundledMap();
let n = 0;

async function pdfFile(m: ArgumentMap, claimId?: string): Promise<string> {
  const file = path.join(dir, `out-${n++}.pdf`);
  writeFileSync(file, await serialize(m, { claimId, direction: "LR" }));
  return file;
}

function text(file: string, page?: number): string {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return execFileSync("pdftotext", [...range, file, "-"], { encoding: "utf8" });
}

const squash = (s: string) => s.replace(/\s+/g, " ");

function pages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
}

/** The lowest text on each page, as a share of the page's height (from pdftotext's word boxes). */
function fill(file: string): number[] {
  const html = execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8" });
  return html
    .split("<page ")
    .slice(1)
    .map((page) => {
      const height = Number(/height="([\d.]+)"/.exec(page)![1]);
      const bottoms = [...page.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1]));
      return Math.max(0, ...bottoms) / height;
    });
}

describe("pdf export", () => {
  it("is registered as a binary format", () => {
    expect(formatInfo("pdf")).toMatchObject({ extension: "pdf", mime: "application/pdf", binary: true });
  });

  it("starts with %PDF and ends with %%EOF", async () => {
    const bytes = await serialize(map, {});
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(Buffer.from(bytes.subarray(-6)).toString()).toContain("%%EOF");
  });

  it.skipIf(!HAS_POPPLER)("holds every claim and every card's cite as text", async () => {
    const file = await pdfFile(map);
    const all = squash(text(file));
    for (const claim of claimTexts(map)) expect(all).toContain(claim);
    for (const card of map.evidence) {
      const cite = citeLine(card.cite);
      expect(all).toContain(squash(card.tag));
      if (cite?.lead) expect(all).toContain(cite.lead);
      if (cite?.url) expect(all.replace(/ /g, "")).toContain(cite.url);
    }
  });

  it.skipIf(!HAS_POPPLER)(
    "draws the map first, then the outline; no page but the last is half empty",
    async () => {
      const file = await pdfFile(randomMap(5, { claims: 90, cards: 0.6 }));
      const count = pages(file);
      expect(count).toBeGreaterThan(3);
      const bottoms = fill(file);
      for (let p = 1; p < count - 1; p++) expect(bottoms[p], `page ${p + 1}`).toBeGreaterThan(0.5);
    },
  );

  it.skipIf(!HAS_POPPLER)(
    "never breaks a card: its tag, cite and quote share a page",
    async () => {
      const base = randomMap(6, { claims: 60, cards: 0.8 });
      // Cards of very different lengths, each with words that name it.
      const m: ArgumentMap = {
        ...base,
        evidence: base.evidence.map((card, i) => ({
          ...card,
          tag: `Tag ${card.id}`,
          quote: `Opens ${card.id} ${`${card.quote} `.repeat(1 + (i % 6))}closes ${card.id}`,
          cite: { author: `Author ${card.id}`, date: "2020" },
        })),
      };
      const file = await pdfFile(m);
      const byPage = Array.from({ length: pages(file) }, (_, i) => squash(text(file, i + 1)));
      for (const card of m.evidence) {
        const tagPages = byPage.map((t, i) => (t.includes(`Tag ${card.id} `) ? i : -1)).filter((i) => i >= 1);
        expect(tagPages.length, card.id).toBeGreaterThan(0);
        for (const p of tagPages) {
          expect(byPage[p]).toContain(`Author ${card.id}`);
          expect(byPage[p]).toContain(`Opens ${card.id} `);
          expect(byPage[p]).toContain(`closes ${card.id}`);
        }
      }
    },
    60_000,
  );

  it.skipIf(!HAS_POPPLER)("exports only the selected claim's subtree", async () => {
    const file = await pdfFile(map, "convince-moscow");
    const all = squash(text(file));
    const kept = subtreeMap(map, "convince-moscow");
    for (const claim of claimTexts(kept)) expect(all).toContain(claim);
    const quotes = squash(kept.evidence.map((c) => c.quote).join(" "));
    for (const claim of map.claims) {
      if (kept.claims.some((c) => c.id === claim.id) || quotes.includes(claim.text)) continue;
      expect(all).not.toContain(claim.text);
    }
  });
});

describe("pdf export: bad input", () => {
  it.skipIf(!HAS_POPPLER)("keeps markup as text", async () => {
    const all = squash(text(await pdfFile(hostileMap())));
    expect(all).toContain(squash(HOSTILE_TEXT));
    expect(all).toContain("Tag with <script>x</script>");
  });

  it("refuses an unknown claim", async () => {
    await expect(serialize(map, { claimId: "nope" })).rejects.toThrow(/no claim "nope"/);
  });
});

describe("pdf export: round trip", () => {
  it.skipIf(!HAS_POPPLER)("reads back in reading order: each thesis before its answers", async () => {
    const all = squash(text(await pdfFile(map)));
    const outline = all.slice(all.indexOf("Can the West isolate Iran"));
    const at = (s: string) => outline.indexOf(s);
    expect(at("Russia is key to isolating Iran")).toBeLessThan(at("Iran cannot be isolated without Russia"));
    expect(at("Iran cannot be isolated without Russia")).toBeLessThan(
      at("Decoupling Russia and Iran is possible"),
    );
  });
});
