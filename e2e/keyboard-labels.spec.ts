import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { EditorPage, fileMap, freshMap } from "./pages/editor";
import { WorkspacePage } from "./pages/workspace-page";

/** The text of the element that has keyboard focus, and whether it is a canvas node. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { node: el?.getAttribute("aria-roledescription") === "node", text: el?.textContent ?? "" };
  });
}

async function serious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test.describe("keyboard", () => {
  test("a claim added with r or s takes focus on the canvas, so Enter opens it", async ({ page }) => {
    const slug = await freshMap();
    const editor = new EditorPage(page);
    const workspace = new WorkspacePage(page);
    await editor.goto(slug);
    // A claim reached with Tab (focused, not yet selected) takes the key as well as a selected one.
    await workspace.nodeWrapper("cost-burden").focus();
    await page.keyboard.press("r");
    const rebuttal = editor.inspector.getByLabel("Rebuttal text");
    await expect(rebuttal).toBeFocused();
    await rebuttal.fill("Grants cover the cost of uniforms");
    await rebuttal.press("Enter");
    await expect
      .poll(() => focused(page))
      .toEqual({ node: true, text: expect.stringContaining("Grants cover") });
    await page.keyboard.press("Escape");
    await expect(editor.inspector.getByRole("heading", { level: 2 })).toHaveText("School uniforms");
    await page.keyboard.press("Enter");
    const heading = editor.inspector.getByRole("heading", { level: 2 });
    await expect(heading).toHaveText("Grants cover the cost of uniforms");
    await expect(heading).toBeFocused();

    await workspace.nodeWrapper("fewer-distractions").focus();
    await page.keyboard.press("s");
    const support = editor.inspector.getByLabel("Support text");
    await support.fill("Students look at the board, not at clothes");
    await support.press("Enter");
    await expect
      .poll(() => focused(page))
      .toEqual({ node: true, text: expect.stringContaining("Students look at the board") });
    await expect
      .poll(async () => (await fileMap(slug)).claims.map((c) => c.text))
      .toContain("Students look at the board, not at clothes");
  });

  test("a opens the card dialog for the selected claim; i moves focus to the inspector", async ({ page }) => {
    const slug = await freshMap();
    const editor = new EditorPage(page);
    const workspace = new WorkspacePage(page);
    await editor.goto(slug);
    await workspace.nodeWrapper("cost-burden").focus();
    await page.keyboard.press("Enter");
    await workspace.nodeWrapper("cost-burden").focus();
    await page.keyboard.press("i");
    await expect(editor.inspector.getByRole("heading", { level: 2 })).toBeFocused();
    await page.keyboard.press("a");
    const dialog = page.getByRole("dialog", { name: "New card" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel(/^Tag/)).toBeFocused();
    await page.keyboard.press("Escape");
    // Nothing typed: Escape closes at once.
    await expect(dialog).toHaveCount(0);
  });

  test("Escape in a dialog holding typed text asks before discarding it", async ({ page }) => {
    const slug = await freshMap();
    const editor = new EditorPage(page);
    await editor.goto(slug);
    await editor.selectClaim("Uniforms are a cost burden for poor families");
    await editor.inspector.getByRole("button", { name: "Add card", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "New card" });
    const tag = dialog.getByLabel(/^Tag/);
    await tag.fill("Uniform grants are common");
    await tag.press("Escape");
    const prompt = dialog.getByRole("alertdialog", { name: "Discard what you typed?" });
    await expect(prompt).toBeVisible();
    await expect(prompt.getByRole("button", { name: "Keep editing" })).toBeFocused();
    expect(await serious(page)).toEqual([]);
    await page.screenshot({ path: "/tmp/gw-ui-discard-prompt.png" });
    // Escape again keeps the text and goes back to it.
    await page.keyboard.press("Escape");
    await expect(prompt).toHaveCount(0);
    await expect(dialog).toBeVisible();
    await expect(tag).toBeFocused();
    await expect(tag).toHaveValue("Uniform grants are common");
    await tag.press("Escape");
    await prompt.getByRole("button", { name: "Discard" }).click();
    await expect(dialog).toHaveCount(0);

    // The new-thesis dialog and the inline forms ask the same way.
    await editor.button("Add thesis").click();
    const thesis = page.getByRole("dialog", { name: "New thesis" });
    await thesis.getByLabel("Thesis text").fill("Schools should teach sewing");
    await page.keyboard.press("Escape");
    await expect(thesis.getByRole("alertdialog")).toBeVisible();
    await expect(thesis).toBeVisible();
    await thesis.getByRole("button", { name: "Discard" }).click();
    await expect(thesis).toHaveCount(0);

    await editor.inspector.getByRole("button", { name: "Add rebuttal", exact: true }).click();
    await editor.inspector.getByLabel("Rebuttal text").fill("Half typed");
    await page.keyboard.press("Escape");
    await expect(editor.inspector.getByRole("alertdialog")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(editor.inspector.getByLabel("Rebuttal text")).toHaveValue("Half typed");
  });
});

test.describe("search and labels", () => {
  test("the inspector marks why a claim matched, apart from the read-aloud highlight", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    await workspace.search.fill("supplier");
    await workspace.search.press("Enter");
    const inspector = workspace.inspector;
    await expect(inspector.getByRole("heading", { level: 2 })).toHaveText(
      "Iran needs Russia, the supplier of its Bushehr reactor",
    );
    const hits = inspector.getByTestId("search-hit");
    await expect(hits.first()).toHaveText(/supplier/i);
    expect(await hits.count()).toBeGreaterThanOrEqual(2);
    await expect(inspector.getByTestId("search-reason")).toContainText("found in the claim, a card");
    const read = inspector.getByTestId("card-quote").locator("mark:not([data-testid])").first();
    const colour = (loc: typeof read) => loc.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await colour(hits.first())).not.toBe(await colour(read));
    await page.screenshot({ path: "/tmp/gw-ui-search-hits.png" });
    expect(await serious(page)).toEqual([]);
  });

  test("?focus= with an unknown claim says so", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran", "?focus=no-such-claim");
    const notice = page.getByTestId("unknown-focus");
    await expect(notice).toContainText("“no-such-claim”, which is not in this map");
    expect(await serious(page)).toEqual([]);
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect(notice).toHaveCount(0);
    await workspace.open("russia-iran", "?focus=russia-key");
    await expect(page.getByTestId("unknown-focus")).toHaveCount(0);
  });

  test('edge badges read "1 card" with the relation\'s icon, and "Open" says what it opens', async ({
    page,
  }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran", "?focus=iran-needs-russia-for-bushehr");
    await workspace.fitAll();
    const badges = page.getByTestId("edge-badge");
    expect(await badges.count()).toBeGreaterThan(0);
    for (const text of await badges.allTextContents()) expect(text).toMatch(/^\d+ cards?$/);
    await expect(badges.locator("svg[data-testid^=relation-icon-]")).toHaveCount(await badges.count());
    await expect(
      page.locator('[data-testid="edge-badge"]:has([data-testid="relation-icon-support"])').first(),
    ).toBeVisible();
    await page.screenshot({ path: "/tmp/gw-ui-edge-badges.png" });

    await workspace.open("russia-iran", "?focus=iran-needs-russia-for-bushehr");
    const open = workspace.inspector.getByRole("button", {
      name: /^Open this support \(1 card\): Iran needs Russia/,
    });
    await expect(open).toHaveText("Open this support (1 card)");
    await open.click();
    await expect(workspace.inspector.getByText("Support", { exact: true })).toBeVisible();
  });
});
