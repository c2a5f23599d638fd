import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { bigKialo } from "../tests/bench/big-files";
import { WorkspacePage } from "./pages/workspace-page";
import { serverDir } from "./servers";

/** A Kialo export of about 5 MB and 9,500 claims: every claim given a long paragraph, as real discussions have. */
function hugeKialo(): { text: string; claims: number } {
  const big = bigKialo(9500);
  const detail =
    " Further detail: the survey of several districts over a number of years found the effect held for younger and older students alike, in cities and in the country, whatever the budget of the school.";
  const text = big.text
    .split("\r\n")
    .map((line) => (/^\d[\d.]*\. (?!(Pro: |Con: )?-> See)/.test(line) ? `${line}${detail}${detail}` : line))
    .join("\r\n");
  return { text, claims: big.claims };
}

test("while a 5 MB Kialo upload is imported, the library and a map page are answered first", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const huge = hugeKialo();
  expect(huge.text.length).toBeGreaterThan(4_500_000);
  const finished: string[] = [];
  const importing = request
    .post("/api/import?name=huge-discussion.txt", {
      data: huge.text,
      headers: { "content-type": "text/plain; charset=utf-8" },
      timeout: 170_000,
    })
    .then((response) => {
      finished.push("import");
      return response;
    });
  // Let the upload reach the server and its reading begin.
  await page.waitForTimeout(500);
  for (let round = 0; round < 2; round++) {
    const library = await request.get("/");
    expect(library.status()).toBe(200);
    expect(await library.text()).toContain("Import maps");
    finished.push("library");
    const map = await request.get("/maps/russia-iran");
    expect(map.status()).toBe(200);
    finished.push("map");
  }
  const imported = await importing;
  expect(finished).toEqual(["library", "map", "library", "map", "import"]);
  expect(imported.status()).toBe(201);
  const body = await imported.json();
  expect(body.counts.claims).toBe(huge.claims);
  // The map the big import made opens in the workspace.
  await page.goto(`/maps/${body.slug}`);
  await expect(new WorkspacePage(page).claimNodes.first()).toBeVisible({ timeout: 60_000 });
  // A 9,500-claim map left in the library would slow every later test that opens it.
  rmSync(path.join(serverDir("main"), `${body.slug}.yaml`), { force: true });
});

test("the import route lists the formats it reads and its limits", async ({ request }) => {
  const response = await request.get("/api/import");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.formats.map((f: { id: string }) => f.id)).toEqual(["yaml", "json", "argdown", "aif", "kialo"]);
  expect(body.maxBytes).toBe(8 * 1024 * 1024);
});
