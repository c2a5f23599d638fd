import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { parseArgumentSource } from "../lib/formats/argument-file";
import type { ArgumentMap } from "../lib/model/schema";
import { WorkspacePage } from "./pages/workspace-page";

function bundledMap(): ArgumentMap {
  const file = path.resolve("arguments", "russia-iran.yaml");
  const parsed = parseArgumentSource(readFileSync(file, "utf8"), "russia-iran.yaml", { slug: "russia-iran" });
  if (!parsed.ok) throw new Error("the bundled map does not parse");
  return parsed.value.map;
}

const map = bundledMap();
const SCREENSHOTS = path.resolve("test-results", "screenshots");

test.describe("map workspace", () => {
  test("draws one node per claim and one edge per relation, with no overlapping boxes", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    await workspace.fitAll();
    await expect(workspace.claimNodes).toHaveCount(map.claims.length);
    await expect(workspace.edges).toHaveCount(map.relations.length);
    const boxes = [];
    for (const node of await workspace.claimNodes.all()) {
      const box = await node.boundingBox();
      expect(box).not.toBeNull();
      boxes.push({ id: await node.getAttribute("data-claim-id"), ...box! });
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const overlap =
          a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  });

  test("never clips claim text", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    await workspace.fitAll();
    const overflowing = await page
      .getByTestId("claim-text")
      .evaluateAll((elements) =>
        elements
          .filter((el) => el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth)
          .map(
            (el) =>
              `${el.textContent}: ${el.scrollWidth}>${el.clientWidth} or ${el.scrollHeight}>${el.clientHeight}`,
          ),
      );
    expect(overflowing).toEqual([]);
  });

  test("clicking a claim shows its card's quote in the inspector, and the URL follows", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    await workspace.fitAll();
    await workspace.node("iran-needs-russia-for-bushehr").click();
    await expect(workspace.inspector.getByRole("heading", { level: 2 })).toHaveText(
      "Iran needs Russia, the supplier of its Bushehr reactor",
    );
    const card = map.evidence.find((c) => c.id === "card-bushehr-supplier")!;
    await expect(workspace.inspector.getByTestId("card-quote")).toContainText(card.quote.slice(0, 60));
    await expect(workspace.inspector.locator("mark").first()).toBeVisible();
    const link = workspace.inspector.getByRole("link", { name: /irandebate\.org/ }).first();
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    await expect(page).toHaveURL(/\?focus=iran-needs-russia-for-bushehr$/);
  });

  test("clicking an edge shows the relation and its cards", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran", "?focus=iran-needs-russia-for-bushehr");
    const id = "iran-needs-russia-for-bushehr-supports-no-isolation-without-russia";
    await page.getByTestId(`rf__edge-${id}`).click({ force: true });
    await expect(workspace.inspector.getByText("Support", { exact: true })).toBeVisible();
    await expect(workspace.inspector.getByTestId("card-view")).toHaveCount(1);
  });

  test("?focus= opens the map with the claim selected and centred", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran", "?focus=bushehr-revenues");
    await expect.poll(() => workspace.selectedClaimId()).toBe("bushehr-revenues");
    await expect(workspace.inspector.getByRole("heading", { level: 2 })).toHaveText(
      /Bushehr and other Iranian projects/,
    );
    const canvas = (await workspace.canvas.boundingBox())!;
    await expect
      .poll(async () => {
        const box = (await workspace.node("bushehr-revenues").boundingBox())!;
        return Math.hypot(
          box.x + box.width / 2 - (canvas.x + canvas.width / 2),
          box.y + box.height / 2 - (canvas.y + canvas.height / 2),
        );
      })
      .toBeLessThan(30);
  });

  test("collapsing a thesis hides its descendants and shows how many", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    await workspace.fitAll();
    const thesis = workspace.node("russia-key");
    await thesis.getByRole("button", { name: /^Collapse/ }).click();
    await expect(workspace.node("no-isolation-without-russia")).toHaveCount(0);
    await expect(workspace.node("iran-needs-russia-for-bushehr")).toHaveCount(0);
    const expand = thesis.getByRole("button", { name: /^Expand: show \d+ hidden claims/ });
    await expect(expand).toHaveText(/^\+\d+$/);
    await workspace.fitAll();
    const hidden = Number((await expand.textContent())!.slice(1));
    await expect(workspace.claimNodes).toHaveCount(map.claims.length - hidden);
    await expand.click();
    await workspace.fitAll();
    await expect(workspace.claimNodes).toHaveCount(map.claims.length);
  });

  test("collapse to depth and expand all", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    await page.getByRole("combobox", { name: "Collapse to depth" }).selectOption("1");
    await workspace.fitAll();
    await expect(workspace.claimNodes).toHaveCount(map.theses.length);
    await page.getByRole("button", { name: "Expand all" }).click();
    await workspace.fitAll();
    await expect(workspace.claimNodes).toHaveCount(map.claims.length);
  });

  test('searching "Bushehr" finds and focuses the matching claims', async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    await page.keyboard.press("/");
    await expect(workspace.search).toBeFocused();
    await page.keyboard.type("Bushehr");
    await expect(workspace.searchStatus).toHaveText(/^0 of \d+$/);
    await page.keyboard.press("Enter");
    await expect(workspace.searchStatus).toHaveText(/^1 of \d+$/);
    const first = await workspace.selectedClaimId();
    expect(first).not.toBeNull();
    const text = await workspace.node(first!).getByTestId("claim-text").textContent();
    const firstCards = map.evidence.filter((c) =>
      [
        ...(map.claims.find((cl) => cl.id === first)?.evidence ?? []),
        ...map.relations.filter((r) => r.from === first).flatMap((r) => r.evidence ?? []),
      ].includes(c.id),
    );
    expect(`${text} ${firstCards.map((c) => `${c.tag} ${c.quote}`).join(" ")}`.toLowerCase()).toContain(
      "bushehr",
    );
    await expect(workspace.node(first!)).toHaveAttribute("data-match", "current");
    await page.keyboard.press("Enter");
    await expect(workspace.searchStatus).toHaveText(/^2 of \d+$/);
    expect(await workspace.selectedClaimId()).not.toBe(first);
    await page.keyboard.press("Shift+Enter");
    expect(await workspace.selectedClaimId()).toBe(first);
    await expect(workspace.node("iran-needs-russia-for-bushehr")).toHaveAttribute(
      "data-match",
      /match|current/,
    );
  });

  test("arrow keys move the selection to parent, child and sibling; Enter opens the inspector; Escape clears", async ({
    page,
  }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran", "?focus=no-isolation-without-russia");
    await workspace.nodeWrapper("no-isolation-without-russia").focus();
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => workspace.selectedClaimId()).toBe("russia-key");
    await expect(workspace.nodeWrapper("russia-key")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => workspace.selectedClaimId()).toBe("no-isolation-without-russia");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => workspace.selectedClaimId()).toBe("russia-economic-ties");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => workspace.selectedClaimId()).toBe("china-india-follow-russia");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => workspace.selectedClaimId()).toBe("russia-economic-ties");
    await expect(page).toHaveURL(/\?focus=russia-economic-ties$/);
    await page.keyboard.press("Enter");
    await expect(workspace.inspector.getByRole("heading", { level: 2 })).toBeFocused();
    await workspace.nodeWrapper("russia-economic-ties").focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => workspace.selectedClaimId()).toBeNull();
  });

  test("arrow keys start from the claim that has focus, not from an earlier selection", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran", "?focus=russia-economic-ties");
    await workspace.nodeWrapper("china-india-follow-russia").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => workspace.selectedClaimId()).toBe("europe-wont-divest");
    await workspace.nodeWrapper("no-isolation-without-russia").getByRole("button").first().focus();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => workspace.selectedClaimId()).toBe("russia-economic-ties");
  });

  test("Escape clears the selection and keeps keyboard focus on the node", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran", "?focus=no-isolation-without-russia");
    const node = workspace.nodeWrapper("no-isolation-without-russia");
    await node.focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => workspace.selectedClaimId()).toBeNull();
    await expect(node).toBeFocused();
    // Enter moves focus to the inspector, whose content Escape replaces: focus returns to the node.
    await page.keyboard.press("Enter");
    await expect(workspace.inspector.getByRole("heading", { level: 2 })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect.poll(() => workspace.selectedClaimId()).toBeNull();
    await expect(node).toBeFocused();
  });

  test("the first Tab stop in the canvas is a claim node, not an edge", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    let role: string | null = null;
    for (let i = 0; i < 80 && role === null; i++) {
      await page.keyboard.press("Tab");
      role = await page.evaluate(() => {
        const active = document.activeElement;
        const canvas = document.querySelector('[data-testid="map-canvas"]');
        if (!active || !canvas?.contains(active)) return null;
        return active.getAttribute("aria-roledescription") ?? active.tagName;
      });
    }
    expect(role).toBe("node");
    // Links are reached from the inspector instead.
    await workspace.open("russia-iran", "?focus=iran-needs-russia-for-bushehr");
    await workspace.inspector
      .getByRole("button", {
        name: /^Open this support.*: Iran needs Russia.* supports Iran cannot be isolated/,
      })
      .press("Enter");
    await expect(workspace.inspector.getByText("Support", { exact: true })).toBeVisible();
    await expect(workspace.inspector.getByRole("heading", { level: 2 })).toBeFocused();
  });

  test("a keyboard-focused edge is drawn visibly different", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran", "?focus=iran-needs-russia-for-bushehr");
    const id = "iran-needs-russia-for-bushehr-supports-no-isolation-without-russia";
    const edge = page.getByTestId(`rf__edge-${id}`);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    const box = (await edge.boundingBox())!;
    const clip = { x: box.x - 6, y: box.y - 6, width: box.width + 12, height: box.height + 12 };
    const before = await page.screenshot({ clip });
    await edge.focus();
    await expect(edge).toBeFocused();
    expect(await edge.evaluate((el) => el.matches(":focus-visible"))).toBe(true);
    const after = await page.screenshot({ clip, path: path.join(SCREENSHOTS, "edge-focused.png") });
    expect(after.equals(before)).toBe(false);
  });

  test("long words and URLs wrap inside the inspector", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    for (const query of ["?focus=long-compound", "?focus=long-url"]) {
      await workspace.open("long-words", query);
      await expect(workspace.inspector.getByRole("heading", { level: 2 })).toBeVisible();
      const size = await workspace.inspector.evaluate((el) => ({
        scroll: el.scrollWidth,
        client: el.clientWidth,
      }));
      expect(size.scroll, query).toBeLessThanOrEqual(size.client);
    }
    await page.getByTestId("rf__edge-long-compound-attacks-long-url").click({ force: true });
    await expect(workspace.inspector.getByTestId("card-view")).toHaveCount(1);
    const relation = await workspace.inspector.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
    }));
    expect(relation.scroll, "relation").toBeLessThanOrEqual(relation.client);
    await page.screenshot({ path: path.join(SCREENSHOTS, "inspector-long-words.png") });
  });

  test('"c" collapses the selected claim, "f" fits the map and "?" lists the shortcuts', async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran", "?focus=no-isolation-without-russia");
    await workspace.nodeWrapper("no-isolation-without-russia").focus();
    await page.keyboard.press("c");
    await expect(workspace.node("russia-economic-ties")).toHaveCount(0);
    await page.keyboard.press("c");
    await expect(workspace.node("russia-economic-ties")).toBeVisible();
    await page.keyboard.press("f");
    await expect(workspace.claimNodes).toHaveCount(map.claims.length);
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole("button", { name: "Shortcuts" }).click();
    await expect(dialog).toBeVisible();
  });

  test("left-to-right puts children to the right of their parent", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran");
    await workspace.setOrientation("Left-to-right");
    await workspace.fitAll();
    const parent = (await workspace.node("russia-key").boundingBox())!;
    const child = (await workspace.node("no-isolation-without-russia").boundingBox())!;
    expect(child.x).toBeGreaterThan(parent.x + parent.width);
  });

  test("nodes have accessible names with side, text and relation", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran", "?focus=iran-needs-russia-for-bushehr");
    await expect(workspace.nodeWrapper("iran-needs-russia-for-bushehr")).toHaveAccessibleName(
      /^Aff claim: Iran needs Russia, the supplier of its Bushehr reactor, supports Iran cannot be isolated/,
    );
  });

  test("has no serious or critical accessibility violations", async ({ page }) => {
    const workspace = new WorkspacePage(page);
    await workspace.open("russia-iran", "?focus=iran-needs-russia-for-bushehr");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  test("an unknown map gives a 404 page", async ({ page }) => {
    const response = await page.goto("/maps/no-such-map");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Map not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: /library/i })).toBeVisible();
  });

  test("a broken file gives an error page naming the file, line and message", async ({ page }) => {
    await page.goto("/maps/broken-map");
    await expect(page.getByRole("heading", { name: "This map cannot be opened" })).toBeVisible();
    const problem = page.getByTestId("map-problem").first();
    await expect(problem).toContainText(/broken-map\.yaml, line \d+, column \d+/);
    await expect(page.getByRole("link", { name: /Back to the library/ })).toBeVisible();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`screenshot in ${scheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const workspace = new WorkspacePage(page);
      await workspace.open("russia-iran", "?focus=no-isolation-without-russia");
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(SCREENSHOTS, `workspace-${scheme}.png`) });
      await workspace.fitAll();
      await page.screenshot({ path: path.join(SCREENSHOTS, `workspace-${scheme}-fit.png`) });
      await workspace.setOrientation("Left-to-right");
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(SCREENSHOTS, `workspace-${scheme}-lr.png`) });
    });
  }
});

test("the library page has an icon and logs no console error about it", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Clashmap" })).toBeVisible();
  const href = await page.locator('link[rel~="icon"]').first().getAttribute("href");
  expect(href).not.toBeNull();
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  // The icon is asked for as the page loads (not "networkidle": the library prefetches map pages).
  await page.waitForLoadState("load");
  expect(errors.filter((e) => /favicon|icon/i.test(e))).toEqual([]);
});

test("the shortcuts dialog closes with Escape and hands focus back to the claim it was opened from", async ({
  page,
}) => {
  const workspace = new WorkspacePage(page);
  await workspace.open("russia-iran", "?focus=no-isolation-without-russia");
  const node = workspace.nodeWrapper("no-isolation-without-russia");
  await node.focus();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("Search claims and cards")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await page.screenshot({ path: path.join(SCREENSHOTS, "shortcuts-dialog.png") });
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(node).toBeFocused();
  await expect(workspace.node("no-isolation-without-russia")).toBeVisible();
});
