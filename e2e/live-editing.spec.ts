import { rm } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { EditorPage, fileMap, freshMap } from "./pages/editor";
import { editFileOnDisk, fileHolds, joinLive, liveStatus, sendRebuttal, typeRebuttal } from "./pages/live";
import { serverDir, serverUrl } from "./servers";

const THESIS = "School uniforms help students learn";
const COST = "Uniforms are a cost burden for poor families";

test("a rebuttal added on one page shows on another within a second, with who is where", async ({
  browser,
}) => {
  const slug = await freshMap();
  const a = await joinLive(browser, slug);
  const b = await joinLive(browser, slug);
  await expect(liveStatus(b.editor)).toHaveText(/Live · 2 people here/);

  // A names themself; B sees the name beside A's selected claim.
  await a.editor.page.getByTestId("presence-name").click();
  const name = a.editor.page.getByRole("textbox", { name: "Name" });
  await name.fill("Ms Okafor");
  await name.press("Enter");
  await expect(a.editor.page.getByTestId("presence-name")).toHaveText(/Ms Okafor/);

  await typeRebuttal(a.editor, COST, "Most schools help poor families pay");
  const sent = Date.now();
  await sendRebuttal(a.editor);
  await expect(b.editor.claimNode("Most schools help poor families pay")).toBeVisible({ timeout: 1000 });
  expect(Date.now() - sent).toBeLessThan(1000);

  // A's selection moved to the new claim: B sees it outlined with A's name.
  const outline = b.editor.page
    .locator(".react-flow__node")
    .filter({ has: b.editor.claimNode("Most schools help poor families pay") })
    .getByTestId("presence-outline");
  await expect(outline).toBeVisible();
  await expect(outline).toHaveText(/Ms Okafor/);
  await b.editor.page.screenshot({ path: "/tmp/live-client-presence.png" });

  const serious = (await new AxeBuilder({ page: b.editor.page }).analyze()).violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);

  await fileHolds(slug, ["Most schools help poor families pay"]);
  // The name is remembered on A's device.
  await a.editor.page.reload();
  await expect(a.editor.page.getByTestId("presence-name")).toHaveText(/Ms Okafor/);
  await a.context.close();
  await expect(liveStatus(b.editor)).toHaveText(/Live · only you here/);
  await b.context.close();
});

test("two pages adding claims at the same moment both land, in the file and on both pages", async ({
  browser,
}) => {
  const slug = await freshMap();
  const a = await joinLive(browser, slug);
  const b = await joinLive(browser, slug);
  await typeRebuttal(a.editor, THESIS, "Uniforms do nothing for grades");
  await typeRebuttal(b.editor, THESIS, "Uniforms stifle self-expression");
  await Promise.all([sendRebuttal(a.editor), sendRebuttal(b.editor)]);
  for (const person of [a, b]) {
    await expect(person.editor.claimNode("Uniforms do nothing for grades")).toBeVisible();
    await expect(person.editor.claimNode("Uniforms stifle self-expression")).toBeVisible();
    await expect(person.editor.page.getByTestId("conflict-banner")).toHaveCount(0);
  }
  await fileHolds(slug, ["Uniforms do nothing for grades", "Uniforms stifle self-expression"]);
  const map = await fileMap(slug);
  expect(map.relations.filter((r) => r.to === "uniforms-help" && r.type === "attack")).toHaveLength(3);
  await a.context.close();
  await b.context.close();
});

test("ten pages each adding a rebuttal at once: the file holds all ten and every page shows them", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const slug = await freshMap();
  const people = [];
  for (let i = 0; i < 10; i++) people.push(await joinLive(browser, slug));
  const texts = people.map((_, i) => `Student ${i + 1} rebuts`);
  for (const [i, person] of people.entries()) await typeRebuttal(person.editor, COST, texts[i]);
  await Promise.all(people.map((person) => sendRebuttal(person.editor)));
  await fileHolds(slug, texts);
  const map = await fileMap(slug);
  expect(map.relations.filter((r) => r.to === "cost-burden")).toHaveLength(11);
  for (const person of people) {
    await person.editor.page.keyboard.press("Escape");
    await person.editor.page.getByTestId("map-canvas").getByRole("button", { name: "Fit View" }).click();
    for (const text of texts) await expect(person.editor.claimNode(text)).toBeVisible();
  }
  for (const person of people) await person.context.close();
});

