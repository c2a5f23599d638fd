import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { parseArgumentSource } from "../lib/formats/argument-file";
import type { ArgumentMap } from "../lib/model/schema";
import { presentationSteps } from "../lib/present/steps";
import { PresentPage } from "./pages/present-page";
import { WorkspacePage } from "./pages/workspace-page";
import { serverDir, serverUrl } from "./servers";

function loadMap(file: string, slug: string): ArgumentMap {
  const parsed = parseArgumentSource(readFileSync(file, "utf8"), path.basename(file), { slug });
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.value.map;
}

const map = loadMap(path.resolve("arguments", "russia-iran.yaml"), "russia-iran");
const steps = presentationSteps(map);
const TOTAL = steps.length;
const text = (id: string) => map.claims.find((c) => c.id === id)!.text;
const SCREENSHOTS = path.resolve("test-results", "screenshots");

test.use({ viewport: { width: 1920, height: 1080 } });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test.describe("presentation", () => {
  test("steps through every claim: one more shown each step, in view and clear of the card panel", async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    const present = new PresentPage(page);
    await present.open("russia-iran");
    const panel = await box(present.panel);
    const canvas = await box(present.canvas);
    const keys = ["ArrowRight", " ", "PageDown"];
    for (let i = 0; i < TOTAL; i++) {
      if (i > 0) await page.keyboard.press(keys[i % keys.length]);
      await expect(present.counter).toHaveText(`${i + 1} / ${TOTAL}`);
      const expected = steps.slice(0, i + 1).map((s) => s.claimId);
      await expect(present.claims).toHaveCount(i + 1);
      expect((await present.shownClaimIds()).sort()).toEqual([...expected].sort());
      await expect(present.current).toHaveAttribute("data-claim-id", steps[i].claimId);
      await expect(present.panelClaim).toHaveText(text(steps[i].claimId));
      const node = await box(present.current);
      const where = `step ${i + 1} (${steps[i].claimId})`;
      expect(node.x, where).toBeGreaterThanOrEqual(canvas.x);
      expect(node.y, where).toBeGreaterThanOrEqual(canvas.y);
      expect(node.x + node.width, where).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(node.y + node.height, where).toBeLessThanOrEqual(canvas.y + canvas.height);
      expect(node.x + node.width, where).toBeLessThanOrEqual(1920);
      expect(node.y + node.height, where).toBeLessThanOrEqual(1080);
      expect(overlaps(node, panel), `${where} is under the card panel`).toBe(false);
      // The claim it answers is framed with it.
      const parent = steps[i].parentId;
      if (parent) {
        const parentBox = await box(page.locator(`[data-testid="present-claim"][data-claim-id="${parent}"]`));
        expect(parentBox.y, `${where}: parent in view`).toBeGreaterThanOrEqual(canvas.y);
        expect(parentBox.y + parentBox.height).toBeLessThanOrEqual(canvas.y + canvas.height);
      }
      if ([0, 8, 16].includes(i)) {
        await page.screenshot({ path: path.join(SCREENSHOTS, `present-step-${i + 1}.png`) });
      }
    }
    await expect(present.progress).toHaveAttribute("aria-valuenow", String(TOTAL));
    // Past the end nothing more happens.
    await page.keyboard.press("ArrowRight");
    await expect(present.counter).toHaveText(`${TOTAL} / ${TOTAL}`);
  });

  test("shows the current claim in large type and its cards with the read spans highlighted", async ({
    page,
  }) => {
    const present = new PresentPage(page);
    const at = steps.findIndex((s) => s.claimId === "iran-needs-russia-for-bushehr");
    await present.open("russia-iran", `?step=${at + 1}`);
    const size = await present.panelClaim.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);
    const card = present.panel.getByTestId("present-card").first();
    await expect(card).toContainText("irandebate.org");
    await expect(card.locator("mark").first()).toBeVisible();
    const mark = await card
      .locator("mark")
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(mark).toBeGreaterThanOrEqual(18);
    // No editing chrome and no reading ahead.
    await expect(page.getByRole("button", { name: /rebuttal|edit|delete/i })).toHaveCount(0);
    await expect(present.claims).toHaveCount(at + 1);
  });

  test("moves the camera smoothly to the next claim", async ({ page }) => {
    const present = new PresentPage(page);
    await present.open("russia-iran", "?step=2");
    await page.locator(".react-flow__viewport").waitFor();
    // Step on and watch the canvas transform frame by frame: it passes through positions in between.
    const transforms = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const viewport = document.querySelector<HTMLElement>(".react-flow__viewport")!;
          const seen: string[] = [viewport.style.transform];
          document.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
          const start = performance.now();
          const tick = () => {
            if (seen.at(-1) !== viewport.style.transform) seen.push(viewport.style.transform);
            if (performance.now() - start < 1500) requestAnimationFrame(tick);
            else resolve(seen);
          };
          requestAnimationFrame(tick);
        }),
    );
    expect(transforms.length).toBeGreaterThanOrEqual(4);
    await expect(present.current).toHaveAttribute("data-claim-id", steps[2].claimId);
  });

  test("keeps the step in the address: a reload lands on it", async ({ page }) => {
    const present = new PresentPage(page);
    await present.open("russia-iran", "?step=5");
    await expect(present.counter).toHaveText(`5 / ${TOTAL}`);
    await page.keyboard.press("ArrowRight");
    await expect(present.counter).toHaveText(`6 / ${TOTAL}`);
    await expect(page).toHaveURL(/[?&]step=6$/);
    await page.reload();
    await expect(present.counter).toHaveText(`6 / ${TOTAL}`);
    await expect(present.current).toHaveAttribute("data-claim-id", steps[5].claimId);
    await expect(present.claims).toHaveCount(6);
  });

  test("takes clicker keys, Home and End, and a number then Enter", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    const present = new PresentPage(page);
    await present.open("russia-iran");
    await page.keyboard.press("PageDown");
    await page.keyboard.press("PageDown");
    await expect(present.counter).toHaveText(`3 / ${TOTAL}`);
    await page.keyboard.press("PageUp");
    await expect(present.counter).toHaveText(`2 / ${TOTAL}`);
    await page.keyboard.press("ArrowLeft");
    await expect(present.counter).toHaveText(`1 / ${TOTAL}`);
    await page.keyboard.press("End");
    await expect(present.counter).toHaveText(`${TOTAL} / ${TOTAL}`);
    await expect(present.claims).toHaveCount(TOTAL);
    await page.keyboard.press("Home");
    await expect(present.counter).toHaveText(`1 / ${TOTAL}`);
    await page.keyboard.type("12");
    await expect(page.getByTestId("typed-step")).toContainText("12");
    await page.keyboard.press("Enter");
    await expect(present.counter).toHaveText(`12 / ${TOTAL}`);
    await expect(present.claims).toHaveCount(12);
    // The buttons do the same for a mouse.
    await page.getByRole("button", { name: "Next →" }).click();
    await expect(present.counter).toHaveText(`13 / ${TOTAL}`);
    // Space on the clicked button steps once, not twice.
    await page.keyboard.press(" ");
    await expect(present.counter).toHaveText(`14 / ${TOTAL}`);
    // A number then Enter jumps, even while a button has focus.
    await page.keyboard.type("3");
    await page.keyboard.press("Enter");
    await expect(present.counter).toHaveText(`3 / ${TOTAL}`);
    // Space after clicking another control still steps on rather than pressing it again.
    await page.getByRole("button", { name: "Full screen" }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.keyboard.press(" ");
    await expect(present.counter).toHaveText(`4 / ${TOTAL}`);
    expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  });

  test("B blanks the screen and brings it back", async ({ page }) => {
    const present = new PresentPage(page);
    await present.open("russia-iran", "?step=4");
    await expect(present.blank).toHaveCount(0);
    await page.keyboard.press("b");
    await expect(present.blank).toBeVisible();
    const covers = await box(present.blank);
    expect(covers.width).toBe(1920);
    expect(covers.height).toBe(1080);
    expect(await present.blank.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(0, 0, 0)");
    await page.keyboard.press("B");
    await expect(present.blank).toHaveCount(0);
    await expect(present.counter).toHaveText(`4 / ${TOTAL}`);
  });

  test("goes full screen with the button and with F", async ({ page }) => {
    const present = new PresentPage(page);
    await present.open("russia-iran");
    const fullscreen = () => page.evaluate(() => document.fullscreenElement !== null);
    await page.getByRole("button", { name: "Full screen" }).click();
    await expect.poll(fullscreen).toBe(true);
    await expect(page.getByRole("button", { name: "Full screen" })).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("f");
    await expect.poll(fullscreen).toBe(false);
    await page.keyboard.press("F");
    await expect.poll(fullscreen).toBe(true);
  });

  test("Escape returns to the workspace with the current claim selected", async ({ page }) => {
    const present = new PresentPage(page);
    await present.open("russia-iran", "?step=7");
    const id = steps[6].claimId;
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(new RegExp(`/maps/russia-iran\\?focus=${id}$`));
    const workspace = new WorkspacePage(page);
    await workspace.claimNodes.first().waitFor({ state: "visible" });
    await expect.poll(() => workspace.selectedClaimId()).toBe(id);
  });

  test("a presenter window and the audience's stay on the same step", async ({ context }) => {
    const audience = new PresentPage(await context.newPage());
    await audience.open("russia-iran", "?step=3");
    const presenter = new PresentPage(await context.newPage());
    await presenter.open("russia-iran", "?view=presenter");
    // A presenter window opened without a step takes the audience's.
    await expect(presenter.counter).toHaveText(`3 / ${TOTAL}`);
    await expect(presenter.page.getByTestId("presenter-current")).toHaveText(text(steps[2].claimId));
    await expect(presenter.page.getByTestId("presenter-next")).toHaveText(text(steps[3].claimId));
    await expect(presenter.page.getByRole("timer")).toHaveText(/^\d+:\d\d$/);

    await presenter.page.keyboard.press("ArrowRight");
    await expect(presenter.counter).toHaveText(`4 / ${TOTAL}`);
    await expect(audience.counter).toHaveText(`4 / ${TOTAL}`);
    await expect(audience.current).toHaveAttribute("data-claim-id", steps[3].claimId);

    await audience.page.keyboard.press("PageDown");
    await expect(audience.counter).toHaveText(`5 / ${TOTAL}`);
    await expect(presenter.counter).toHaveText(`5 / ${TOTAL}`);
    await expect(presenter.page.getByTestId("presenter-current")).toHaveText(text(steps[4].claimId));

    await presenter.page.getByRole("button", { name: "Next →" }).click();
    await expect(audience.counter).toHaveText(`6 / ${TOTAL}`);

    // The presenter blanks the room's screen.
    await presenter.page.keyboard.press("b");
    await expect(audience.blank).toBeVisible();
    await presenter.page.getByTestId("blank-audience").click();
    await expect(audience.blank).toHaveCount(0);

    await presenter.page.screenshot({ path: path.join(SCREENSHOTS, "present-presenter.png") });
    expect(await seriousViolations(presenter.page)).toEqual([]);
  });

  test("the presentation opens the presenter window on the same step", async ({ page }) => {
    const present = new PresentPage(page);
    await present.open("russia-iran", "?step=9");
    const [popup] = await Promise.all([
      page.waitForEvent("popup"),
      page.getByRole("button", { name: "Presenter view" }).click(),
    ]);
    await expect(popup).toHaveURL(/view=presenter/);
    await expect(popup.getByTestId("step-counter")).toHaveText(`9 / ${TOTAL}`);
    await popup.close();
  });

  test("shows the presenter the claim's notes, and follows the file's presentation list", async ({
    page,
  }) => {
    const present = new PresentPage(page);
    await present.open("lesson", "?view=presenter");
    await expect(present.counter).toHaveText("1 / 4");
    await expect(page.getByTestId("presenter-notes")).toHaveText("Ask the class who wears a uniform today.");
    await expect(page.getByTestId("presenter-next")).toHaveText("Uniforms suppress self-expression");
    await page.keyboard.press("End");
    await expect(page.getByTestId("presenter-current")).toHaveText("Uniforms reduce bullying");
    await expect(page.getByTestId("presenter-notes")).toHaveText("No notes on this claim.");
    await expect(page.getByTestId("presenter-next")).toHaveText("End of the presentation.");
  });

  test("lists its keys in a shortcuts help", async ({ page }) => {
    const present = new PresentPage(page);
    await present.open("russia-iran");
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Presentation keys" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("PageDown");
    await expect(dialog).toContainText("Blank the screen");
    // Keys inside the help do not step the presentation.
    await page.keyboard.press("ArrowRight");
    await expect(present.counter).toHaveText(`1 / ${TOTAL}`);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/present/);
  });

  test("has no serious or critical accessibility violations", async ({ page }) => {
    const present = new PresentPage(page);
    await present.open("russia-iran", "?step=9");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("wraps long words inside the card panel on a 1280×720 projector", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const present = new PresentPage(page);
    await present.open("long-words", "?step=2");
    await expect(present.panel.getByTestId("present-card")).toBeVisible();
    const overflow = await present.panel.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const size = await present.panelClaim.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);
    await page.screenshot({ path: path.join(SCREENSHOTS, "present-long-words-1280.png") });
  });

  test("an unknown map's presentation is a 404", async ({ page }) => {
    const response = await page.goto("/maps/no-such-map/present");
    expect(response?.status()).toBe(404);
  });

  test("works on a read-only server", async ({ page }) => {
    const present = new PresentPage(page);
    await present.open("russia-iran", "?step=2", serverUrl("readonly"));
    await expect(present.claims).toHaveCount(2);
    await page.keyboard.press("ArrowRight");
    await expect(present.counter).toHaveText(`3 / ${TOTAL}`);
  });
});

