import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { bigKialo } from "../tests/bench/big-files";
import { WorkspacePage } from "./pages/workspace-page";
import { serverDir, serverUrl } from "./servers";

const SAMPLES = path.resolve("..", "shared", "samples");
const KIALO = path.join(SAMPLES, "kialo", "russia-iran.txt");
const AIF = path.join(SAMPLES, "aif", "russia-iran.json");
const KIALO_CLAIMS = 11;
const KIALO_TEXT = "Discussion Title: Small\n\n1. Thesis.\n1.1. Pro: Reason.\n";

const files = () => readdirSync(serverDir("main")).sort();

async function expectImportedMap(page: Page, claims: number) {
  await expect(page).toHaveURL(/\/maps\/is-russia-key-to-isolating-iran(-\d+)?\?imported=1$/);
  const note = page.getByRole("complementary", { name: /Imported from russia-iran\.txt/ });
  await expect(note).toBeVisible();
  await expect(note).toContainText("11 claims, 11 relations (5 support, 6 attack, 0 undercut)");
  await expect(note).toContainText('1 "-> See" link joined');
  const workspace = new WorkspacePage(page);
  await workspace.claimNodes.first().waitFor({ state: "visible" });
  await workspace.fitAll();
  await expect(workspace.claimNodes).toHaveCount(claims);
  const slug = new URL(page.url()).pathname.split("/").pop() ?? "";
  expect(readFileSync(path.join(serverDir("main"), `${slug}.yaml`), "utf8")).toContain(
    "title: Is Russia key to isolating Iran?",
  );
  return { note, slug };
}

test.describe("import from the library", () => {
  test.skip(!existsSync(KIALO), "the shared samples are not here");

  test("a Kialo export chosen with the file picker opens as a new map with its report", async ({ page }) => {
    await page.goto("/");
    const picker = page.getByLabel("Choose files to import");
    await picker.focus();
    await expect(picker).toBeFocused();
    await picker.setInputFiles(KIALO);
    const { note } = await expectImportedMap(page, KIALO_CLAIMS);
    await page.screenshot({ path: "/tmp/interchange-imported-map.png" });
    await note.getByRole("button", { name: "Dismiss" }).click();
    await expect(note).toHaveCount(0);
    await expect(page).toHaveURL(/\/maps\/is-russia-key-to-isolating-iran(-\d+)?$/);
  });

  test("a Kialo export dropped on the library opens as a new map", async ({ page }) => {
    await page.goto("/");
    const text = readFileSync(KIALO, "utf8");
    await page.getByTestId("import-drop-zone").evaluate((zone, content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], "russia-iran.txt", { type: "text/plain" }));
      for (const type of ["dragenter", "dragover", "drop"]) {
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      }
    }, text);
    await expectImportedMap(page, KIALO_CLAIMS);
  });

  test("several files at once are each imported and listed with their reports", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Choose files to import").setInputFiles([KIALO, AIF]);
    const results = page.getByTestId("import-result");
    await expect(results).toHaveCount(2);
    await expect(results.nth(0)).toContainText(
      "russia-iran.txt imported as Is Russia key to isolating Iran?",
    );
    await expect(results.nth(1)).toContainText("2 dialogue nodes skipped (L 1, YA 1)");
    await results.nth(1).getByRole("link").click();
    await expect(page).toHaveURL(/\/maps\/russia-iran-\d+$/);
    await expect(new WorkspacePage(page).claimNodes.first()).toBeVisible();
  });

  test("the workspace with an import report passes an accessibility check", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Choose files to import").setInputFiles(KIALO);
    await expectImportedMap(page, KIALO_CLAIMS);
    const results = await new AxeBuilder({ page }).include('[data-testid="import-note"]').analyze();
    expect(results.violations).toEqual([]);
  });
});

test("a broken file shows its error with the line, and nothing is written", async ({ page }) => {
  const before = files();
  await page.goto("/");
  const broken = "Discussion Title: Broken\n\n1. Thesis.\n1.1. Pro: A reason.\n1.3.1. Con: An orphan.\n";
  await page.getByLabel("Choose files to import").setInputFiles({
    name: "broken.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(broken),
  });
  const error = page.getByRole("alert").filter({ hasText: "broken.txt" });
  await expect(error).toContainText("broken.txt was not imported. Nothing was written.");
  await expect(error).toContainText("broken.txt:5:1  1.3.1  no parent: there is no claim numbered 1.3");
  await expect(error.getByTestId("problem-kind")).toHaveAttribute("data-code", "reference");
  await expect(page).toHaveURL(/\/$/);
  await page.screenshot({ path: "/tmp/interchange-import-error.png" });
  expect(files()).toEqual(before);
});

test("a file of no known format says which formats are known", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Choose files to import").setInputFiles({
    name: "notes.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("a,b\n1,2\n"),
  });
  const error = page.getByRole("alert").filter({ hasText: "notes.csv" });
  await expect(error).toContainText("known formats: yaml");
  await expect(error).toContainText("kialo (Kialo discussion export)");
});

