import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const ALIAS_BOMB_MESSAGE =
  "the aliases (*name) in this file expand to too much data (over 100 expansions); write the repeated parts out";

test("an alias bomb in the folder is listed as a problem while every other map still opens", async ({
  page,
}) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  const bomb = page.getByTestId("map-error").filter({ hasText: "alias-bomb.yaml" });
  await expect(bomb).toBeVisible();
  await expect(bomb.getByTestId("problem-kind")).toHaveText("Too large");
  await expect(bomb).toContainText("alias-bomb.yaml:11:10");
  await expect(bomb).toContainText("notes.b[0]");
  await expect(bomb).toContainText(ALIAS_BOMB_MESSAGE);
  // The broken-bracket file is listed too, each with its own kind.
  await expect(
    page.getByTestId("map-error").filter({ hasText: "broken-map.yaml" }).getByTestId("problem-kind"),
  ).toHaveText("Syntax");
  await page.screenshot({ path: "test-results/screenshots/library-bad-files.png", fullPage: true });

  const russia = page.getByTestId("map-card").filter({ hasText: "Russia and Iran" }).getByRole("link");
  await russia.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/maps\/russia-iran$/);
  await expect(page.getByTestId("claim-node").first()).toBeVisible();
});

test("the alias bomb's map page is an error page naming the file, the place and the problem", async ({
  page,
}) => {
  await page.goto("/maps/alias-bomb");
  await expect(page.getByRole("heading", { name: "This map cannot be opened" })).toBeVisible();
  const problem = page.getByTestId("map-problem");
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText("alias-bomb.yaml, line 11, column 10");
  await expect(problem).toContainText("notes.b[0]");
  await expect(problem).toContainText(ALIAS_BOMB_MESSAGE);
  await expect(problem.getByTestId("problem-kind")).toHaveText("Too large");
  await expect(page.getByTestId("stops-reading")).toContainText("fix it first");
  await page.screenshot({ path: "test-results/screenshots/map-alias-bomb.png", fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // Its outline is the same error page, and the API answers 422 with the problem and its code.
  await page.goto("/maps/alias-bomb/outline");
  await expect(page.getByRole("heading", { name: "This map cannot be opened" })).toBeVisible();
  const api = await page.request.get("/api/maps/alias-bomb");
  expect(api.status()).toBe(422);
  const body = (await api.json()) as { problems: { code: string; line: number }[] };
  expect(body.problems).toMatchObject([{ code: "size", line: 11 }]);
});