test.describe("opening a presentation from the workspace", () => {
  test("Present starts at the first step", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    await page.getByRole("link", { name: "Present", exact: true }).click();
    await expect(page).toHaveURL(/\/maps\/russia-iran\/present/);
    await expect(new PresentPage(page).counter).toHaveText(`1 / ${TOTAL}`);
  });

  test("p presents, and Present from here starts at the selected claim's subtree", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    await expect(page.getByRole("link", { name: "Present from here" })).toHaveCount(0);
    await page.keyboard.press("p");
    await expect(page).toHaveURL(/\/maps\/russia-iran\/present/);
    await page.goBack();
    await workspace.open("russia-iran", "?focus=deal-opens-wedge");
    await page.keyboard.press("Shift+P");
    await expect(page).toHaveURL(/\/present\?from=deal-opens-wedge/);
    await page.goBack();
    await workspace.claimNodes.first().waitFor({ state: "visible" });
    await workspace.inspector.getByRole("link", { name: "Present from here" }).click();
    await expect(page).toHaveURL(/\/present\?from=deal-opens-wedge/);
    const present = new PresentPage(page);
    const subtree = presentationSteps(map, { from: "deal-opens-wedge" });
    await expect(present.counter).toHaveText(`1 / ${subtree.length}`);
    await expect(present.current).toHaveAttribute("data-claim-id", "deal-opens-wedge");
    await page.keyboard.press("End");
    await expect(present.claims).toHaveCount(subtree.length);
    expect((await present.shownClaimIds()).sort()).toEqual(subtree.map((s) => s.claimId).sort());
  });
});

