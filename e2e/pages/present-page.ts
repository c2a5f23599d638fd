import type { Locator, Page } from "@playwright/test";

/** A presentation: the audience's screen or the presenter's window. */
export class PresentPage {
  readonly canvas: Locator;
  readonly claims: Locator;
  readonly current: Locator;
  readonly edges: Locator;
  readonly panel: Locator;
  readonly panelClaim: Locator;
  readonly counter: Locator;
  readonly progress: Locator;
  readonly blank: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId("present-canvas");
    this.claims = page.getByTestId("present-claim");
    this.current = page.locator('[data-testid="present-claim"][data-current]');
    this.edges = page.getByTestId("present-edge");
    this.panel = page.getByTestId("card-panel");
    this.panelClaim = page.getByTestId("current-claim-text");
    this.counter = page.getByTestId("step-counter");
    this.progress = page.getByRole("progressbar", { name: "Progress through the presentation" });
    this.blank = page.getByTestId("blank-screen");
  }

  async open(slug: string, query = "", base = ""): Promise<void> {
    await this.page.goto(`${base}/maps/${slug}/present${query}`);
    await this.counter.waitFor({ state: "visible" });
    // The counter is server-rendered; the map's claims appear once the page runs, and with them its keys.
    await this.claims.first().waitFor({ state: "visible" });
  }

  async shownClaimIds(): Promise<string[]> {
    return this.claims.evaluateAll((els) => els.map((el) => el.getAttribute("data-claim-id") ?? ""));
  }
}
