import { expect, type Page, test } from "@playwright/test";
import { EditorPage, fileMap, freshMap } from "./pages/editor";
import { serverUrl } from "./servers";

/** These are the HTTP autosave's promises, kept by a server that runs Next without the live server. */
const HTTP = "http";

const TARGET = "Uniforms are a cost burden for poor families";

/** Counts the saves the page sends, so a test can tell that it left before the autosave fired. */
function countSaves(page: Page): { count: () => number } {
  let saves = 0;
  page.on("request", (request) => {
    if (request.method() === "PUT") saves += 1;
  });
  return { count: () => saves };
}

/** Polls the file on disk until it holds a claim with this text. */
async function expectInFile(slug: string, text: string): Promise<void> {
  await expect
    .poll(async () => (await fileMap(slug, HTTP)).claims.map((c) => c.text), { timeout: 10_000 })
    .toContain(text);
}

/** Types a rebuttal to the selected claim and submits it, without waiting for anything after. */
async function typeRebuttal(editor: EditorPage, text: string): Promise<void> {
  await editor.inspector.getByRole("button", { name: "Add rebuttal", exact: true }).click();
  const field = editor.inspector.getByLabel("Rebuttal text");
  await field.fill(text);
  await field.press("Enter");
}

test.describe("leaving right after an edit, without the live server", () => {
  test('"← Library" clicked at once saves the new claim first, then leaves', async ({ page }) => {
    const slug = await freshMap(HTTP);
    const editor = new EditorPage(page);
    await editor.goto(slug, HTTP);
    await editor.selectClaim(TARGET);
    // A slow server: the page must wait for the save before it leaves, however long it takes.
    await page.route(`**/api/maps/${slug}`, async (route) => {
      if (route.request().method() === "PUT") await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    const saves = countSaves(page);
    await typeRebuttal(editor, "Grants pay for uniforms");
    await page.getByRole("link", { name: "← Library" }).click();
    await expect(editor.status).toHaveText(/Saving/);
    await expect(page).toHaveURL(new RegExp(`/maps/${slug}`));
    await expect(page).toHaveURL(/\/$/);
    await expectInFile(slug, "Grants pay for uniforms");
    expect(saves.count()).toBe(1);
  });

  test('"Outline" clicked at once opens the outline with the new claim in it', async ({ page }) => {
    const slug = await freshMap(HTTP);
    const editor = new EditorPage(page);
    await editor.goto(slug, HTTP);
    await editor.selectClaim(TARGET);
    await typeRebuttal(editor, "Second-hand shops sell uniforms cheaply");
    await page.getByRole("link", { name: "Outline" }).click();
    await expect(page).toHaveURL(new RegExp(`/maps/${slug}/outline$`));
    await expect(page.getByText("Second-hand shops sell uniforms cheaply", { exact: true })).toBeVisible();
    await expectInFile(slug, "Second-hand shops sell uniforms cheaply");
  });

  test("a reload at once asks while the edit is on its way, and the edit lands", async ({ page }) => {
    const slug = await freshMap(HTTP);
    const editor = new EditorPage(page);
    await page.clock.install();
    await editor.goto(slug, HTTP);
    await editor.selectClaim(TARGET);
    // Time stands still from here: the autosave's timer never fires, so only leaving can save.
    await page.clock.pauseAt(Date.now() + 1000);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await typeRebuttal(editor, "Schools lend uniforms to families");
    await page.reload();
    expect(dialogs).toEqual(["beforeunload"]);
    await expectInFile(slug, "Schools lend uniforms to families");
    await page.reload();
    await expect(editor.claimNode("Schools lend uniforms to families")).toBeVisible();
  });

  test("Back at once still saves the edit", async ({ page }) => {
    const slug = await freshMap(HTTP);
    const editor = new EditorPage(page);
    // Opened from the library, so Back is the app's own history step (no page unload).
    await page.goto(`${serverUrl(HTTP)}/`);
    await page.locator(`a[href="/maps/${slug}"]`).click();
    await expect(page.getByTestId("claim-node").first()).toBeVisible();
    await editor.selectClaim(TARGET);
    page.on("dialog", (dialog) => void dialog.accept());
    await typeRebuttal(editor, "Uniform banks exist in many towns");
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await expectInFile(slug, "Uniform banks exist in many towns");
  });

  test("two edits in quick succession both land when the page is left at once", async ({ page }) => {
    const slug = await freshMap(HTTP);
    const editor = new EditorPage(page);
    await editor.goto(slug, HTTP);
    await editor.selectClaim(TARGET);
    await typeRebuttal(editor, "Uniforms last for years");
    await expect(editor.inspector.getByRole("heading", { level: 2 })).toHaveText("Uniforms last for years");
    await editor.inspector.getByRole("button", { name: "Add support", exact: true }).click();
    const field = editor.inspector.getByLabel("Support text");
    await field.fill("One uniform replaces many outfits");
    await field.press("Enter");
    await page.getByRole("link", { name: "← Library" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expectInFile(slug, "Uniforms last for years");
    await expectInFile(slug, "One uniform replaces many outfits");
  });

  test("a save refused on the way out asks before leaving, and staying keeps the edit on screen", async ({
    page,
  }) => {
    const slug = await freshMap(HTTP);
    const editor = new EditorPage(page);
    await editor.goto(slug, HTTP);
    await page.route(`**/api/maps/${slug}`, (route) =>
      route.request().method() === "PUT"
        ? route.fulfill({ status: 409, contentType: "application/json", body: JSON.stringify({}) })
        : route.continue(),
    );
    await editor.selectClaim(TARGET);
    const asked: string[] = [];
    page.on("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await typeRebuttal(editor, "Nobody will see this");
    await page.getByRole("link", { name: "← Library" }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain("Conflict");
    await expect(page).toHaveURL(new RegExp(`/maps/${slug}`));
    await expect(editor.claimNode("Nobody will see this")).toBeVisible();
  });
});