test("a claim added to the file on disk appears on open pages", async ({ browser }) => {
  const slug = await freshMap();
  const a = await joinLive(browser, slug);
  const b = await joinLive(browser, slug);
  await editFileOnDisk(slug, (text) =>
    text.replace(
      "evidence:\n  uniform-cost:",
      "  from-disk:\n    text: Uniform swaps cut the cost to nothing\n    attacks: cost-burden\nevidence:\n  uniform-cost:",
    ),
  );
  for (const person of [a, b])
    await expect(person.editor.claimNode("Uniform swaps cut the cost to nothing")).toBeVisible();
  // Editing goes on from the merged map, and the file keeps both.
  await typeRebuttal(a.editor, THESIS, "Grades did not change after uniforms");
  await sendRebuttal(a.editor);
  await expect(b.editor.claimNode("Grades did not change after uniforms")).toBeVisible();
  await fileHolds(slug, ["Uniform swaps cut the cost to nothing", "Grades did not change after uniforms"]);
  await a.context.close();
  await b.context.close();
});

test("while the file on disk does not read, the page says its edits are not saved and why; fixed, it is plainly Live again", async ({
  browser,
}) => {
  const slug = await freshMap();
  const a = await joinLive(browser, slug);
  await expect(liveStatus(a.editor)).toHaveText(/Live · only you here$/);
  let good = "";
  await editFileOnDisk(slug, (text) => {
    good = text;
    return "version: 1\ntitle: [unclosed\n";
  });
  const status = liveStatus(a.editor);
  await expect(status).toHaveText(/Live · not saved$/);
  const banner = a.editor.page
    .getByRole("alert")
    .filter({ hasText: "Edits are not being saved to the file" });
  await expect(banner).toContainText(new RegExp(`${slug}\\.yaml does not read as a map \\(\\d+:\\d+ `));
  await expect(banner).toContainText("kept on the server");
  await expect(status).toHaveAttribute("data-file-problem", "");
  const serious = (await new AxeBuilder({ page: a.editor.page }).analyze()).violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
  // Edits go on meanwhile, and land once the file is fixed.
  await typeRebuttal(a.editor, THESIS, "Typed while the file was broken");
  await sendRebuttal(a.editor);
  await editFileOnDisk(slug, () => good);
  await expect(status).toHaveText(/Live · only you here$/, { timeout: 10_000 });
  await expect(banner).toHaveCount(0);
  await fileHolds(slug, ["Typed while the file was broken"]);
  await a.context.close();
});

test("a map whose file is deleted while a page is open says so, and after a reconnect says the server refused it instead of Connecting… forever", async ({
  browser,
}) => {
  const slug = await freshMap();
  const a = await joinLive(browser, slug);
  const status = liveStatus(a.editor);
  await expect(status).toHaveText(/Live · only you here$/);
  await rm(path.join(serverDir("main"), `${slug}.yaml`));
  await expect(a.editor.page.getByTestId("live-file-problem")).toContainText(
    "its file is gone (renamed or deleted)",
  );
  await a.context.setOffline(true);
  await expect(status).toHaveText(/Offline/);
  await a.context.setOffline(false);
  await expect(status).toHaveText(/Not live — the server refused this map; reload the page$/, {
    timeout: 15_000,
  });
  await a.context.close();
});

