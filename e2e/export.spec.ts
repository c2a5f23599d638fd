import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Download, expect, test } from "@playwright/test";
import { parseArgumentSource, serializeNewSource } from "../lib/formats/argument-file";
import { randomMap } from "../lib/layout/random-map";
import type { ArgumentMap } from "../lib/model/schema";
import { ExportMenu } from "./pages/export-menu";
import { WorkspacePage } from "./pages/workspace-page";
import { serverDir, serverUrl } from "./servers";

function bundledMap(): ArgumentMap {
  const file = path.resolve("arguments", "russia-iran.yaml");
  const parsed = parseArgumentSource(readFileSync(file, "utf8"), "russia-iran.yaml", { slug: "russia-iran" });
  if (!parsed.ok) throw new Error("the bundled map does not parse");
  return parsed.value.map;
}

const map = bundledMap();
const BIG = "export-big-map";

async function bytes(download: Download): Promise<Buffer> {
  return readFileSync((await download.path())!);
}

/** What each format's download must be: its label in the menu, and a check of its content. */
const FORMATS: { id: string; label: RegExp; check: (file: Buffer) => void }[] = [
  { id: "yaml", label: /^YAML argument file/, check: (f) => expect(f.toString()).toMatch(/^version: 1$/m) },
  {
    id: "json",
    label: /^Normalized JSON/,
    check: (f) => expect(JSON.parse(f.toString())).toMatchObject({ version: 1, title: map.title }),
  },
  {
    id: "svg",
    label: /^SVG picture/,
    check: (f) => {
      expect(f.toString()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(f.toString()).toContain(">Russia is key to isolating Iran</text>");
    },
  },
  {
    id: "png",
    label: /^PNG picture/,
    check: (f) => {
      expect(f.subarray(1, 4).toString()).toBe("PNG");
      expect(f.readUInt32BE(16)).toBeGreaterThanOrEqual(1600);
    },
  },
  { id: "pdf", label: /^PDF handout/, check: (f) => expect(f.subarray(0, 5).toString()).toBe("%PDF-") },
  {
    id: "docx",
    label: /^Word speech document/,
    check: (f) => {
      expect(f.subarray(0, 2).toString()).toBe("PK");
      expect(f.includes(Buffer.from("word/document.xml"))).toBe(true);
    },
  },
  {
    id: "md",
    label: /^Markdown brief/,
    check: (f) => expect(f.toString()).toContain("## AFF: Russia is key to isolating Iran"),
  },
  {
    id: "csv",
    label: /^CSV flow sheet/,
    check: (f) => expect(f.toString()).toMatch(/^Claim,Answer,Answer to the answer,/),
  },
];

test.describe("export menu", () => {
  test("opens with x or a click, moves with the arrow keys and closes with Escape", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    const exporter = new ExportMenu(page);
    await workspace.open("russia-iran");
    await page.locator("body").press("x");
    await expect(exporter.menu).toBeVisible();
    await expect(exporter.button).toHaveAttribute("aria-expanded", "true");
    await expect(exporter.menu.getByRole("menuitemradio", { name: "Whole map" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(exporter.item(/^YAML argument file/)).toBeFocused();
    await page.keyboard.press("End");
    await expect(exporter.item("Copy picture")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(exporter.menu.getByRole("menuitemradio", { name: "Whole map" })).toBeFocused();
    for (const format of FORMATS) await expect(exporter.item(format.label)).toBeVisible();
    const results = await new AxeBuilder({ page }).include('[role="menu"]').analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(exporter.menu).toBeHidden();
    await expect(exporter.button).toBeFocused();
    // Escape in the menu must not also clear the workspace's selection or move claims.
    await page.keyboard.press("Enter");
    await expect(exporter.menu).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(exporter.menu).toBeVisible();
    await page.mouse.click(5, 880);
    await expect(exporter.menu).toBeHidden();
  });

  test("downloads every format with the map's name and the right content", async ({ page }) => {
    test.setTimeout(120_000);
    const workspace = new WorkspacePage(page);
    const exporter = new ExportMenu(page);
    await workspace.open("russia-iran");
    for (const format of FORMATS) {
      const download = await exporter.download(format.label);
      expect(download.suggestedFilename()).toBe(`russia-iran.${format.id}`);
      format.check(await bytes(download));
      await expect(exporter.status).toContainText(`Downloaded russia-iran.${format.id}`);
    }
  });

  test("exports the selected claim's subtree only", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    const exporter = new ExportMenu(page);
    await workspace.open("russia-iran", "?focus=convince-moscow");
    await exporter.chooseScope(/^Selected claim: Moscow can be persuaded/);
    const download = await exporter.download(/^Markdown brief/);
    expect(download.suggestedFilename()).toBe("russia-iran-convince-moscow.md");
    const md = (await bytes(download)).toString();
    expect(md.match(/^## .*/gm)).toEqual([
      "## NEG: Moscow can be persuaded to drop its nuclear support for Iran",
    ]);
    expect(md).not.toContain("Russia is key to isolating Iran");
    const svg = await exporter.download(/^SVG picture/);
    expect(svg.suggestedFilename()).toBe("russia-iran-convince-moscow.svg");
    const ids = [...(await bytes(svg)).toString().matchAll(/data-claim-id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toContain("convince-moscow");
    expect(ids).not.toContain("russia-key");
    expect(ids).not.toContain("decoupling-possible");
  });

  test("copies the picture to the clipboard, and says so when the browser refuses", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: serverUrl("main") });
    const workspace = new WorkspacePage(page);
    const exporter = new ExportMenu(page);
    await workspace.open("russia-iran");
    await exporter.open();
    await exporter.item("Copy picture").click();
    await expect(exporter.status).toHaveText(/Copied the picture/, { timeout: 30_000 });
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const blob = await item.getType("image/png");
      const head = new Uint8Array(await blob.slice(0, 24).arrayBuffer());
      return { types: item.types, size: blob.size, width: new DataView(head.buffer).getUint32(16) };
    });
    expect(copied.types).toContain("image/png");
    expect(copied.width).toBeGreaterThanOrEqual(1600);

    await page.evaluate(() => {
      navigator.clipboard.write = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
    });
    await exporter.open();
    await exporter.item("Copy picture").click();
    await expect(exporter.status).toHaveText(/The browser refused to copy the picture/);
  });
});

