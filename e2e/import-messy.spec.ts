import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { bigKialo } from "../tests/bench/big-files";
import { WorkspacePage } from "./pages/workspace-page";

// Files as people bring them: mixed headings, tags, inline data and premise–conclusion structures
// in Argdown; CRLF, a byte-order mark, continued lines, `-> See` chains, escaped brackets and
// missing stances in a Kialo export; OVA3 and xAIF corpora with dialogue, undercuts and a conflict
// between two claims.
const FIXTURES = path.resolve("e2e", "fixtures", "import");
const file = (name: string) => path.join(FIXTURES, name);

test("several messy files chosen at once are each imported with a report that reads well", async ({
  page,
}) => {
  await page.goto("/");
  await page
    .getByLabel("Choose files to import")
    .setInputFiles([
      file("school-uniforms.argdown"),
      file("homework.txt"),
      file("homework-ova3.json"),
      file("homework-xaif.json"),
    ]);
  const results = page.getByTestId("import-result");
  await expect(results).toHaveCount(4, { timeout: 30_000 });
  await expect(results.nth(0)).toContainText(
    "school-uniforms.argdown imported as School uniforms — a messy classroom map",
  );
  await expect(results.nth(0)).toContainText("1 contradiction imported as two attacks");
  await expect(results.nth(0)).toContainText("1 element's {yaml} data kept in its claim's notes");
  await expect(results.nth(1)).toContainText("homework.txt imported as Should homework be banned?");
  await expect(results.nth(1)).toContainText('3 "-> See" links joined to the claim already in the map');
  await expect(results.nth(1)).toContainText(
    "1 link to something other than a web address kept as its words only",
  );
  await expect(results.nth(1)).toContainText("3 claims without a Pro or Con stance imported as support");
  for (const aif of [results.nth(2), results.nth(3)]) {
    await expect(aif).toContainText("8 claims, 4 relations (1 support, 2 attack, 1 undercut)");
    await expect(aif).toContainText("4 dialogue nodes skipped (L 2, YA 1, TA 1)");
  }
  const axe = await new AxeBuilder({ page }).include('[data-testid="import-result"]').analyze();
  expect(axe.violations).toEqual([]);
  await page.getByRole("region", { name: "Import maps" }).screenshot({ path: "/tmp/import2-report.png" });

  // The Argdown map opens with its author, its cards' cites and no stray bracket.
  await results.nth(0).getByRole("link").click();
  await expect(page).toHaveURL(/\/maps\/school-uniforms-a-messy-classroom-map(-\d+)?$/);
  const workspace = new WorkspacePage(page);
  await workspace.claimNodes.first().waitFor({ state: "visible" });
  await workspace.fitAll();
  await expect(workspace.claimNodes).toHaveCount(14);
  await expect(page.getByText("[clubs](https://example.org/clubs) or here.", { exact: false })).toBeVisible();
});

test("a 3,000-claim Kialo export dropped on the library opens with one node per claim", async ({ page }) => {
  test.setTimeout(120_000);
  const big = bigKialo(3000, 42);
  await page.goto("/");
  await page.getByTestId("import-drop-zone").evaluate((zone, content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], "kialo-3000.txt", { type: "text/plain" }));
    for (const type of ["dragenter", "dragover", "drop"]) {
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, big.text);
  await expect(page).toHaveURL(/\/maps\/should-schools-require-uniforms(-\d+)?\?imported=1$/, {
    timeout: 60_000,
  });
  const note = page.getByRole("complementary", { name: /Imported from kialo-3000\.txt/ });
  await expect(note).toContainText("3,000 claims");
  await expect(note).toContainText(`${big.sees.toLocaleString("en-US")} "-> See" links joined`);
  await expect(new WorkspacePage(page).claimNodes.first()).toBeVisible();
  await page.screenshot({ path: "/tmp/import2-kialo-3000.png" });
});

test("a Kialo export with a byte-order mark and CRLF reads the same as its plain copy", async ({
  request,
}) => {
  const text = readFileSync(file("homework.txt"), "utf8");
  const plain = text.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  const [a, b] = await Promise.all(
    [text, plain].map((data, i) =>
      request.post(`/api/import?name=homework-${i}.txt`, {
        data,
        headers: { "content-type": "text/plain; charset=utf-8" },
      }),
    ),
  );
  expect(a.status()).toBe(201);
  expect(b.status()).toBe(201);
  const [ja, jb] = [await a.json(), await b.json()];
  expect(ja.counts).toEqual(jb.counts);
  expect(ja.report).toEqual(jb.report);
});
