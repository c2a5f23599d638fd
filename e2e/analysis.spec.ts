import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { analysisCounts, analyzeMap } from "../lib/analysis/analyze";
import { STATUS_LABELS } from "../lib/analysis/explain";
import { parseArgumentSource } from "../lib/formats/argument-file";
import type { ArgumentMap } from "../lib/model/schema";
import { EditorPage, freshMap } from "./pages/editor";
import { WorkspacePage } from "./pages/workspace-page";
import { serverUrl } from "./servers";

function bundledMap(): ArgumentMap {
  const file = path.resolve("arguments", "russia-iran.yaml");
  const parsed = parseArgumentSource(readFileSync(file, "utf8"), "russia-iran.yaml", { slug: "russia-iran" });
  if (!parsed.ok) throw new Error("the bundled map does not parse");
  return parsed.value.map;
}

const map = bundledMap();
const expected = analyzeMap(map);
const text = (id: string) => map.claims.find((c) => c.id === id)?.text ?? id;

function panel(page: Page) {
  return page.getByRole("complementary", { name: "Analysis" });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test.describe("analysis", () => {
  test("the toggle marks every claim of the bundled map with its status, label and reason", async ({
    page,
  }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    const toggle = page.getByRole("button", { name: "Analysis" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await expect(page.getByTestId("status-badge")).toHaveCount(0);
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/[?&]analysis=1/);
    await workspace.fitAll();
    await expect(workspace.claimNodes).toHaveCount(map.claims.length);
    for (const claim of expected.claims) {
      const node = workspace.node(claim.id);
      await expect(node, claim.id).toHaveAttribute("data-status", claim.status);
      await expect(node.getByTestId("status-badge")).toHaveText(STATUS_LABELS[claim.status]);
      await expect(node).toHaveAttribute("title", `${STATUS_LABELS[claim.status]}: ${claim.reason}`);
    }
    // The status is part of the node's accessible name, not only its colour.
    await expect(workspace.nodeWrapper("sanctions-regime-backed")).toHaveAccessibleName(
      /Refuted: Refuted by “Russia imposes only UN-mandated sanctions/,
    );
    // Shift+A hides it again, and the address follows.
    await page.locator("body").press("Shift+A");
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await expect(page.getByTestId("status-badge")).toHaveCount(0);
    await expect(panel(page)).toHaveCount(0);
    await expect(page).not.toHaveURL(/analysis=1/);
    await page.keyboard.press("Shift+A");
    await expect(panel(page)).toBeVisible();
  });

  test("typing an a in the search box does not toggle the analysis", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    await page.keyboard.press("/");
    await page.keyboard.type("sanctions");
    await expect(workspace.search).toHaveValue("sanctions");
    await expect(page.getByRole("button", { name: "Analysis" })).toHaveAttribute("aria-pressed", "false");
  });

  test("the panel lists the unanswered arguments per side; clicking one focuses the claim", async ({
    page,
  }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran", "?analysis=1");
    const side = panel(page);
    await expect(side.getByRole("heading", { name: "Analysis", level: 2 })).toBeVisible();
    const aff = side.getByTestId("unanswered-aff");
    const neg = side.getByTestId("unanswered-neg");
    await expect(aff.getByRole("heading")).toHaveText(
      `Aff arguments Neg has not answered (${expected.unanswered.aff.length})`,
    );
    await expect(aff.getByRole("button")).toHaveText(expected.unanswered.aff.map(text));
    await expect(neg.getByRole("button")).toHaveText(expected.unanswered.neg.map(text));
    const target = expected.unanswered.neg[expected.unanswered.neg.length - 1];
    await neg.getByRole("button", { name: text(target) }).click();
    await expect.poll(() => workspace.selectedClaimId()).toBe(target);
    await expect(workspace.nodeWrapper(target)).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`focus=${target}`));
    // The inspector explains the status and says the claim is unanswered.
    const note = workspace.inspector.getByTestId("claim-analysis");
    await expect(note.getByTestId("claim-reason")).toHaveText(expected.byClaim.get(target)?.reason ?? "");
    await expect(note).toContainText("Unanswered: no Aff claim attacks it");
  });

  test("evidence warnings link to their claims, and a chosen year flags older cards", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran", "?analysis=1");
    const warnings = panel(page).getByTestId("analysis-warnings");
    await expect(warnings.getByRole("heading", { level: 3 })).toHaveText(
      `Evidence warnings (${expected.warnings.length})`,
    );
    const older = warnings.getByRole("region", { name: "Cards older than the chosen year" });
    await expect(older).toHaveCount(0);
    await warnings.getByLabel("Flag cards older than").fill("2016");
    const dated = analyzeMap(map, { since: 2016 }).warnings.filter((w) => w.kind === "old-card");
    expect(dated.length).toBeGreaterThan(0);
    await expect(older.getByRole("button")).toHaveText(dated.map((w) => w.message));
    await older.getByRole("button").first().click();
    await expect.poll(() => workspace.selectedClaimId()).toBe(dated[0].claimId);
    await expect(workspace.inspector.getByRole("heading", { level: 2 })).toHaveText(
      text(dated[0].claimId ?? ""),
    );
  });

  test("adding a rebuttal changes the status of what it attacks", async ({ page }) => {
    const slug = await freshMap();
    const editor = new EditorPage(page);
    const workspace = new WorkspacePage(page);
    await page.goto(`${serverUrl("main")}/maps/${slug}?analysis=1`);
    await workspace.claimNodes.first().waitFor({ state: "visible" });
    await workspace.fitAll();
    await expect(workspace.node("cheaper-than-clothes")).toHaveAttribute("data-status", "in");
    await expect(workspace.node("cost-burden")).toHaveAttribute("data-status", "out");
    await expect(workspace.node("uniforms-help")).toHaveAttribute("data-status", "in");
    await editor.selectClaim("Uniforms are cheaper than a fashionable wardrobe");
    await editor.addRebuttal("Uniforms add to the clothes families buy anyway");
    await workspace.fitAll();
    await expect(workspace.node("cheaper-than-clothes")).toHaveAttribute("data-status", "out");
    await expect(workspace.node("cheaper-than-clothes").getByTestId("status-badge")).toHaveText("Refuted");
    await expect(workspace.node("cost-burden")).toHaveAttribute("data-status", "in");
    await expect(workspace.node("uniforms-help")).toHaveAttribute("data-status", "out");
    await expect(workspace.node("uniforms-help")).toHaveAttribute(
      "title",
      "Refuted: Refuted by “Uniforms are a cost burden for poor families”",
    );
    // The new rebuttal is itself unanswered by the aff.
    await expect(panel(page).getByTestId("unanswered-neg").getByRole("button")).toContainText([
      "Uniforms add to the clothes families buy anyway",
    ]);
    await page.keyboard.press("ControlOrMeta+z");
    await expect(workspace.node("uniforms-help")).toHaveAttribute("data-status", "in");
  });

  test("by keyboard alone: Tab to an unanswered argument, Enter, r, type a rebuttal, Enter", async ({
    page,
  }) => {
    const slug = await freshMap();
    const workspace = new WorkspacePage(page);
    await page.goto(`${serverUrl("main")}/maps/${slug}`);
    await workspace.claimNodes.first().waitFor({ state: "visible" });
    await page.locator("body").press("Shift+A");
    const target = panel(page).getByTestId("unanswered-aff").getByRole("button", {
      name: "Uniforms are cheaper than a fashionable wardrobe",
    });
    await page.getByRole("button", { name: "Analysis" }).focus();
    for (let i = 0; i < 20 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(target).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(workspace.nodeWrapper("cheaper-than-clothes")).toBeFocused();
    await page.keyboard.press("r");
    await expect(workspace.inspector.getByLabel("Rebuttal text")).toBeFocused();
    await page.keyboard.type("Uniforms add to the clothes families buy anyway");
    await page.keyboard.press("Enter");
    await workspace.fitAll();
    await expect(workspace.node("cheaper-than-clothes")).toHaveAttribute("data-status", "out");
    await expect(workspace.node("cost-burden")).toHaveAttribute("data-status", "in");
    await expect(workspace.node("uniforms-help")).toHaveAttribute("data-status", "out");
    await expect(panel(page).getByTestId("unanswered-aff").getByRole("button")).not.toContainText([
      "Uniforms are cheaper than a fashionable wardrobe",
    ]);
  });

  test("a link's inspector says whether it counts", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran", "?analysis=1&focus=rosatom-fears-unreliability");
    await workspace.inspector
      .getByRole("button", { name: /^Open this undercut \(1 card\): Leaving Iran would brand Rosatom/ })
      .click();
    await expect(workspace.inspector.getByTestId("relation-analysis")).toHaveText(
      /^Counts: “Leaving Iran would brand Rosatom an unreliable partner” stands/,
    );
  });

  test("the library shows each map's unanswered arguments and warnings", async ({ page }) => {
    await page.goto("/");
    const card = page.getByTestId("map-card").filter({ hasText: "Russia and Iran after the nuclear deal" });
    const counts = analysisCounts(map);
    await expect(card.getByTestId("map-analysis")).toHaveText(
      `${counts.unanswered} unanswered arguments · ${counts.warnings} evidence warnings`,
    );
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`has no serious accessibility violations with the analysis on (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const workspace = new WorkspacePage(page);
      await workspace.open("russia-iran", "?analysis=1&focus=convince-moscow");
      await expect(workspace.inspector.getByTestId("claim-analysis")).toBeVisible();
      await page.waitForTimeout(300);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.resolve("test-results", "screenshots", `analysis-${scheme}.png`) });
      await workspace.fitAll();
      await page.screenshot({
        path: path.resolve("test-results", "screenshots", `analysis-${scheme}-fit.png`),
      });
    });
  }
});
