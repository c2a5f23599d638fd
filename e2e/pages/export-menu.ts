import type { Download, Locator, Page } from "@playwright/test";

/** The workspace's Export menu: its button, items, progress and status. */
export class ExportMenu {
  readonly button: Locator;
  readonly menu: Locator;
  readonly progress: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole("button", { name: /^Export/ });
    this.menu = page.getByRole("menu", { name: "Export" });
    this.progress = page.getByRole("progressbar", { name: /^Exporting/ });
    this.status = page
      .getByRole("status")
      .filter({ hasText: /Downloaded|Copied|failed|refused|cannot|cancelled/ });
  }

  async open(): Promise<void> {
    if ((await this.button.getAttribute("aria-expanded")) !== "true") await this.button.click();
    await this.menu.waitFor({ state: "visible" });
  }

  item(name: string | RegExp): Locator {
    return this.menu.getByRole("menuitem", { name });
  }

  async chooseScope(name: "Whole map" | RegExp): Promise<void> {
    await this.open();
    await this.menu.getByRole("menuitemradio", { name }).click();
  }

  /** Chooses a format and waits for the file it downloads. */
  async download(label: string | RegExp, timeout = 30_000): Promise<Download> {
    return (await this.start(label, timeout)).download;
  }

  /** Chooses a format and returns at once, with the download still to come. */
  async start(label: string | RegExp, timeout = 30_000): Promise<{ download: Promise<Download> }> {
    await this.open();
    const download = this.page.waitForEvent("download", { timeout });
    await this.item(label).click();
    return { download };
  }
}
