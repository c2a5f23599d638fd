import { writeFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { generateMap } from "../lib/bench/generate";
import { serializeNewSource } from "../lib/formats/argument-file";
import { WorkspacePage } from "./pages/workspace-page";
import { serverDir } from "./servers";

const SHOTS = process.env.OVERVIEW_SHOTS;

/** The canvas zoom, read from React Flow's viewport transform. */
async function viewOf(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const transform = await page
    .locator(".react-flow__viewport")
    .evaluate((el) => (el as HTMLElement).style.transform);
  const match = /translate\(([-\d.]+)px, ?([-\d.]+)px\) scale\(([\d.]+)\)/.exec(transform);
  return match
    ? { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) }
    : { x: 0, y: 0, zoom: Number.NaN };
}

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A generated 1,000-claim map, written as a file the server reads, opened with every claim
 * unfolded and fitted. Before fitting, the map boxes of the claims in view at reading zoom are
 * read from their real nodes (claims with answers first), for clicking their spots later.
 */
async function openUnfolded(page: Page) {
  const map = generateMap({ claims: 1000, seed: 11 });
  const slug = `overview-1000-${Date.now()}`;
  await writeFile(path.join(serverDir("main"), `${slug}.yaml`), serializeNewSource(map, "yaml"));
  const workspace = new WorkspacePage(page);
  await workspace.open(slug);
  await page.getByRole("button", { name: "Expand all" }).click();
  await expect(workspace.canvas.getByRole("button", { name: /^Collapse: hide/ }).first()).toBeVisible();
  const boxes: Box[] = await page.locator(".react-flow__node-claim").evaluateAll((els) =>
    els
      .map((el) => {
        const match = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec((el as HTMLElement).style.transform);
        const answered = el.querySelector('[data-testid="collapse-toggle"]') !== null;
        const thesis = /thesis/.test(el.getAttribute("aria-label") ?? "");
        return {
          id: el.getAttribute("data-id") ?? "",
          x: Number(match?.[1]),
          y: Number(match?.[2]),
          width: (el as HTMLElement).offsetWidth,
          height: (el as HTMLElement).offsetHeight,
          rank: thesis ? 2 : answered ? 0 : 1,
        };
      })
      .sort((a, b) => a.rank - b.rank),
  );
  await workspace.fitAll();
  return { map, workspace, boxes };
}

/** The screen point at the middle of a claim's map box, in the current view. */
async function spotOf(page: Page, box: Box): Promise<{ x: number; y: number }> {
  const view = await viewOf(page);
  const frame = (await page.locator(".react-flow").boundingBox())!;
  return {
    x: frame.x + view.x + (box.x + box.width / 2) * view.zoom,
    y: frame.y + view.y + (box.y + box.height / 2) * view.zoom,
  };
}

