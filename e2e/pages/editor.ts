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

/** The workspace as an editor sees it: canvas, inspector, editing toolbar and save status. */
export class EditorPage {
  readonly inspector: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.inspector = page.getByTestId("inspector");
    this.status = page.getByTestId("save-status");
  }

  async goto(slug: string, server: ServerName = "main"): Promise<void> {
    await this.page.goto(`${serverUrl(server)}/maps/${slug}`);
    await expect(this.page.getByTestId("claim-node").first()).toBeVisible();
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

  /** The revision the page last loaded or saved. */
  async revision(): Promise<string> {
    await expect(this.status).toHaveAttribute("data-state", "saved");
    return (await this.status.getAttribute("data-revision")) ?? "";
  }

  /** Waits until a save newer than `previous` has landed. */
  async savedAfter(previous: string): Promise<string> {
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
