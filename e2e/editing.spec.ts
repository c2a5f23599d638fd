import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { answerSaves, EditorPage, fileMap, fileText, freshMap } from "./pages/editor";
import { serverUrl } from "./servers";

const EDIT_BUTTONS = [
  "Add rebuttal",
  "Add support",
  "Add thesis",
  "Add card",
  "Edit claim",
  "Delete claim",
  "Undo",
  "Redo",
  "Save",
];

test("adding a rebuttal saves it to the file, keeps the comments, and undo saves it away", async ({
  page,
}) => {
  const slug = await freshMap();
  const editor = new EditorPage(page);
  await editor.goto(slug);
  const loaded = await editor.revision();

  await editor.selectClaim("Uniforms are a cost burden for poor families");
  await editor.addRebuttal("Most schools help poor families pay for uniforms");
  const saved = await editor.savedAfter(loaded);

  const map = await fileMap(slug);
  const claim = map.claims.find((c) => c.text === "Most schools help poor families pay for uniforms");
  expect(claim).toBeDefined();
  expect(map.relations).toContainEqual(
    expect.objectContaining({ from: claim?.id, to: "cost-burden", type: "attack" }),
  );
  const text = await fileText(slug);
  expect(text).toContain("# Answers to the cost argument.");
  expect(text).toContain("# A small map for the editing tests.");

  await page.keyboard.press("ControlOrMeta+z");
  await editor.savedAfter(saved);
  const after = await fileMap(slug);
  expect(after.claims.map((c) => c.text)).not.toContain("Most schools help poor families pay for uniforms");
  expect(after.relations.some((r) => r.from === claim?.id)).toBe(false);
  expect(await fileText(slug)).toContain("# Answers to the cost argument.");
});

test("a second page saving from a stale map is merged: both rebuttals land and later edits keep them", async ({
  browser,
}) => {
  const slug = await freshMap();
  const first = new EditorPage(await (await browser.newContext()).newPage());
  const second = new EditorPage(await (await browser.newContext()).newPage());
  await first.goto(slug);
  await second.goto(slug);

  const loaded = await first.revision();
  await first.selectClaim("School uniforms help students learn");
  await first.addRebuttal("Uniforms do nothing for grades");
  await first.savedAfter(loaded);

  const stale = await second.revision();
  await second.selectClaim("School uniforms help students learn");
  await second.addRebuttal("Uniforms stifle self-expression");
  const merged = await second.savedAfter(stale);
  await expect(second.page.getByTestId("conflict-banner")).toHaveCount(0);
  let onDisk = await fileMap(slug);
  expect(onDisk.claims.map((c) => c.text)).toEqual(
    expect.arrayContaining(["Uniforms do nothing for grades", "Uniforms stifle self-expression"]),
  );

  // The second page goes on editing its own copy, which lacks the first page's rebuttal: that stays.
  await second.selectClaim("School uniforms help students learn");
  await second.addRebuttal("Uniforms cost too much");
  await second.savedAfter(merged);
  onDisk = await fileMap(slug);
  expect(onDisk.claims.map((c) => c.text)).toEqual(
    expect.arrayContaining([
      "Uniforms do nothing for grades",
      "Uniforms stifle self-expression",
      "Uniforms cost too much",
    ]),
  );
  await first.page.context().close();
  await second.page.context().close();
});

test("a second page changing the same text two ways gets a conflict and keeps its text on screen", async ({
  browser,
}) => {
  const slug = await freshMap();
  const first = new EditorPage(await (await browser.newContext()).newPage());
  const second = new EditorPage(await (await browser.newContext()).newPage());
  await first.goto(slug);
  await second.goto(slug);
  const rename = async (editor: EditorPage, text: string) => {
    await editor.selectClaim("School uniforms help students learn");
    await editor.inspector.getByRole("button", { name: "Edit claim", exact: true }).click();
    const field = editor.inspector.getByLabel("Claim text");
    await field.fill(text);
    await field.press("Enter");
    await expect(editor.inspector.getByRole("heading", { level: 2 })).toHaveText(text);
  };

  const loaded = await first.revision();
  await rename(first, "Uniforms help students focus");
  await first.savedAfter(loaded);

  await rename(second, "Uniforms help students belong");
  await expect(second.status).toHaveText(/Conflict: this map changed elsewhere/);
  const banner = second.page.getByTestId("conflict-banner");
  await expect(banner).toBeVisible();
  await expect(second.claimNode("Uniforms help students belong")).toBeVisible();

  const download = second.page.waitForEvent("download");
  await banner.getByRole("button", { name: "Download my version" }).click();
  expect((await download).suggestedFilename()).toBe(`${slug}.unsaved.json`);

  const onDisk = await fileMap(slug);
  expect(onDisk.claims.map((c) => c.text)).toContain("Uniforms help students focus");
  expect(onDisk.claims.map((c) => c.text)).not.toContain("Uniforms help students belong");
  await first.page.context().close();
  await second.page.context().close();
});

