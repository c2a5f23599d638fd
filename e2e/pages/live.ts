import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Browser, type BrowserContext, expect } from "@playwright/test";
import { type ServerName, serverDir } from "../servers";
import { EditorPage, fileText } from "./editor";

/** One person on a live map: their own browser context (cookies, storage) and page. */
export interface LivePerson {
  context: BrowserContext;
  editor: EditorPage;
}

/** Opens a map in a new browser context and waits until the page is live. */
export async function joinLive(
  browser: Browser,
  slug: string,
  server: ServerName = "main",
): Promise<LivePerson> {
  const context = await browser.newContext();
  const editor = new EditorPage(await context.newPage());
  await editor.goto(slug, server);
  await expect(liveStatus(editor)).toHaveAttribute("data-state", "live");
  return { context, editor };
}

/** The live status in the toolbar. */
export function liveStatus(editor: EditorPage) {
  return editor.page.getByTestId("live-status");
}

/** Opens the rebuttal form on a claim and types the text, without sending it yet. */
export async function typeRebuttal(editor: EditorPage, claim: string, text: string): Promise<void> {
  await editor.selectClaim(claim);
  await editor.inspector.getByRole("button", { name: "Add rebuttal", exact: true }).click();
  const field = editor.inspector.getByLabel("Rebuttal text");
  await expect(field).toBeFocused();
  await field.fill(text);
}

/** Sends the typed rebuttal (Enter in its field). */
export async function sendRebuttal(editor: EditorPage): Promise<void> {
  await editor.inspector.getByLabel("Rebuttal text").press("Enter");
}

/** Waits until the map file on a server's disk holds every one of `texts` as a claim. */
export async function fileHolds(slug: string, texts: string[], server: ServerName = "main"): Promise<void> {
  await expect
    .poll(
      async () => {
        const text = await fileText(slug, server);
        return texts.filter((t) => !text.includes(t));
      },
      { timeout: 15_000 },
    )
    .toEqual([]);
}

/** Changes a map file on disk the way an editor or `git pull` would: a new file renamed over the old. */
export async function editFileOnDisk(
  slug: string,
  change: (text: string) => string,
  server: ServerName = "main",
): Promise<void> {
  const file = path.join(serverDir(server), `${slug}.yaml`);
  const next = change(await fileText(slug, server));
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, next);
  await rename(temp, file);
}
