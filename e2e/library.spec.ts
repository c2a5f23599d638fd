import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { serverDir } from "./servers";

test("the library lists the Russia–Iran map with its counts and opens it", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Clashmap" })).toBeVisible();
  // Other tests add maps of the same title under other names: this is the bundled one.
  const card = page
    .getByTestId("map-card")
    .filter({ hasText: "Russia and Iran after the nuclear deal" })
    .filter({ has: page.locator('a[href="/maps/russia-iran"]') });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("map-counts")).toHaveText(/\d+ claims · \d+ relations · \d+ cards/);
  const link = card.getByRole("link");
  await expect(link).toHaveAttribute("href", "/maps/russia-iran");
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/maps\/russia-iran$/);
});

test("a broken file shows as an error naming file, line and message while other maps still list", async ({
  page,
}) => {
  const broken = path.join(serverDir("main"), "half-written.yaml");
  writeFileSync(broken, "version: 1\ntitle: Half written\nclaims:\n  a: { text: A, attacks: nobody }\n");
  try {
    await page.goto("/");
    const error = page.getByTestId("map-error").filter({ hasText: "half-written.yaml" });
    await expect(error).toBeVisible();
    await expect(error).toContainText("half-written.yaml:4:26");
    await expect(error).toContainText('unknown claim or relation "nobody"');
    await expect(
      page.getByTestId("map-card").filter({ has: page.locator('a[href="/maps/russia-iran"]') }),
    ).toBeVisible();
  } finally {
    rmSync(broken, { force: true });
  }
});

test("the library has no serious accessibility violations in light and dark", async ({ page }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/library-${colorScheme}.png`, fullPage: true });
  }
});