test("a read-only server shows no editing controls", async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.goto("russia-iran", "readonly");
  await editor.selectClaim("Russia is key to isolating Iran");
  for (const name of EDIT_BUTTONS) await expect(editor.button(name)).toHaveCount(0);
  await expect(editor.status).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in to edit" })).toHaveCount(0);
  await page.keyboard.press("r");
  await expect(page.getByRole("form")).toHaveCount(0);
});

test("a token server asks to sign in before it shows the editing controls", async ({ page }) => {
  const base = serverUrl("token");
  const editor = new EditorPage(page);
  await editor.goto("russia-iran", "token");
  await editor.selectClaim("Russia is key to isolating Iran");
  for (const name of EDIT_BUTTONS) await expect(editor.button(name)).toHaveCount(0);

  const link = page.getByRole("link", { name: "Sign in to edit" });
  await expect(link).toHaveAttribute(
    "href",
    `/sign-in?next=${encodeURIComponent("/maps/russia-iran?focus=russia-key")}`,
  );
  await link.click();
  await page.getByLabel("Edit token").fill("e2e-secret-token");
  await page.getByLabel("Edit token").press("Enter");
  // Back on the same claim, now with the editing controls.
  await expect(page).toHaveURL(`${base}/maps/russia-iran?focus=russia-key`);
  await expect(editor.button("Add thesis")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in to edit" })).toHaveCount(0);
  await expect(editor.button("Add rebuttal")).toBeVisible();
});

test("a card added with a read span is saved with it and shown highlighted", async ({ page }) => {
  const slug = await freshMap();
  const editor = new EditorPage(page);
  await editor.goto(slug);
  const loaded = await editor.revision();
  await editor.selectClaim("Uniforms remove fashion distractions");

  await editor.inspector.getByRole("button", { name: "Add card", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "New card" });
  await expect(dialog.getByLabel(/^Tag/)).toBeFocused();
  await dialog.getByLabel(/^Tag/).fill("Uniforms cut classroom distraction");
  const quote =
    "In a two-year study, teachers reported that uniforms reduced distraction in class and bullying over clothes.";
  const read = "uniforms reduced distraction in class";
  await dialog.getByLabel(/^Quote/).fill(quote);
  await dialog
    .getByLabel(/^Quote/)
    .evaluate(
      (el, [start, end]) => (el as HTMLTextAreaElement).setSelectionRange(start, end),
      [quote.indexOf(read), quote.indexOf(read) + read.length],
    );
  await dialog.getByRole("button", { name: "Mark selection as read" }).click();
  await expect(dialog.getByTestId("read-spans")).toHaveText(new RegExp(read));
  await dialog.getByLabel("Author").fill("Sam Lee");
  await dialog.getByLabel("Date").fill("2019-05-01");
  await dialog.getByLabel("URL").fill("https://example.org/uniforms");
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await expect(dialog).toHaveCount(0);

  await editor.savedAfter(loaded);
  const map = await fileMap(slug);
  const card = map.evidence.find((c) => c.tag === "Uniforms cut classroom distraction");
  expect(card?.read).toEqual([read]);
  expect(card?.cite).toEqual({ author: "Sam Lee", date: "2019-05-01", url: "https://example.org/uniforms" });
  expect(map.claims.find((c) => c.id === "fewer-distractions")?.evidence).toEqual([card?.id]);

  const shown = editor.inspector
    .getByTestId("card-view")
    .filter({ hasText: "Uniforms cut classroom distraction" });
  await expect(shown.locator("mark")).toHaveText(read);
});

test("connecting two claims from the keyboard, changing a relation's type, undo and redo", async ({
  page,
}) => {
  const slug = await freshMap();
  const editor = new EditorPage(page);
  await editor.goto(slug);
  let saved = await editor.revision();
  await editor.selectClaim("Uniforms are cheaper than a fashionable wardrobe");

  await editor.inspector.getByRole("button", { name: "Connect to…" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Connect claims" });
  await expect(dialog.getByRole("radio", { name: "Attacks (−)" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(dialog.getByRole("radio", { name: "Supports (+)" })).toBeChecked();
  await page.keyboard.press("ArrowLeft");
  await expect(dialog.getByRole("radio", { name: "Attacks (−)" })).toBeChecked();
  await dialog.getByLabel("Find the target claim").fill("fashion distractions");
  await expect(dialog.getByRole("radio")).toHaveCount(3);
  await dialog.getByRole("radio", { name: /Uniforms remove fashion distractions/ }).focus();
  await page.keyboard.press("Space");
  await dialog.getByRole("button", { name: "Connect" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);

  const relation = page.getByTestId("relation-editor");
  await expect(relation.getByRole("radio", { name: "Attack (−)" })).toBeChecked();
  saved = await editor.savedAfter(saved);
  const connected = { from: "cheaper-than-clothes", to: "fewer-distractions", type: "attack" };
  expect((await fileMap(slug)).relations).toContainEqual(expect.objectContaining(connected));

  await editor.button("Undo").click();
  saved = await editor.savedAfter(saved);
  expect((await fileMap(slug)).relations).not.toContainEqual(expect.objectContaining(connected));
  await editor.button("Redo").click();
  saved = await editor.savedAfter(saved);
  expect((await fileMap(slug)).relations).toContainEqual(expect.objectContaining(connected));

  // The relation from the cost argument to the thesis, picked on the canvas.
  await page
    .locator('[aria-roledescription="edge"][data-id="cost-burden-attacks-uniforms-help"]')
    .dispatchEvent("click");
  await expect(relation.getByRole("radio", { name: "Attack (−)" })).toBeChecked();
  await relation.getByRole("radio", { name: "Support (+)" }).check();
  saved = await editor.savedAfter(saved);
  const costLink = { from: "cost-burden", to: "uniforms-help" };
  expect((await fileMap(slug)).relations).toContainEqual(
    expect.objectContaining({ ...costLink, type: "support" }),
  );

  await page.keyboard.press("ControlOrMeta+z");
  await expect(relation.getByRole("radio", { name: "Attack (−)" })).toBeChecked();
  saved = await editor.savedAfter(saved);
  expect((await fileMap(slug)).relations).toContainEqual(
    expect.objectContaining({ ...costLink, type: "attack" }),
  );
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(relation.getByRole("radio", { name: "Support (+)" })).toBeChecked();
  await editor.savedAfter(saved);
});

test("the workspace with an editing form open has no serious accessibility problems", async ({ page }) => {
  const slug = await freshMap();
  const editor = new EditorPage(page);
  await editor.goto(slug);
  await editor.selectClaim("Uniforms are a cost burden for poor families");
  await editor.inspector.getByRole("button", { name: "Add rebuttal", exact: true }).click();
  await expect(editor.inspector.getByLabel("Rebuttal text")).toBeFocused();
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(await serious()).toEqual([]);

  await page.keyboard.press("Escape");
  await expect(editor.inspector.getByRole("button", { name: "Add rebuttal", exact: true })).toBeFocused();
  await editor.inspector.getByRole("button", { name: "Add card", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "New card" })).toBeVisible();
  expect(await serious()).toEqual([]);
});

test("search matches follow a rename and its undo", async ({ page }) => {
  const slug = await freshMap();
  const editor = new EditorPage(page);
  await editor.goto(slug);
  const search = page.getByRole("searchbox", { name: "Search claims and cards" });
  const status = page.getByTestId("search-status");
  await search.fill("uniforms are");
  await expect(status).toHaveText("0 of 2");
  await search.press("Enter");
  await search.press("Enter");
  await expect(status).toHaveText("2 of 2");
  const cheaper = editor.claimNode("Uniforms are cheaper than a fashionable wardrobe");
  await expect(cheaper).toHaveAttribute("data-match", "current");

  await cheaper.click();
  await editor.inspector.getByRole("button", { name: "Edit claim", exact: true }).click();
  const text = editor.inspector.getByLabel("Claim text");
  await text.fill("Second-hand uniforms cost little");
  await text.press("Enter");
  await expect(status).toHaveText("0 of 1");
  await expect(editor.claimNode("Second-hand uniforms cost little")).not.toHaveAttribute("data-match");
  await expect(editor.claimNode("Uniforms are a cost burden")).toHaveAttribute("data-match", "match");

  await page.keyboard.press("ControlOrMeta+z");
  await expect(status).toHaveText("2 of 2");
  await expect(editor.claimNode("Uniforms are cheaper")).toHaveAttribute("data-match", "current");
});

test("read spans survive a typo fixed inside them and only spans still missing are dropped", async ({
  page,
}) => {
  const slug = await freshMap();
  const editor = new EditorPage(page);
  await editor.goto(slug);
  const loaded = await editor.revision();
  await editor.selectClaim("Uniforms remove fashion distractions");
  await editor.inspector.getByRole("button", { name: "Add card", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "New card" });
  await dialog.getByLabel(/^Tag/).fill("Uniforms calm classrooms");
  const quote = dialog.getByLabel(/^Quote/);
  await quote.fill("Teachers said uniforms reduced distraction. Parents agreed.");
  const mark = async (text: string) => {
    await quote.evaluate((el, span) => {
      const area = el as HTMLTextAreaElement;
      const start = area.value.indexOf(span);
      area.setSelectionRange(start, start + span.length);
    }, text);
    await dialog.getByRole("button", { name: "Mark selection as read" }).click();
  };
  await mark("uniforms reduced distraction");
  await mark("Parents agreed");
  const spans = dialog.getByTestId("read-spans").getByRole("listitem");
  await expect(spans).toHaveCount(2);

  // A typo made and fixed inside a span: while it is there the span waits, marked as missing.
  await quote.fill("Teachers said uniforms reduced distractoin. Parents agreed.");
  await expect(spans).toHaveCount(2);
  await expect(spans.first()).toContainText("(not in the quote)");
  await quote.fill("Teachers said uniforms reduced distraction. Parents agreed.");
  await expect(spans.first()).not.toContainText("(not in the quote)");
  // A span still missing at Add is dropped.
  await quote.fill("Teachers said uniforms reduced distraction. Parents did not.");
  await expect(spans.last()).toContainText("(not in the quote)");
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await expect(dialog).toHaveCount(0);

  await editor.savedAfter(loaded);
  const card = (await fileMap(slug)).evidence.find((c) => c.tag === "Uniforms calm classrooms");
  expect(card?.read).toEqual(["uniforms reduced distraction"]);
});

test("a bad cite link is tied to its field", async ({ page }) => {
  const slug = await freshMap();
  const editor = new EditorPage(page);
  await editor.goto(slug);
  await editor.selectClaim("Uniforms remove fashion distractions");
  await editor.inspector.getByRole("button", { name: "Add card", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "New card" });
  await dialog.getByLabel(/^Tag/).fill("A card");
  await dialog.getByLabel(/^Quote/).fill("Some quote.");
  await dialog.getByLabel("URL").fill("javascript:alert(1)");
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  const url = dialog.getByLabel("URL");
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toHaveAccessibleDescription(/http:\/\/ or https:\/\//);
  await expect(dialog.getByLabel(/^Tag/)).not.toHaveAttribute("aria-invalid");
});

test("a refused save lists every problem in a popover reached from the status", async ({ page }) => {
  const slug = await freshMap();
  const editor = new EditorPage(page);
  await editor.goto(slug);
  await answerSaves(page, slug, 422, {
    error: "invalid map",
    problems: [
      { path: "claims.a.text", message: "must not be empty" },
      { path: "relations.0.to", message: "unknown claim" },
    ],
  });
  await editor.selectClaim("Uniforms are a cost burden for poor families");
  await editor.addRebuttal("Grants cover the cost");
  const button = editor.status.getByRole("button", { name: /Not saved: 2 problems/ });
  await expect(button).toBeVisible();
  await button.focus();
  await page.keyboard.press("Enter");
  const problems = page.getByRole("dialog", { name: "The server refused the map" });
  await expect(problems).toBeVisible();
  await expect(problems.getByRole("listitem")).toHaveText([
    "claims.a.text must not be empty",
    "relations.0.to unknown claim",
  ]);
  await page.screenshot({ path: "test-results/save-problems.png" });
  await page.keyboard.press("Escape");
  await expect(problems).toBeHidden();
  await expect(button).toBeFocused();
});

test("a save to a map deleted on the server stops with a clear message", async ({ page }) => {
  const slug = await freshMap();
  const editor = new EditorPage(page);
  await editor.goto(slug);
  await answerSaves(page, slug, 404, { error: "not found" });
  await editor.selectClaim("Uniforms are a cost burden for poor families");
  await editor.addRebuttal("Grants cover the cost");
  await expect(editor.status).toHaveAttribute("data-state", "missing");
  await expect(editor.status).toContainText("This map no longer exists on the server");
});