/** How far down each page of a PDF its content reaches (0–1), read from a greyscale rendering. */
function pageFill(pdf: string): number[] | undefined {
  if (!existsSync("/usr/bin/pdftoppm")) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), "handout-"));
  try {
    const file = path.join(dir, "handout.pdf");
    writeFileSync(file, readFileSync(pdf));
    execFileSync("pdftoppm", ["-r", "30", "-gray", file, path.join(dir, "page")]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith(".pgm"))
      .sort();
    return pages.map((name) => {
      const data = readFileSync(path.join(dir, name));
      // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
      const header = data.subarray(0, 40).toString("latin1");
      const match = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header)!;
      const [width, height] = [Number(match[1]), Number(match[2])];
      const pixels = data.subarray(match[0].length);
      // A row holds content when it has some dark pixels: the outline's thin nesting lines alone do not count.
      let last = 0;
      for (let y = 0; y < height; y++) {
        let dark = 0;
        for (let x = 0; x < width; x++) if (pixels[y * width + x] < 230) dark++;
        if (dark >= 16) last = y;
      }
      return last / height;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page of a PDF, its white space collapsed. */
function pageTexts(pdf: string): string[] | undefined {
  if (!existsSync("/usr/bin/pdftotext")) return undefined;
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  return text.split("\f").map((page) => page.replace(/\s+/g, " "));
}

test.describe("handout", () => {
  test("prints the outline with its cards, pages filled, breaking only between claims", async ({ page }) => {
    const present = new PresentPage(page);
    await present.open("russia-iran", "?step=3");
    await expect(page.getByRole("button", { name: "Print handout" })).toBeVisible();
    await expect(page.getByTestId("handout")).toBeHidden();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("handout")).toBeVisible();
    await expect(page.getByTestId("presentation")).toBeHidden();
    const cards = page.getByTestId("handout").getByTestId("card-view");
    expect(await cards.count()).toBeGreaterThan(10);
    const breaks = await cards.evaluateAll((els) => [
      ...new Set(els.map((el) => getComputedStyle(el).breakInside)),
    ]);
    expect(breaks).toEqual(["avoid"]);
    // The map picture comes from the export route; where it is missing, nothing broken is printed.
    const picture = await page.request.get("/api/maps/russia-iran/export?format=svg");
    if (!picture.ok()) await expect(page.getByTestId("handout-picture")).toHaveCount(0);
    else await expect(page.getByTestId("handout-picture").locator("img")).toBeVisible();

    const file = path.join(SCREENSHOTS, "present-handout.pdf");
    await page.pdf({ path: file, format: "A4", printBackground: true });
    const fill = pageFill(file);
    test.skip(fill === undefined, "pdftoppm (poppler-utils) is not installed");
    expect(fill!.length).toBeGreaterThan(1);
    expect(fill!.length).toBeLessThan(10);
    fill!.slice(0, -1).forEach((f, i) => {
      expect(f, `page ${i + 1} of ${fill!.length} is less than half full`).toBeGreaterThan(0.5);
    });
  });

  test("never splits a card across pages, even next to a claim without cards", async ({ page }) => {
    // Long cards after lists that end in claims without cards: where a page used to break inside a card.
    const source = path.resolve("e2e", "fixtures", "handout", "long-cards.yaml");
    const cards = loadMap(source, "long-cards").evidence;
    const file = path.join(serverDir("main"), "long-cards.yaml");
    writeFileSync(file, readFileSync(source));
    try {
      const present = new PresentPage(page);
      await present.open("long-cards");
      await page.emulateMedia({ media: "print" });
      const pdf = path.join(SCREENSHOTS, "present-handout-long-cards.pdf");
      await page.pdf({ path: pdf, format: "A4", printBackground: true });
      const pages = pageTexts(pdf);
      test.skip(pages === undefined, "pdftotext (poppler-utils) is not installed");
      expect(pages!.length).toBeGreaterThan(3);
      for (const card of cards) {
        const end = card.quote.split(/\s+/).slice(-6).join(" ");
        const begins = pages!.findIndex((t) => t.includes(card.tag));
        const ends = pages!.findLastIndex((t) => t.includes(end));
        expect(begins, `card ${card.id} is printed`).toBeGreaterThanOrEqual(0);
        expect(ends, `card ${card.id} ends on the page it begins on`).toBe(begins);
      }
    } finally {
      rmSync(file, { force: true });
    }
  });
});
