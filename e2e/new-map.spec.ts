import { access, readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { serverDir, serverUrl } from "./servers";

test("a person creates a new map from the library and lands on it", async ({ page }) => {
  await page.goto("/");
  const form = page.getByRole("form", { name: "New map" });
  await expect(form).toBeVisible();
  const title = `Should homework be banned ${Date.now()}`;
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Title").press("Enter");
  await expect(page).toHaveURL(/\/maps\/should-homework-be-banned-\d+$/);
  const slug = new URL(page.url()).pathname.split("/").pop() ?? "";
  const text = await readFile(path.join(serverDir("main"), `${slug}.yaml`), "utf8");
  expect(text).toContain(`title: ${title}`);
});

test("the New map form explains what is wrong, in place", async ({ page }) => {
  await page.goto("/");
  const form = page.getByRole("form", { name: "New map" });
  await form.getByRole("button", { name: "Create map" }).click();
  await expect(form.getByRole("alert")).toHaveText("Give the map a title.");
  await expect(form.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/$/);
});

test("the library passes an accessibility check with the New map form", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("form", { name: "New map" })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test("a read-only server's library shows no New map form", async ({ page }) => {
  await page.goto(`${serverUrl("readonly")}/`);
  await expect(page.getByRole("heading", { name: /Maps/ })).toBeVisible();
  await expect(page.getByRole("form", { name: "New map" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in to edit" })).toHaveCount(0);
});

test("a token-protected server asks to sign in, then offers the form", async ({ page }) => {
  const base = serverUrl("token");
  await page.goto(`${base}/`);
  await expect(page.getByRole("form", { name: "New map" })).toHaveCount(0);
  await page.getByRole("link", { name: "Sign in to edit" }).click();
  await expect(page).toHaveURL(`${base}/sign-in?next=/`);

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);

  await page.getByLabel("Edit token").fill("not-the-token");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText(
    "That token is not right.",
  );

  await page.getByLabel("Edit token").fill("e2e-secret-token");
  await page.getByLabel("Edit token").press("Enter");
  await expect(page).toHaveURL(`${base}/`);
  const form = page.getByRole("form", { name: "New map" });
  await expect(form).toBeVisible();
  await form.getByLabel("Title").fill("Signed in map");
  await form.getByRole("button", { name: "Create map" }).click();
  await expect(page).toHaveURL(/\/maps\/signed-in-map(-\d+)?$/);
  const slug = new URL(page.url()).pathname.split("/").pop() ?? "";
  await access(path.join(serverDir("token"), `${slug}.yaml`));
});

test("the sign-in page sends visitors back only to paths on this site", async ({ page }) => {
  const base = serverUrl("token");
  await page.goto(`${base}/sign-in?next=//evil.example/x`);
  await expect(page.getByRole("link", { name: "Back to the library" })).toHaveAttribute("href", "/");
  await page.getByLabel("Edit token").fill("e2e-secret-token");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${base}/`);
  await page.goto(`${base}/sign-in`);
  await expect(page.getByText("You are signed in")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("Edit token")).toBeVisible();
});