test("a page offline for five seconds keeps its edits, asks before leaving, and they land when it reconnects", async ({
  browser,
}) => {
  const slug = await freshMap();
  const a = await joinLive(browser, slug);
  const b = await joinLive(browser, slug);
  await a.context.setOffline(true);
  await expect(liveStatus(a.editor)).toHaveText(
    /Offline — your edits are kept and will be merged when you reconnect/,
  );
  await typeRebuttal(a.editor, COST, "Written while offline");
  await sendRebuttal(a.editor);
  await expect(a.editor.claimNode("Written while offline")).toBeVisible();

  // Leaving now would lose the edit: the page asks, and staying keeps it.
  const asked = a.editor.page.waitForEvent("dialog");
  void a.editor.page.getByRole("link", { name: "← Library" }).click();
  const dialog = await asked;
  expect(dialog.message()).toMatch(/offline/);
  await dialog.dismiss();
  await expect(a.editor.page).toHaveURL(new RegExp(`/maps/${slug}`));
  await a.editor.page.waitForTimeout(5000);
  await expect(b.editor.claimNode("Written while offline")).toHaveCount(0);

  await a.context.setOffline(false);
  await expect(liveStatus(a.editor)).toHaveAttribute("data-state", "live", { timeout: 15_000 });
  await expect(b.editor.claimNode("Written while offline")).toBeVisible();
  await fileHolds(slug, ["Written while offline"]);
  await a.context.close();
  await b.context.close();
});

test("undo on one page takes back its own edit only", async ({ browser }) => {
  const slug = await freshMap();
  const a = await joinLive(browser, slug);
  const b = await joinLive(browser, slug);
  await typeRebuttal(a.editor, COST, "Edit from page A");
  await sendRebuttal(a.editor);
  await expect(b.editor.claimNode("Edit from page A")).toBeVisible();
  await typeRebuttal(b.editor, THESIS, "Edit from page B");
  await sendRebuttal(b.editor);
  await expect(a.editor.claimNode("Edit from page B")).toBeVisible();

  await a.editor.page.getByRole("button", { name: "Undo", exact: true }).click();
  for (const person of [a, b]) {
    await expect(person.editor.claimNode("Edit from page A")).toHaveCount(0);
    await expect(person.editor.claimNode("Edit from page B")).toBeVisible();
  }
  // B has nothing of A's to undo: its own undo takes back its own edit.
  await b.editor.page.keyboard.press("Escape");
  await b.editor.page.keyboard.press("ControlOrMeta+z");
  await expect(a.editor.claimNode("Edit from page B")).toHaveCount(0);
  // Redo on A brings A's edit back.
  await a.editor.page.getByRole("button", { name: "Redo", exact: true }).click();
  await expect(b.editor.claimNode("Edit from page A")).toBeVisible();
  await expect
    .poll(async () => (await fileMap(slug)).claims.map((c) => c.text), { timeout: 15_000 })
    .toEqual(expect.arrayContaining(["Edit from page A"]));
  expect((await fileMap(slug)).claims.map((c) => c.text)).not.toContain("Edit from page B");
  await a.context.close();
  await b.context.close();
});

test("a read-only server's pages follow the map live and offer no editing", async ({ browser }) => {
  const slug = await freshMap("readonly");
  const a = await joinLive(browser, slug, "readonly");
  const b = await joinLive(browser, slug, "readonly");
  for (const person of [a, b]) {
    await person.editor.selectClaim(COST);
    for (const name of ["Add rebuttal", "Add support", "Add thesis", "Undo", "Redo", "Save"])
      await expect(person.editor.button(name)).toHaveCount(0);
    await expect(person.editor.page.getByTestId("presence-name")).toHaveCount(0);
    await person.editor.page.keyboard.press("r");
    await expect(person.editor.page.getByRole("form")).toHaveCount(0);
  }
  await editFileOnDisk(
    slug,
    (text) =>
      text.replace(
        "text: Uniforms are cheaper than a fashionable wardrobe",
        "text: Uniforms cost less than trends",
      ),
    "readonly",
  );
  for (const person of [a, b])
    await expect(person.editor.claimNode("Uniforms cost less than trends")).toBeVisible();
  await a.context.close();
  await b.context.close();
});

