import { copyFile, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { parseArgumentSource } from "../../lib/formats/argument-file";
import type { ArgumentMap } from "../../lib/model/schema";
import { type ServerName, serverDir, serverUrl } from "../servers";

const FIXTURE = path.resolve("e2e", "fixtures", "editing", "uniforms.yaml");
let copies = 0;

/** Copies the editing fixture (with its comments) to a fresh slug on a test server. */
export async function freshMap(server: ServerName = "main"): Promise<string> {
  copies += 1;
  const slug = `editing-${Date.now()}-${copies}`;
  await copyFile(FIXTURE, path.join(serverDir(server), `${slug}.yaml`));
  return slug;
}

/** The text of a map file on a test server's disk. */
export function fileText(slug: string, server: ServerName = "main"): Promise<string> {
  return readFile(path.join(serverDir(server), `${slug}.yaml`), "utf8");
}

/** The map in a file on a test server's disk, parsed the way the app reads it. */
export async function fileMap(slug: string, server: ServerName = "main"): Promise<ArgumentMap> {
  const parsed = parseArgumentSource(await fileText(slug, server), `${slug}.yaml`, { slug });
  if (!parsed.ok) throw new Error(`${slug}.yaml does not parse: ${parsed.problems[0]?.message}`);
  return parsed.value.map;
}

/**
 * The workspace as an editor sees it: canvas, inspector, editing toolbar and save status. A
 * server with live editing has no save status: there "saved" means the file on disk changed.
 */
export class EditorPage {
  readonly inspector: Locator;
  readonly status: Locator;
  readonly liveStatus: Locator;
  private opened?: { slug: string; server: ServerName };

  constructor(readonly page: Page) {
    this.inspector = page.getByTestId("inspector");
    this.status = page.getByTestId("save-status");
    this.liveStatus = page.getByTestId("live-status");
  }

  async goto(slug: string, server: ServerName = "main"): Promise<void> {
    this.opened = { slug, server };
    await this.page.goto(`${serverUrl(server)}/maps/${slug}`);
    await expect(this.page.getByTestId("claim-node").first()).toBeVisible();
  }

  /** Whether the page edits live (the shared map) rather than saving over HTTP. */
  async live(): Promise<boolean> {
    // On a phone both sit in the closed toolbar menu: present, not visible.
    await this.status.or(this.liveStatus).first().waitFor({ state: "attached" });
    return (await this.liveStatus.count()) > 0;
  }

  /** The map file's text on disk, for a live page's "revision". */
  private async fileNow(): Promise<string> {
    if (!this.opened) throw new Error("goto() a map first");
    return `file:${await fileText(this.opened.slug, this.opened.server)}`;
  }

  claimNode(text: string): Locator {
    return this.page.getByTestId("claim-node").filter({ hasText: text });
  }

  button(name: string): Locator {
    return this.page.getByRole("button", { name, exact: true });
  }

  /** Selects a claim by clicking its node on the canvas. */
  async selectClaim(text: string): Promise<void> {
    await this.claimNode(text).click();
    await expect(this.inspector.getByRole("heading", { level: 2 })).toHaveText(text);
  }

  /** The revision the page last loaded or saved (live: the file as it is once the page is live). */
  async revision(): Promise<string> {
    if (await this.live()) {
      await expect(this.liveStatus).toHaveAttribute("data-state", "live");
      return this.fileNow();
    }
    await expect(this.status).toHaveAttribute("data-state", "saved");
    return (await this.status.getAttribute("data-revision")) ?? "";
  }

  /** Waits until a save newer than `previous` has landed (live: until the file on disk changed). */
  async savedAfter(previous: string): Promise<string> {
    if (await this.live()) {
      await expect.poll(() => this.fileNow(), { timeout: 15_000 }).not.toBe(previous);
      // The server writes debounced: wait until the file stops changing.
      let now = await this.fileNow();
      for (;;) {
        await this.page.waitForTimeout(700);
        const later = await this.fileNow();
        if (later === now) return now;
        now = later;
      }
    }
    await expect(this.status).not.toHaveAttribute("data-revision", previous);
    await expect(this.status).toHaveText(/All changes saved/);
    return (await this.status.getAttribute("data-revision")) ?? "";
  }

  /** Adds a rebuttal to the selected claim through the inline form. */
  async addRebuttal(text: string): Promise<void> {
    await this.inspector.getByRole("button", { name: "Add rebuttal", exact: true }).click();
    const field = this.inspector.getByLabel("Rebuttal text");
    await expect(field).toBeFocused();
    await field.fill(text);
    await field.press("Enter");
    await expect(this.inspector.getByRole("heading", { level: 2 })).toHaveText(text);
  }
}

/** Answers the page's next saves of a map with a fixed status and JSON body instead of the server's. */
export async function answerSaves(page: Page, slug: string, status: number, body: unknown): Promise<void> {
  await page.route(`**/api/maps/${slug}`, (route) =>
    route.request().method() === "PUT"
      ? route.fulfill({ status, contentType: "application/json", body: JSON.stringify(body) })
      : route.continue(),
  );
}
