import type { Locator, Page } from "@playwright/test";

/** A map's follow page: the presentation as a follower sees it on their own device. */
export class FollowPage {
  readonly status: Locator;
  readonly offline: Locator;
  readonly claimText: Locator;
  readonly counter: Locator;
  readonly back: Locator;
  readonly on: Locator;
  readonly backToPresenter: Locator;
  readonly claims: Locator;
  readonly current: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId("follow-status");
    this.offline = page.getByTestId("follow-offline");
    this.claimText = page.getByTestId("current-claim-text");
    this.counter = page.getByTestId("follow-counter");
    this.back = page.getByRole("button", { name: "← Back" });
    this.on = page.getByRole("button", { name: "On →" });
    this.backToPresenter = page.getByRole("button", { name: "Back to the presenter" });
    this.claims = page.getByTestId("present-claim");
    this.current = page.locator('[data-testid="present-claim"][data-current]');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.status.waitFor({ state: "visible" });
  }
}