test("leaving at once after an edit, by a link or a reload, still sends it", async ({ browser }) => {
  const slug = await freshMap();
  const a = await joinLive(browser, slug);
  await typeRebuttal(a.editor, COST, "Sent before the page left");
  await sendRebuttal(a.editor);
  await a.editor.page.getByRole("link", { name: "← Library" }).click();
  await expect(a.editor.page).toHaveURL(/\/$/);
  await fileHolds(slug, ["Sent before the page left"]);

  await a.editor.goto(slug);
  await expect(liveStatus(a.editor)).toHaveAttribute("data-state", "live");
  await typeRebuttal(a.editor, THESIS, "Sent before the reload");
  await sendRebuttal(a.editor);
  await a.editor.page.reload();
  await fileHolds(slug, ["Sent before the reload"]);
  await expect(a.editor.claimNode("Sent before the reload")).toBeVisible();
  await a.context.close();
});

test("edits made before the page first connects are kept and merged once it does", async ({ browser }) => {
  const slug = await freshMap();
  const b = await joinLive(browser, slug);
  const context = await browser.newContext();
  const page = await context.newPage();
  // The collaboration server is out of reach for the first few seconds.
  let reachable = false;
  await page.routeWebSocket(/\/collab/, (ws) => {
    if (reachable) ws.connectToServer();
    else ws.close();
  });
  const a = new EditorPage(page);
  await a.goto(slug);
  await expect(liveStatus(a)).toHaveText(/Connecting…/);
  await typeRebuttal(a, COST, "Typed while connecting");
  await sendRebuttal(a);
  await expect(a.claimNode("Typed while connecting")).toBeVisible();
  // Meanwhile someone else edits the map.
  await typeRebuttal(b.editor, THESIS, "Added by someone already here");
  await sendRebuttal(b.editor);
  reachable = true;
  await expect(liveStatus(a)).toHaveAttribute("data-state", "live", { timeout: 20_000 });
  await expect(a.claimNode("Added by someone already here")).toBeVisible();
  await expect(a.claimNode("Typed while connecting")).toBeVisible();
  await expect(b.editor.claimNode("Typed while connecting")).toBeVisible();
  await fileHolds(slug, ["Typed while connecting", "Added by someone already here"]);
  await context.close();
  await b.context.close();
});

test("a claim deleted by someone else hands the selection to the claim it answered", async ({ browser }) => {
  const slug = await freshMap();
  const a = await joinLive(browser, slug);
  const b = await joinLive(browser, slug);
  await b.editor.selectClaim("Uniforms are cheaper than a fashionable wardrobe");
  await a.editor.selectClaim("Uniforms are cheaper than a fashionable wardrobe");
  await a.editor.inspector.getByRole("button", { name: "Delete claim", exact: true }).click();
  const dialog = a.editor.page.getByRole("dialog");
  await dialog
    .getByRole("button", { name: /^Delete/ })
    .last()
    .click();
  await expect(a.editor.claimNode("Uniforms are cheaper than a fashionable wardrobe")).toHaveCount(0);
  await expect(b.editor.claimNode("Uniforms are cheaper than a fashionable wardrobe")).toHaveCount(0);
  await expect(b.editor.inspector.getByRole("heading", { level: 2 })).toHaveText(COST);
  await a.context.close();
  await b.context.close();
});

test("on a token server, a page whose sign-in is gone says it is view only instead of losing edits", async ({
  browser,
}) => {
  const slug = await freshMap("token");
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${serverUrl("token")}/sign-in?next=${encodeURIComponent(`/maps/${slug}`)}`);
  await page.getByLabel("Edit token").fill("e2e-secret-token");
  await page.getByLabel("Edit token").press("Enter");
  const editor = new EditorPage(page);
  await expect(page.getByRole("button", { name: "Add thesis" })).toBeVisible();
  await expect(liveStatus(editor)).toHaveAttribute("data-state", "live");
  // The sign-in ends (cookie gone) and the connection comes back without it.
  await context.clearCookies();
  await context.setOffline(true);
  await expect(liveStatus(editor)).toHaveAttribute("data-state", "offline");
  await context.setOffline(false);
  await expect(liveStatus(editor)).toHaveText(/View only — the server did not accept edits from this page/, {
    timeout: 15_000,
  });
  await context.close();
});