test.describe("the overview of a big map", () => {
  test("a 1,000-claim map fitted is one canvas, a click on a claim's spot selects it, zooming in brings back real nodes", async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const { map, workspace, boxes } = await openUnfolded(page);
    const overview = page.getByTestId("map-overview");
    await expect(overview).toBeVisible();
    await expect(overview).toHaveAttribute("aria-hidden", "true");
    await expect(workspace.canvas).toHaveAttribute("data-overview", "true");
    // No claim is a DOM node while the whole map is in view (the selected one at most).
    expect(await workspace.claimNodes.count()).toBeLessThanOrEqual(1);
    expect(await workspace.edges.count()).toBe(0);
    // The canvas has drawn something: pixels in both sides' colours.
    const drawn = await overview.evaluate((el) => {
      const canvas = el as HTMLCanvasElement;
      const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      return painted;
    });
    expect(drawn).toBeGreaterThan(5000);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}-light.png` });

    // Click the middle of a claim's box, where the overview draws it.
    const target = boxes[0];
    const spot = await spotOf(page, target);
    await page.mouse.click(spot.x, spot.y);
    const text = map.claims.find((c) => c.id === target.id)!.text;
    await expect(workspace.inspector.getByRole("heading", { level: 2 })).toHaveText(text);
    await expect(page).toHaveURL(new RegExp(`[?&]focus=${target.id}`));
    // The selected claim is a real node (focusable), drawn over the canvas.
    await expect(workspace.claimNodes).toHaveCount(1);
    await expect(workspace.node(target.id)).toHaveAttribute("data-selected", "true");

    // An empty spot clears the selection.
    const frame = (await page.locator(".react-flow").boundingBox())!;
    await page.mouse.click(frame.x + frame.width - 8, frame.y + 8);
    await expect(workspace.node(target.id)).toHaveCount(0);

    // Zooming in on the claim past the level of detail brings back the real nodes and removes the canvas.
    await page.mouse.move(spot.x, spot.y);
    for (let i = 0; i < 12 && (await overview.count()) > 0; i++) {
      await page.mouse.wheel(0, -300);
      await page.waitForTimeout(150);
    }
    await expect(overview).toHaveCount(0);
    await expect(workspace.node(target.id)).toBeVisible();
    await expect.poll(() => workspace.claimNodes.count()).toBeGreaterThan(3);
    expect(errors).toEqual([]);
  });

  test("the keyboard reaches the claims: from a selected claim, an arrow zooms to reading zoom with real nodes", async ({
    page,
  }) => {
    const { map, workspace, boxes } = await openUnfolded(page);
    await expect(page.getByTestId("map-overview")).toBeVisible();
    // A claim with answers: the arrow away from its parent moves to its first answer.
    const target = boxes[0];
    const spot = await spotOf(page, target);
    await page.mouse.click(spot.x, spot.y);
    await expect(workspace.node(target.id)).toBeVisible();
    await workspace.nodeWrapper(target.id).focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByTestId("map-overview")).toHaveCount(0);
    const focused = page.locator('[aria-roledescription="node"]:focus');
    await expect(focused).toHaveCount(1);
    expect(await focused.getAttribute("data-id")).not.toBe(target.id);
    expect((await viewOf(page)).zoom).toBeGreaterThanOrEqual(0.75);
    expect(await workspace.claimNodes.count()).toBeGreaterThan(3);

    // Fitting again returns to the overview; a double click on a claim's spot opens it at reading zoom.
    await workspace.fitAll();
    await expect(page.getByTestId("map-overview")).toBeVisible();
    const other = boxes[1];
    const otherSpot = await spotOf(page, other);
    await page.mouse.dblclick(otherSpot.x, otherSpot.y);
    await expect(workspace.node(other.id)).toBeVisible();
    await expect(page.getByTestId("map-overview")).toHaveCount(0);
    await expect(workspace.inspector.getByRole("heading", { level: 2 })).toHaveText(
      map.claims.find((c) => c.id === other.id)!.text,
    );
  });

  test("search marks matches on the overview, the minimap draws the whole map, and the page passes axe", async ({
    page,
  }) => {
    const { workspace } = await openUnfolded(page);
    const overview = page.getByTestId("map-overview");
    await expect(overview).toBeVisible();
    const yellowish = () =>
      overview.evaluate((el) => {
        const canvas = el as HTMLCanvasElement;
        const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        // The light palette's search colour, #facc15.
        for (let i = 0; i < data.length; i += 4)
          if (data[i] > 220 && data[i + 1] > 180 && data[i + 1] < 225 && data[i + 2] < 60) count++;
        return count;
      });
    expect(await yellowish()).toBe(0);
    await workspace.search.fill("Bushehr");
    await expect.poll(yellowish).toBeGreaterThan(50);

    // Zoomed in a little (still the overview), the minimap shows the map's claims.
    await page.getByRole("button", { name: "Zoom In" }).click();
    await page.waitForTimeout(200);
    await expect(overview).toBeVisible();
    const minimap = page.getByRole("img", { name: "Minimap of the whole map" });
    await expect(minimap).toBeVisible();
    // The minimap's picture spans the map's bounds (the frame React Flow fits) and shows its claims.
    const picture = minimap.getByTestId("minimap-overview");
    await expect(picture).toHaveAttribute("href", /^data:image\/png;base64,/);
    const frameWidth = await page
      .locator('.react-flow__node[data-id="overview:frame"]')
      .evaluate((el) => (el as HTMLElement).offsetWidth);
    expect(Number(await picture.getAttribute("width"))).toBeCloseTo(frameWidth, 0);
    const painted = await picture.evaluate(async (el) => {
      const img = new Image();
      img.src = el.getAttribute("href") ?? "";
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
      return count;
    });
    expect(painted).toBeGreaterThan(2000);

    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  test.describe("in the dark scheme", () => {
    test.use({ colorScheme: "dark" });
    test("the fitted overview draws in the dark palette", async ({ page }) => {
      await openUnfolded(page);
      const overview = page.getByTestId("map-overview");
      await expect(overview).toBeVisible();
      // The dark palette's aff colour (#60a5fa) is on the canvas.
      const blue = await overview.evaluate((el) => {
        const canvas = el as HTMLCanvasElement;
        const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 0; i < data.length; i += 4)
          if (
            Math.abs(data[i] - 0x60) < 8 &&
            Math.abs(data[i + 1] - 0xa5) < 8 &&
            Math.abs(data[i + 2] - 0xfa) < 8
          )
            count++;
        return count;
      });
      expect(blue).toBeGreaterThan(200);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}-dark.png` });
    });
  });
});
