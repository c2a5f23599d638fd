import { writeFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { generateMap } from "../lib/bench/generate";
import { parseArgumentSource, serializeNewSource } from "../lib/formats/argument-file";
import { mapToNormalized } from "../lib/formats/normalized-json";
import { openingCollapsed } from "../lib/layout/open-view";
import { buildClaimTree, descendantsOf } from "../lib/layout/tree";
import type { ArgumentMap } from "../lib/model/schema";
import { EditorPage, fileMap, freshMap } from "./pages/editor";
import { WorkspacePage } from "./pages/workspace-page";
import { serverDir } from "./servers";

const SHOTS = process.env.SCALE_SHOTS;

/** The canvas zoom, read from React Flow's viewport transform. */
async function zoomOf(page: Page): Promise<number> {
  const transform = await page
    .locator(".react-flow__viewport")
    .evaluate((el) => (el as HTMLElement).style.transform);
  const match = /scale\(([\d.]+)\)/.exec(transform);
  return match ? Number(match[1]) : Number.NaN;
}

/** True when the element's box lies inside the canvas's box. */
async function inside(element: Locator, canvas: Locator): Promise<boolean> {
  const [box, frame] = await Promise.all([element.boundingBox(), canvas.boundingBox()]);
  if (!box || !frame) return false;
  return (
    box.x >= frame.x - 1 &&
    box.y >= frame.y - 1 &&
    box.x + box.width <= frame.x + frame.width + 1 &&
    box.y + box.height <= frame.y + frame.height + 1
  );
}

/** The claims on screen whose box meets the element's box (the floating inspector button, say). */
async function claimsUnder(page: Page, element: Locator): Promise<string[]> {
  const box = await element.boundingBox();
  if (!box) return [];
  return page.getByTestId("claim-node").evaluateAll(
    (els, b) =>
      els
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.left < b.x + b.width && r.right > b.x && r.top < b.y + b.height && r.bottom > b.y;
        })
        .map((el) => el.closest("[data-id]")?.getAttribute("data-id") ?? "?"),
    box,
  );
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}-${name}.png` });
}

async function writeMap(map: ArgumentMap, slug: string, syntax: "yaml" | "json" = "yaml"): Promise<void> {
  const text = syntax === "yaml" ? serializeNewSource(map, "yaml") : JSON.stringify(mapToNormalized(map));
  await writeFile(path.join(serverDir("main"), `${slug}.${syntax}`), text);
}

test.describe("the bundled map on a laptop", () => {
  test("opens with both theses in view at reading zoom and fits beside the inspector", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    const theses = ["russia-key", "decoupling-possible"].map((id) => workspace.node(id));
    for (const thesis of theses) {
      await expect(thesis).toBeVisible();
      expect(await inside(thesis, workspace.canvas)).toBe(true);
    }
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.75);
    await shot(page, "tb-open");

    await workspace.fitAll();
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.6);
    await expect(workspace.claimNodes).toHaveCount(28);
    for (const node of await workspace.claimNodes.all())
      expect(await inside(node, workspace.canvas)).toBe(true);
    // Fitted, the whole map is in view, so the minimap stays out of its way.
    await expect(page.getByRole("img", { name: "Minimap of the whole map" })).toHaveCount(0);
    await shot(page, "tb-fit");

    await workspace.setOrientation("Left-to-right");
    await expect(page).toHaveURL(/[?&]dir=LR/);
    await expect.poll(() => zoomOf(page)).toBeGreaterThanOrEqual(0.75);
    for (const thesis of theses) expect(await inside(thesis, workspace.canvas)).toBe(true);
    await shot(page, "lr-open");
    await workspace.fitAll();
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.45);
    for (const node of await workspace.claimNodes.all())
      expect(await inside(node, workspace.canvas)).toBe(true);
    await shot(page, "lr-fit");

    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  test("folding to one level after panning away shows the theses again", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    const frame = (await workspace.canvas.boundingBox())!;
    await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height - 40);
    await page.mouse.down();
    await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height - 640, { steps: 8 });
    await page.mouse.up();
    await page.getByRole("combobox", { name: "Collapse to depth" }).selectOption("1");
    for (const id of ["russia-key", "decoupling-possible"])
      await expect.poll(() => inside(workspace.node(id), workspace.canvas)).toBe(true);
  });

  test("no relation's cards badge is hidden under a claim", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    for (const orientation of ["Top-down", "Left-to-right"] as const) {
      await workspace.setOrientation(orientation);
      await workspace.fitAll();
      await expect(page.getByTestId("edge-badge").first()).toBeVisible();
      // Each badge in view is on top where it is: no claim lies over any part of it.
      const covered = await page.evaluate(
        () =>
          [...document.querySelectorAll<HTMLElement>('[data-testid="edge-badge"]')].filter((badge) => {
            const r = badge.getBoundingClientRect();
            const y = r.top + r.height / 2;
            if (r.left < 0 || y < 0 || r.right > window.innerWidth || y > window.innerHeight) return false;
            // Across its whole width, so a badge half under a card ("1 ca…") counts.
            return [0.15, 0.5, 0.85].some(
              (at) => !badge.contains(document.elementFromPoint(r.left + at * r.width, y)),
            );
          }).length,
      );
      expect(covered, orientation).toBe(0);
    }
  });

  test("a reload or a shared link opens the same orientation and folded claims", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    await workspace.setOrientation("Left-to-right");
    await workspace.node("deal-opens-wedge").getByTestId("collapse-toggle").click();
    await expect(page).toHaveURL(/collapsed=deal-opens-wedge/);
    await page.reload();
    await workspace.claimNodes.first().waitFor({ state: "visible" });
    await expect(page.getByRole("button", { name: "Left-to-right" })).toHaveAttribute("aria-pressed", "true");
    await expect(workspace.node("deal-opens-wedge").getByTestId("collapse-toggle")).toHaveText("+6");
    await expect(workspace.node("caucasus-benefit")).toHaveCount(0);
  });

  test("the inspector hides and shows with its button and Shift+I; the minimap turns off", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    // On a projector the toolbar stays one row, and typing in the search does not move it.
    const toolbar = page.locator("header[data-toolbar]");
    const before = await toolbar.boundingBox();
    expect(before?.height).toBeLessThan(60);
    // A 1024 px projector keeps it one row too: the live status and the name show as their dots.
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(async () => (await toolbar.boundingBox())?.height).toBeLessThan(60);
    await expect(page.getByTestId("presence-name")).toHaveAccessibleName(/^Your name: Guest/);
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(async () => (await toolbar.boundingBox())?.height).toBe(before?.height);
    const outline = await page.getByRole("link", { name: "Outline" }).boundingBox();
    await workspace.search.fill("sanctions");
    expect((await toolbar.boundingBox())?.height).toBe(before?.height);
    expect(await page.getByRole("link", { name: "Outline" }).boundingBox()).toEqual(outline);
    await workspace.search.fill("");

    const canvasWidth = async () => (await workspace.canvas.boundingBox())?.width ?? 0;
    const wide = await canvasWidth();
    await page.getByRole("button", { name: "Hide inspector" }).click();
    await expect(workspace.inspector).toBeHidden();
    expect(await canvasWidth()).toBeGreaterThan(wide + 300);
    // Hidden, the inspector's button says when a claim waits to be shown in it.
    const show = page.getByRole("button", { name: "Show inspector" });
    await expect(show).toHaveText("Show inspector");
    await workspace.claimNodes.first().click();
    await expect(show).toHaveText("Show inspector · a claim is selected");
    await show.click();
    await expect(workspace.inspector).toBeVisible();
    await expect(workspace.inspector.getByRole("heading", { level: 2 })).not.toBeEmpty();
    await workspace.canvas.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Shift+I");
    await expect(workspace.inspector).toBeHidden();
    await page.keyboard.press("Shift+I");
    await expect(workspace.inspector).toBeVisible();

    // Zoomed in, the minimap shows; its button turns it off.
    await page.getByRole("button", { name: "Zoom In" }).click();
    await page.getByRole("button", { name: "Zoom In" }).click();
    const minimap = page.getByRole("img", { name: "Minimap of the whole map" });
    await expect(minimap).toBeVisible();
    await page.getByRole("button", { name: "Minimap" }).click();
    await expect(minimap).toHaveCount(0);
    await page.getByRole("button", { name: "Minimap" }).click();
    await expect(minimap).toBeVisible();
  });
});

test.describe("big maps", () => {
  test("a 1,000-claim map opens folded without errors, fits whole, and search finds a hidden claim", async ({
    page,
  }) => {
    const generated = generateMap({ claims: 1000, seed: 7 });
    // The tree as the app builds it from the file (a file lists supports before attacks).
    const parsed = parseArgumentSource(serializeNewSource(generated, "yaml"), "gen.yaml");
    if (!parsed.ok) throw new Error("the generated map does not parse");
    const map = parsed.value.map;
    const tree = buildClaimTree(map);
    const collapsed = openingCollapsed(tree, map.claims.length);
    const hiddenSet = new Set(collapsed.flatMap((id) => descendantsOf(tree, id)));
    const shown = map.claims.length - hiddenSet.size;
    const hiddenId = [...hiddenSet].sort()[0];
    const hidden = map.claims.find((c) => c.id === hiddenId)!;
    hidden.text = "Zanzibar ferry timetables decide the whole clash";
    const slug = `scale-1000-${Date.now()}`;
    await writeMap(map, slug);

    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    const workspace = new WorkspacePage(page);
    await workspace.open(slug);
    await expect(workspace.node(hiddenId)).toHaveCount(0);
    await expect(
      page.getByRole("button", { name: /^Expand: show \d+ hidden claims?$/ }).first(),
    ).toBeAttached();
    // The map is far wider than the canvas: the floating "Hide inspector" button covers no claim.
    const hide = page.getByRole("button", { name: "Hide inspector" });
    await expect(workspace.claimNodes.first()).toBeVisible();
    expect(await claimsUnder(page, hide)).toEqual([]);

    await workspace.fitAll();
    await expect(workspace.claimNodes).toHaveCount(shown);
    expect(await claimsUnder(page, hide)).toEqual([]);
    for (const id of tree.roots) expect(await inside(workspace.node(id), workspace.canvas)).toBe(true);
    const boxes = await workspace.claimNodes.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
    );
    const frame = (await workspace.canvas.boundingBox())!;
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(frame.x - 1);
      expect(b.right).toBeLessThanOrEqual(frame.x + frame.width + 1);
      expect(b.top).toBeGreaterThanOrEqual(frame.y - 1);
      expect(b.bottom).toBeLessThanOrEqual(frame.y + frame.height + 1);
    }
    await shot(page, "1000-fit");

    await workspace.search.fill("zanzibar ferry");
    await expect(workspace.searchStatus).toHaveText("0 of 1");
    await workspace.search.press("Enter");
    await expect(workspace.node(hiddenId)).toBeVisible();
    await expect(workspace.node(hiddenId)).toHaveAttribute("data-match", "current");
    await expect(workspace.inspector.getByRole("heading", { level: 2 })).toHaveText(hidden.text);
    expect(errors).toEqual([]);
  });

  test("with all 3,000 claims unfolded, the minimap is one picture that moves the view, and edges read their claims' new words", async ({
    page,
  }) => {
    const map = generateMap({ claims: 3000, seed: 11 });
    const slug = `scale-3000-${Date.now()}`;
    await writeMap(map, slug, "json");
    const workspace = new WorkspacePage(page);
    await workspace.open(slug, "?collapsed=");
    const minimap = page.getByRole("img", { name: "Minimap of the whole map" });
    await expect(minimap).toBeVisible();
    // One canvas, not React Flow's minimap with an element per claim.
    await expect(page.getByTestId("rf__minimap")).toHaveCount(0);
    const canvas = page.getByTestId("picture-minimap").locator("canvas");
    // The picture is drawn once the page is idle.
    const painted = () =>
      canvas.evaluate((el) => {
        const c = el as HTMLCanvasElement;
        const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        let count = 0;
        // Pixels of a side's band colour: blue (aff) or red (neg) well above the others.
        for (let i = 0; i < data.length; i += 4) {
          const [r, b] = [data[i], data[i + 2]];
          if (b > r + 60 || r > b + 60) count++;
        }
        return count;
      });
    await expect.poll(painted).toBeGreaterThan(300);
    await shot(page, "3000-unfolded-minimap");

    // A click on a claim drawn far right in the minimap brings that part of the map into view.
    const spot = await canvas.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      const ratio = c.width / c.clientWidth;
      for (let x = c.width - 1; x > 0; x--)
        for (let y = 0; y < c.height; y++) {
          const i = (y * c.width + x) * 4;
          if (data[i + 2] > data[i] + 60 || data[i] > data[i + 2] + 60) return { x: x / ratio, y: y / ratio };
        }
      return null;
    });
    expect(spot).not.toBeNull();
    const before = await page.locator(".react-flow__viewport").getAttribute("style");
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + spot!.x - 1, box.y + spot!.y);
    await expect.poll(() => page.locator(".react-flow__viewport").getAttribute("style")).not.toBe(before);
    await expect(workspace.claimNodes.first()).toBeVisible();
    await shot(page, "3000-minimap-clicked");

    // An edge is named by its claims' words, and reads the new words after a claim is reworded.
    const id = (await workspace.claimNodes.nth(2).getAttribute("data-claim-id"))!;
    const relation = map.relations.find((r) => r.from === id)!;
    const edge = page.getByTestId(`rf__edge-${relation.id}`);
    await workspace.node(id).click();
    await expect(edge).toHaveAccessibleName(/ (supports|attacks) /);
    await page.getByRole("button", { name: "Edit claim" }).click();
    const text = page.getByRole("textbox", { name: "Claim text" });
    await text.fill("Zanzibar ferries decide this clash");
    await text.press("Enter");
    await expect(workspace.node(id)).toContainText("Zanzibar ferries decide this clash");
    await expect(edge).toHaveAccessibleName(/^Zanzibar ferries decide this clash (supports|attacks) /);
    const axe = await new AxeBuilder({ page }).include('[data-testid="picture-minimap"]').analyze();
    expect(axe.violations).toEqual([]);

    // Fitting the whole map goes straight to the overview's one canvas: no node is mounted for
    // every claim on the way (3,000 nodes and edges would take seconds).
    await page.evaluate(() => {
      const w = window as unknown as { __mostNodes: number };
      w.__mostNodes = 0;
      // Counted from the mutation records: a node mounted and removed in one task still counts.
      new MutationObserver((records) => {
        for (const record of records)
          for (const added of record.addedNodes)
            if (added instanceof HTMLElement && added.classList.contains("react-flow__node")) w.__mostNodes++;
      }).observe(document.body, { subtree: true, childList: true });
    });
    await workspace.fitAll();
    await expect(page.getByTestId("map-overview")).toBeVisible();
    const most = await page.evaluate(() => (window as unknown as { __mostNodes: number }).__mostNodes);
    expect(most).toBeLessThan(200);
  });

  test("a 5,000-claim file of about 3 MB is accepted, read and saved", async ({ request }) => {
    const map = generateMap({ claims: 5000, seed: 5 });
    const slug = `scale-5000-${Date.now()}`;
    await writeMap(map, slug);
    const response = await request.get(`/api/maps/${slug}`);
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.claims).toHaveLength(5000);
    const text = JSON.stringify(body);
    expect(text.length).toBeGreaterThan(2.5 * 1024 * 1024);
    body.claims[10].text = "Edited in a big file";
    const saved = await request.put(`/api/maps/${slug}`, {
      data: body,
      headers: { "If-Match": response.headers().etag ?? "" },
    });
    expect(saved.status()).toBe(200);
    const again = await (await request.get(`/api/maps/${slug}`)).json();
    expect(again.claims[10].text).toBe("Edited in a big file");
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the map fills the screen, a tapped claim opens in a sheet, and a rebuttal added by touch lands in the file", async ({
    page,
  }) => {
    const slug = await freshMap();
    const editor = new EditorPage(page);
    await editor.goto(slug);
    const canvas = page.getByTestId("map-canvas");
    const box = (await canvas.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(385);
    expect(box.height).toBeGreaterThan(844 * 0.8);
    const sheet = page.getByTestId("inspector-panel");
    await expect(sheet).toHaveAttribute("data-sheet", "closed");
    await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Top-down" })).toBeHidden();
    await shot(page, "phone-open");

    const loaded = await editor.revision();
    await editor.claimNode("Uniforms are a cost burden for poor families").tap();
    await expect(sheet).toHaveAttribute("data-sheet", "open");
    await expect(editor.inspector.getByRole("heading", { level: 2 })).toHaveText(
      "Uniforms are a cost burden for poor families",
    );
    await shot(page, "phone-sheet");
    await editor.inspector.getByRole("button", { name: "Add rebuttal", exact: true }).tap();
    await editor.inspector.getByLabel("Rebuttal text").fill("Uniform swaps make them free");
    await editor.inspector.locator('form button[type="submit"]').tap();
    await expect(editor.inspector.getByRole("heading", { level: 2 })).toHaveText(
      "Uniform swaps make them free",
    );
    await editor.savedAfter(loaded);
    const map = await fileMap(slug);
    const claim = map.claims.find((c) => c.text === "Uniform swaps make them free");
    expect(claim).toBeDefined();
    expect(map.relations).toContainEqual(
      expect.objectContaining({ from: claim?.id, to: "cost-burden", type: "attack" }),
    );

    await page.getByRole("button", { name: "Close", exact: true }).tap();
    await expect(sheet).toHaveAttribute("data-sheet", "closed");
    await page.getByRole("button", { name: "Menu" }).tap();
    await expect(page.getByRole("button", { name: "Top-down" })).toBeVisible();
    // A choice made in the menu folds it again, so the map is back on screen.
    await page.getByRole("button", { name: "Left-to-right" }).tap();
    await expect(page.getByRole("button", { name: "Top-down" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();
  });

  test("a claim tapped low on the screen moves up above the sheet that opens for it", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    const canvas = (await workspace.canvas.boundingBox())!;
    // The lowest claim wholly on screen, in the part the sheet will cover.
    const boxes = await workspace.claimNodes.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return {
          id: el.closest("[data-id]")?.getAttribute("data-id") ?? "",
          top: r.top,
          bottom: r.bottom,
          left: r.left,
          right: r.right,
        };
      }),
    );
    const low = boxes
      .filter(
        (b) => b.bottom < canvas.y + canvas.height && b.top > 844 * 0.55 && b.left >= 0 && b.right <= 390,
      )
      .sort((a, b) => b.top - a.top)[0];
    expect(low).toBeDefined();
    await workspace.node(low.id).tap();
    const sheet = page.getByTestId("inspector-panel");
    await expect(sheet).toHaveAttribute("data-sheet", "open");
    await expect
      .poll(async () => {
        const [claim, panel] = await Promise.all([workspace.node(low.id).boundingBox(), sheet.boundingBox()]);
        return !!claim && !!panel && claim.y >= canvas.y - 1 && claim.y + claim.height <= panel.y + 1;
      })
      .toBe(true);
    await shot(page, "phone-tap-low");

    // The sheet's handle: a drag up makes it taller, a drag down smaller, another drag down closes it.
    const handle = page.getByTestId("sheet-handle");
    const dragHandle = async (dy: number) => {
      const box = (await handle.boundingBox())!;
      const x = box.x + 30;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x, y + dy, { steps: 6 });
      await page.mouse.up();
    };
    const height = async () => (await sheet.boundingBox())!.height;
    const half = await height();
    await dragHandle(-120);
    await expect(handle).toHaveAttribute("aria-expanded", "true");
    await expect.poll(height).toBeGreaterThan(half + 150);
    await dragHandle(100);
    await expect(handle).toHaveAttribute("aria-expanded", "false");
    await expect.poll(height).toBeLessThan(half + 1);
    await dragHandle(120);
    await expect(sheet).toHaveAttribute("data-sheet", "closed");
  });
});
