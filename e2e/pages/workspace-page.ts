import type { Locator, Page } from "@playwright/test";

/** The map workspace: canvas, toolbar, search and inspector. */
export class WorkspacePage {
  readonly canvas: Locator;
  readonly claimNodes: Locator;
  readonly edges: Locator;
  readonly inspector: Locator;
  readonly search: Locator;
  readonly searchStatus: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId("map-canvas");
    this.claimNodes = page.getByTestId("claim-node");
    this.edges = page.getByTestId("relation-edge");
    this.inspector = page.getByRole("complementary", { name: "Inspector" });
    this.search = page.getByRole("searchbox", { name: "Search claims and cards" });
    this.searchStatus = page.getByTestId("search-status");
  }

  async open(slug: string, query = ""): Promise<void> {
    await this.page.goto(`/maps/${slug}${query}`);
    await this.claimNodes.first().waitFor({ state: "visible" });
  }

  /** Fits the whole map into view (all nodes are then rendered). */
  async fitAll(): Promise<void> {
    await this.canvas.getByRole("button", { name: "Fit View" }).click();
    await this.page.waitForTimeout(300);
  }

  node(claimId: string): Locator {
    return this.page.locator(`[data-testid="claim-node"][data-claim-id="${claimId}"]`);
  }

  /** The focusable React Flow element that wraps a claim node (it carries the accessible name). */
  nodeWrapper(claimId: string): Locator {
    return this.page.getByTestId(`rf__node-${claimId}`);
  }

  async selectedClaimId(): Promise<string | null> {
    const selected = this.page.locator('[data-testid="claim-node"][data-selected]');
    if ((await selected.count()) === 0) return null;
    return selected.first().getAttribute("data-claim-id");
  }

  async setOrientation(label: "Top-down" | "Left-to-right"): Promise<void> {
    await this.page.getByRole("button", { name: label }).click();
  }
}