test("the library with the import panel passes an accessibility check in light and dark", async ({
  page,
}) => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/");
    await expect(page.getByRole("region", { name: "Import maps" })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  }
  await page.screenshot({ path: "/tmp/interchange-library.png", fullPage: true });
});

test("a read-only server offers no import", async ({ page }) => {
  await page.goto(`${serverUrl("readonly")}/`);
  await expect(page.getByRole("heading", { name: /Maps/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Import maps" })).toHaveCount(0);
});

test("a 1,000-claim Kialo discussion imports and opens in the workspace", async ({ page }) => {
  const big = bigKialo(1000);
  await page.goto("/");
  await page.getByLabel("Choose files to import").setInputFiles({
    name: "big-discussion.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(big.text),
  });
  await expect(page).toHaveURL(/\/maps\/should-schools-require-uniforms(-\d+)?\?imported=1$/, {
    timeout: 30_000,
  });
  const note = page.getByRole("complementary", { name: /Imported from big-discussion\.txt/ });
  await expect(note).toContainText(`${big.claims.toLocaleString("en-US")} claims`);
  await expect(note).toContainText(`${big.sees.toLocaleString("en-US")} "-> See" links joined`);
  await expect(new WorkspacePage(page).claimNodes.first()).toBeVisible();
});

test.describe("the import API", () => {
  const hostileYaml = () => {
    const lines = ["version: 1", "title: Bomb", 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (const [i, name] of ["b", "c", "d", "e", "f", "g", "h"].entries()) {
      lines.push(`${name}: &${name} [${Array(10).fill(`*${"abcdefg"[i]}`).join(",")}]`);
    }
    return `${lines.join("\n")}\nclaims: {}\n`;
  };

  test("refuses an alias bomb while the server keeps answering other requests", async ({ request }) => {
    const before = files();
    const [bomb, other] = await Promise.all([
      request.post("/api/import?name=bomb.yaml", {
        data: hostileYaml(),
        headers: { "content-type": "text/plain" },
      }),
      request.get("/api/maps/russia-iran"),
    ]);
    expect(bomb.status()).toBe(422);
    expect(JSON.stringify(await bomb.json())).toContain("alias");
    expect(other.status()).toBe(200);
    expect(files()).toEqual(before);
  });

  test("refuses a file over the size limit, and writes only inside the arguments folder", async ({
    request,
  }) => {
    const huge = await request.post("/api/import?name=huge.txt", {
      data: `1. T\n1.1. Pro: ${"x".repeat(8 * 1024 * 1024)}\n`,
      headers: { "content-type": "text/plain" },
    });
    expect(huge.status()).toBe(413);
    const sneaky = await request.post(`/api/import?name=${encodeURIComponent("../../../escape.txt")}`, {
      data: "Discussion Title: Escape attempt\n\n1. Thesis.\n",
      headers: { "content-type": "text/plain" },
    });
    expect(sneaky.status()).toBe(201);
    const { slug } = await sneaky.json();
    expect(slug).toMatch(/^escape-attempt(-\d+)?$/);
    expect(existsSync(path.join(serverDir("main"), `${slug}.yaml`))).toBe(true);
    expect(existsSync(path.resolve(serverDir("main"), "..", "..", "..", "escape.txt"))).toBe(false);
  });

  test("takes the same write checks as other writes", async ({ request }) => {
    const readonly = await request.post(`${serverUrl("readonly")}/api/import?name=a.txt`, {
      data: KIALO_TEXT,
      headers: { "content-type": "text/plain" },
    });
    expect(readonly.status()).toBe(403);
    const crossSite = await request.post("/api/import?name=a.txt", {
      data: KIALO_TEXT,
      headers: { "content-type": "text/plain", origin: "http://evil.example" },
    });
    expect(crossSite.status()).toBe(403);
  });
});

test.describe("other formats from the library", () => {
  const ARGDOWN = path.join(SAMPLES, "argdown", "legalisation-softdrugs.argdown");
  test.skip(!existsSync(ARGDOWN), "the shared samples are not here");

  for (const [file, claims, title] of [
    [ARGDOWN, 18, /\/maps\/pros-and-cons-legalisation-of-soft-drugs(-\d+)?\?imported=1$/],
    [AIF, 6, /\/maps\/russia-iran-\d+\?imported=1$/],
  ] as const) {
    test(`${path.basename(file)} opens with one node per claim`, async ({ page }) => {
      await page.goto("/");
      await page.getByLabel("Choose files to import").setInputFiles(file);
      await expect(page).toHaveURL(title);
      const workspace = new WorkspacePage(page);
      await workspace.claimNodes.first().waitFor({ state: "visible" });
      await workspace.fitAll();
      await expect(workspace.claimNodes).toHaveCount(claims);
      await page.screenshot({ path: `/tmp/interchange-${path.basename(file)}.png` });
    });
  }
});
