import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { parseArgumentSource } from "../lib/formats/argument-file";

function bundledMap() {
  const parsed = parseArgumentSource(
    readFileSync(path.resolve("arguments", "russia-iran.yaml"), "utf8"),
    "russia-iran.yaml",
  );
  if (!parsed.ok) throw new Error("the bundled map does not parse");
  return parsed.value.map;
}

test.describe("outline", () => {
  test("shows each thesis with its supports and attacks, labelled, and cards inline", async ({ page }) => {
    await page.goto("/maps/russia-iran/outline");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Russia and Iran after the nuclear deal",
    );
    await expect(
      page.getByRole("heading", { level: 2, name: /Russia is key to isolating Iran/ }),
    ).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 2, name: /Decoupling Russia and Iran is possible/ }),
    ).toBeVisible();
    const item = page
      .getByTestId("outline-item")
      .filter({ hasText: "Iran needs Russia, the supplier of its Bushehr reactor" })
      .first();
    await expect(item).toContainText("Supports");
    await expect(item).toContainText("AFF");
    await expect(item.getByTestId("card-view").first()).toBeVisible();
    await expect(page.getByText("Undercuts").first()).toBeVisible();
    await expect(page.getByText("Attacks").first()).toBeVisible();
  });

  test("shows every claim and every relation, the undercut of an already shown claim's link included", async ({
    page,
  }) => {
    const map = bundledMap();
    await page.goto("/maps/russia-iran/outline");
    const relations = await page
      .getByTestId("outline-item")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-relation-id")));
    expect([...relations].sort()).toEqual(map.relations.map((r) => r.id).sort());
    const claims = await page
      .locator("[data-claim-id]:not([data-repeat])")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-claim-id")));
    expect([...claims].sort()).toEqual(map.claims.map((c) => c.id).sort());
    const undercut = page.locator(
      '[data-testid="outline-item"][data-claim-id="rosatom-fears-unreliability"]',
    );
    await expect(undercut).toHaveCount(1);
    await expect(undercut).toBeVisible();
    await expect(undercut.locator("p").first()).toHaveText(
      /^Undercuts\s*AFF\s*Leaving Iran would brand Rosatom an unreliable partner$/,
    );
    // Its own card, on the item itself rather than on the answers nested below it.
    await expect(undercut.locator(':scope > div > [data-card-id="card-rosatom-fear"]')).toHaveCount(1);
  });

  test("links back to the workspace, and the workspace links to it", async ({ page }) => {
    await page.goto("/maps/russia-iran");
    await page.getByRole("link", { name: "Outline" }).click();
    await expect(page).toHaveURL(/\/maps\/russia-iran\/outline$/);
    await page.getByRole("link", { name: "Back to the map" }).click();
    await expect(page).toHaveURL(/\/maps\/russia-iran$/);
  });

  test("prints without navigation", async ({ page }) => {
    await page.goto("/maps/russia-iran/outline");
    await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("has no serious or critical accessibility violations", async ({ page }) => {
    await page.goto("/maps/russia-iran/outline");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  test("wraps long words and URLs inside the window, on screen and in print", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/maps/long-words/outline");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Long words and URLs");
    const overflow = () =>
      page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, window: window.innerWidth }));
    const screen = await overflow();
    expect(screen.scroll).toBeLessThanOrEqual(screen.window);
    await page.screenshot({ path: "test-results/screenshots/outline-long-words.png", fullPage: true });
    await page.emulateMedia({ media: "print" });
    const print = await overflow();
    expect(print.scroll).toBeLessThanOrEqual(print.window);
  });

  test("an unknown map's outline is a 404", async ({ page }) => {
    const response = await page.goto("/maps/no-such-map/outline");
    expect(response?.status()).toBe(404);
  });
});
