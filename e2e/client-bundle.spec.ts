import { expect, test } from "@playwright/test";
import { chunksWithYamlParser, clientChunksOf, holdsYamlParser } from "./client-bundle";

test("the map page's client JavaScript holds no YAML parser", async ({ page }) => {
  const scripts: { url: string; body: string }[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push({ url: response.url(), body: await response.text().catch(() => "") });
  });
  await page.goto("/maps/russia-iran");
  await expect(page.getByTestId("claim-node").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => holdsYamlParser(s.body)).map((s) => s.url)).toEqual([]);

  // What the build lists for the page, chunks loaded on demand included.
  expect(clientChunksOf("maps/[slug]").length).toBeGreaterThan(0);
  expect(chunksWithYamlParser("maps/[slug]")).toEqual([]);
});
