import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { EditorPage, fileText, freshMap } from "./pages/editor";
import { serverDir, serverUrl } from "./servers";

const FIXTURE = path.resolve("e2e", "fixtures", "editing", "uniforms.yaml");

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function openDetails(page: Page) {
  await page.getByRole("button", { name: "Map details" }).click();
  const dialog = page.getByRole("dialog", { name: "Map details" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("Map details edits the title, resolution and description; the file keeps its comments, and undo gives it back", async ({
  page,
}) => {
  const slug = await freshMap();
  const editor = new EditorPage(page);
  await editor.goto(slug);
  const loaded = await editor.revision();

  const dialog = await openDetails(page);
  await expect(dialog.getByLabel("Title", { exact: true })).toBeFocused();
  await expect(dialog.getByLabel("Title", { exact: true })).toHaveValue("School uniforms");
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: "/tmp/gw-files-map-details.png" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Map details" })).toBeFocused();
  await page.screenshot({ path: "/tmp/gw-files-toolbar.png" });
  await page.getByRole("button", { name: "Map details" }).click();

  await dialog.getByLabel("Title", { exact: true }).fill("School uniforms and learning");
  await dialog.getByLabel(/^Resolution/).fill("Schools should require uniforms");
  await dialog.getByLabel(/^Description/).fill("For the spring tournament.");
  await dialog.getByRole("button", { name: "Save details" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("School uniforms and learning");
  const saved = await editor.savedAfter(loaded);

  const text = await fileText(slug);
  const original = await readFile(FIXTURE, "utf8");
  expect(text).toBe(
    original.replace(
      "title: School uniforms\n",
      "title: School uniforms and learning\nresolution: Schools should require uniforms\ndescription: For the spring tournament.\n",
    ),
  );

  await page.keyboard.press("ControlOrMeta+z");
  await editor.savedAfter(saved);
  expect(await fileText(slug)).toBe(original);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("School uniforms");
});

test("renaming a map moves its file, and links to the old address lead to the new one", async ({ page }) => {
  const slug = await freshMap();
  const editor = new EditorPage(page);
  await editor.goto(slug);
  const dialog = await openDetails(page);
  const address = dialog.getByLabel("Address of this map (its file name)");
  await expect(address).toHaveValue(slug);

  await address.fill("Not an Address!");
  await dialog.getByRole("button", { name: "Rename" }).click();
  await expect(dialog.getByRole("alert")).toContainText("lowercase letters, digits and single hyphens");
  await address.fill("russia-iran");
  await dialog.getByRole("button", { name: "Rename" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    'The map was not renamed: a map named "russia-iran" already exists.',
  );

  const renamed = `${slug}-renamed`;
  await address.fill(renamed);
  await address.press("Enter");
  await expect(page).toHaveURL(`${serverUrl("main")}/maps/${renamed}`);
  await expect(editor.claimNode("School uniforms help students learn")).toBeVisible();
  const names = await readdir(serverDir("main"));
  expect(names).toContain(`${renamed}.yaml`);
  expect(names).not.toContain(`${slug}.yaml`);
  expect(await fileText(renamed)).toBe(await readFile(FIXTURE, "utf8"));

  await page.goto(`${serverUrl("main")}/maps/${slug}?focus=cost-burden`);
  await expect(page).toHaveURL(`${serverUrl("main")}/maps/${renamed}?focus=cost-burden`);
  await expect(editor.inspector.getByRole("heading", { level: 2 })).toHaveText(
    "Uniforms are a cost burden for poor families",
  );
  await page.goto(`${serverUrl("main")}/maps/${slug}/outline`);
  await expect(page).toHaveURL(`${serverUrl("main")}/maps/${renamed}/outline`);
});

test("deleting a map asks first, moves it to the trash, and the library restores it", async ({ page }) => {
  const slug = await freshMap();
  const editor = new EditorPage(page);
  await editor.goto(slug);
  const dialog = await openDetails(page);

  await dialog.getByRole("button", { name: "Delete map…" }).click();
  await expect(dialog.getByText(/Delete “School uniforms”\? Its file moves to the trash/)).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Delete map", exact: true })).toBeFocused();
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(dialog.getByRole("button", { name: "Delete map…" })).toBeFocused();
  expect(await readdir(serverDir("main"))).toContain(`${slug}.yaml`);

  await dialog.getByRole("button", { name: "Delete map…" }).click();
  await dialog.getByRole("button", { name: "Delete map", exact: true }).click();
  await expect(page).toHaveURL(/\/\?deleted=/);
  await expect(page.getByText("“School uniforms” was moved to Recently deleted.")).toBeVisible();
  expect(await readdir(serverDir("main"))).not.toContain(`${slug}.yaml`);
  const trash = await readdir(path.join(serverDir("main"), ".trash"));
  const trashed = trash.find((name) => name.startsWith(`${slug}.`));
  expect(trashed).toMatch(new RegExp(`^${slug}\\.\\d+\\.yaml$`));
  await expect(page.getByTestId("map-card").filter({ hasText: `${slug}.yaml` })).toHaveCount(0);

  const item = page.getByTestId("deleted-map").filter({ hasText: trashed ?? "" });
  await expect(item).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: "/tmp/gw-files-recently-deleted.png", fullPage: true });

  await item.getByRole("button", { name: "Restore “School uniforms”" }).click();
  await expect(page.getByText(`Restored “School uniforms” at /maps/${slug}.`)).toBeFocused();
  await expect(page.getByTestId("map-card").filter({ hasText: `${slug}.yaml` })).toBeVisible();
  await expect(item).toHaveCount(0);
  expect(await fileText(slug)).toBe(await readFile(FIXTURE, "utf8"));
  await page.getByRole("link", { name: `/maps/${slug}` }).click();
  await expect(editor.claimNode("School uniforms help students learn")).toBeVisible();
});

test("Add thesis starts on the side that has fewer theses", async ({ page }) => {
  const slug = await freshMap();
  const editor = new EditorPage(page);
  await editor.goto(slug);
  await editor.button("Add thesis").click();
  const dialog = page.getByTestId("thesis-dialog");
  await expect(dialog.getByLabel("Side")).toHaveValue("neg");
  await dialog.getByLabel("Thesis text").fill("Uniforms do not help learning");
  await dialog.getByLabel("Thesis text").press("Enter");
  await expect(dialog).toBeHidden();
  await expect(editor.claimNode("Uniforms do not help learning")).toBeVisible();
  await editor.button("Add thesis").click();
  await expect(page.getByTestId("thesis-dialog").getByLabel("Side")).toHaveValue("aff");
});

test("a question becomes the new map's thesis; a second map of that title is told its own address", async ({
  page,
}) => {
  const n = Date.now();
  await page.goto("/");
  const form = page.getByRole("form", { name: "New map" });
  await form.getByLabel("Title").fill(`Should the US ban TikTok ${n}?`);
  await form.getByLabel("Title").press("Enter");
  await expect(page).toHaveURL(new RegExp(`/maps/should-the-us-ban-tiktok-${n}$`));
  await expect(page.getByTestId("claim-node")).toContainText(`The US should ban TikTok ${n}`);

  await page.goto("/");
  await form.getByLabel("Title").fill(`Should the US ban TikTok ${n}?`);
  await form.getByRole("button", { name: "Create map" }).click();
  const report = page.getByTestId("new-map-slug");
  await expect(report).toHaveText(
    `A map already lives at /maps/should-the-us-ban-tiktok-${n}, so this one was created at /maps/should-the-us-ban-tiktok-${n}-2. Open it there, or rename it in its Map details.`,
  );
  await expect(report).toBeFocused();
  await expect(
    page.getByTestId("map-card").filter({ hasText: `should-the-us-ban-tiktok-${n}-2.yaml` }),
  ).toBeVisible();
  await page.screenshot({ path: "/tmp/gw-files-new-map-taken.png" });
  await report.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/maps/should-the-us-ban-tiktok-${n}-2$`));
});

test("a question of another shape opens its placeholder thesis selected in the editor", async ({ page }) => {
  await page.goto("/");
  const form = page.getByRole("form", { name: "New map" });
  const n = Date.now();
  await form.getByLabel("Title").fill(`Why do we debate ${n}?`);
  await form.getByLabel("Title").press("Enter");
  await expect(page).toHaveURL(new RegExp(`/maps/why-do-we-debate-${n}\\?focus=thesis$`));
  const field = page.getByTestId("edit-claim-form").getByLabel("Claim text");
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(`Write the thesis: the answer to “Why do we debate ${n}?”`);
  await page.keyboard.type("Debate teaches reasoning");
  await expect(field).toHaveValue("Debate teaches reasoning");
  await field.press("Enter");
  await expect(page.getByTestId("claim-node")).toHaveText(/Debate teaches reasoning/);
});

test("rename, delete and restore need write access and stay inside the arguments folder", async ({
  request,
}) => {
  const readonly = serverUrl("readonly");
  expect(
    (await request.post(`${readonly}/api/maps/russia-iran/rename`, { data: { slug: "x" } })).status(),
  ).toBe(403);
  expect((await request.delete(`${readonly}/api/maps/russia-iran`)).status()).toBe(403);
  expect((await request.post(`${readonly}/api/trash/restore`, { data: { name: "x.1.yaml" } })).status()).toBe(
    403,
  );

  const main = serverUrl("main");
  const outside = await request.post(`${main}/api/maps/russia-iran/rename`, { data: { slug: "../outside" } });
  expect(outside.status()).toBe(422);
  expect((await request.delete(`${main}/api/maps/..%2Frussia-iran`)).status()).toBe(404);
  const restore = await request.post(`${main}/api/trash/restore`, { data: { name: "../russia-iran.yaml" } });
  expect(restore.status()).toBe(404);
  expect(await readdir(serverDir("main"))).toContain("russia-iran.yaml");
});