test.describe("export of a 1,000-claim map", () => {
  test.beforeAll(() => {
    const big = randomMap(11, { claims: 1000, theses: 3, cards: 0.4 });
    writeFileSync(
      path.join(serverDir("main"), `${BIG}.yaml`),
      serializeNewSource({ ...big, title: "Big map" }, "yaml"),
    );
  });
  test.afterAll(() => rmSync(path.join(serverDir("main"), `${BIG}.yaml`), { force: true }));

  for (const format of [
    { id: "png", label: /^PNG picture/, magic: "PNG" },
    { id: "pdf", label: /^PDF handout/, magic: "PDF" },
  ]) {
    test(`${format.id}: shows progress and the page keeps answering input`, async ({ page }) => {
      test.setTimeout(180_000);
      const workspace = new WorkspacePage(page);
      const exporter = new ExportMenu(page);
      await workspace.open(BIG);
      const { download } = await exporter.start(format.label, 150_000);
      // While the export runs, progress is shown…
      await expect(exporter.progress).toBeVisible();
      // …and the page answers: typing into search filters at once, and timers are not held up.
      await workspace.search.fill("Bushehr");
      await expect(workspace.searchStatus).toHaveText(/^\d+ of [1-9]\d*$/);
      const lag = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const started = performance.now();
            let worst = 0;
            let last = started;
            const tick = () => {
              const now = performance.now();
              worst = Math.max(worst, now - last);
              last = now;
              if (now - started < 1000) setTimeout(tick, 10);
              else resolve(worst);
            };
            setTimeout(tick, 10);
          }),
      );
      expect(lag).toBeLessThan(500);
      await expect(exporter.progress).toBeVisible();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`${BIG}.${format.id}`);
      expect((await bytes(file)).subarray(0, 5).toString()).toContain(format.magic);
      await expect(exporter.status).toContainText(`Downloaded ${BIG}.${format.id}`);
    });
  }
});

test.describe("export API", () => {
  test("answers each format as an attachment, also on a read-only server", async ({ request }) => {
    for (const base of [serverUrl("main"), serverUrl("readonly")]) {
      const res = await request.get(`${base}/api/maps/russia-iran/export?format=pdf&claim=convince-moscow`);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toBe("application/pdf");
      expect(res.headers()["content-disposition"]).toBe(
        'attachment; filename="russia-iran-convince-moscow.pdf"',
      );
      expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
    }
    const svg = await request.get("/api/maps/russia-iran/export?format=svg&direction=LR");
    expect(svg.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
    const unknown = await request.get("/api/maps/russia-iran/export?format=gif");
    expect(unknown.status()).toBe(400);
    expect(((await unknown.json()) as { formats: string[] }).formats).toContain("docx");
    expect((await request.get("/api/maps/russia-iran/export?format=svg&claim=nope")).status()).toBe(400);
    expect((await request.get("/api/maps/no-such-map/export?format=svg")).status()).toBe(404);
  });
});
