import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import jsQR from "jsqr";
import { parseArgumentSource } from "../lib/formats/argument-file";
import { LIVE_PATH, presentDocName } from "../lib/live/doc";
import { presentationSteps } from "../lib/present/steps";
import { connect } from "../server/live-test-kit";
import { FollowPage } from "./pages/follow-page";
import { PresentPage } from "./pages/present-page";
import { SERVERS, serverDir, serverUrl } from "./servers";

const SOURCE = path.resolve("arguments", "russia-iran.yaml");
const parsed = parseArgumentSource(readFileSync(SOURCE, "utf8"), "russia-iran.yaml", { slug: "russia-iran" });
if (!parsed.ok) throw new Error("russia-iran.yaml does not parse");
const map = parsed.value.map;
const steps = presentationSteps(map);
const TOTAL = steps.length;
const text = (i: number) => map.claims.find((c) => c.id === steps[i].claimId)!.text;
const SCREENSHOTS = path.resolve("test-results", "screenshots");
const TOKEN = "e2e-secret-token";

/** A copy of the bundled map under a slug of its own, so each test has its own presentation. */
function mapFor(name: string): string {
  const slug = `follow-${name}-${Date.now().toString(36)}`;
  const file = path.join(serverDir("main"), `${slug}.yaml`);
  copyFileSync(SOURCE, file);
  copies.push(file);
  return slug;
}

/** The copies made, removed after the file's tests so the library of later tests lists the bundled maps only. */
const copies: string[] = [];
test.afterAll(() => {
  for (const file of copies.splice(0)) rmSync(file, { force: true });
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Draws the page's QR code on a canvas and reads it back as a phone's camera would. */
async function scanQr(page: Page): Promise<string | undefined> {
  const side = 480;
  const pixels = await page.getByTestId("follow-qr").evaluate(async (svg, size) => {
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0, size, size);
    // As base64: a long array of numbers crosses into the test far more slowly.
    const data = context.getImageData(0, 0, size, size).data;
    let binary = "";
    for (let i = 0; i < data.length; i += 0x8000)
      binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return btoa(binary);
  }, side);
  return jsQR(new Uint8ClampedArray(Buffer.from(pixels, "base64")), side, side)?.data;
}

async function presenterAt(browser: Browser, slug: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const present = new PresentPage(await context.newPage());
  await present.open(slug, "", serverUrl("main"));
  return present;
}

async function followerOf(browser: Browser, slug: string, viewport = { width: 1280, height: 720 }) {
  const context = await browser.newContext({ viewport });
  const follow = new FollowPage(await context.newPage());
  await follow.open(`${serverUrl("main")}/maps/${slug}/follow`);
  return follow;
}

test.describe("following the presenter", () => {
  test("the presenter shows a QR code of the follow link; a follower keeps up step by step", async ({
    browser,
  }) => {
    const slug = mapFor("qr");
    const present = await presenterAt(browser, slug);
    const page = present.page;
    await page.keyboard.press("q");
    const overlay = page.getByTestId("follow-overlay");
    await expect(overlay).toBeVisible();
    const qr = overlay.getByTestId("follow-qr");
    await expect(qr).toBeVisible();
    expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe("svg");
    expect(await qr.locator("rect").count()).toBeGreaterThan(100);
    const url = `${serverUrl("main")}/maps/${slug}/follow`;
    await expect(overlay.getByTestId("follow-link")).toHaveText(url.replace("http://", ""));
    expect(await scanQr(page)).toBe(url);
    // The test server answers at 127.0.0.1, which phones cannot reach: the overlay says so.
    await expect(overlay.getByTestId("follow-local-only")).toContainText("this computer only");
    // Large enough to scan from the back of a room: over half the screen's height.
    expect((await qr.boundingBox())!.height).toBeGreaterThan(360);
    const name = overlay.getByLabel("Your name, as followers see it");
    await name.fill("Ms Lee");
    // Letters typed there are the name, not the presentation's keys; Enter ends typing.
    await expect(overlay).toBeVisible();
    await name.press("Enter");
    await expect(overlay.getByRole("status")).toHaveText("No one is following yet.");
    expect(await seriousViolations(page)).toEqual([]);

    const follow = await followerOf(browser, slug);
    await expect(follow.status).toHaveText(`Following Ms Lee · step 1 of ${TOTAL}`);
    await expect(follow.claimText).toHaveText(text(0));
    await expect(overlay.getByRole("status")).toHaveText("1 person is following.");
    await page.screenshot({ path: path.join(SCREENSHOTS, "follow-qr-overlay.png") });
    await page.screenshot({ path: "/tmp/follow-qr-overlay.png" });

    // Q hides it again; the presentation's keys work as before.
    await page.keyboard.press("q");
    await expect(overlay).toHaveCount(0);
    for (let i = 1; i <= 3; i++) {
      await page.keyboard.press("ArrowRight");
      await expect(present.counter).toHaveText(`${i + 1} / ${TOTAL}`);
      await expect(follow.claimText).toHaveText(text(i), { timeout: 1000 });
      await expect(follow.status).toHaveText(`Following Ms Lee · step ${i + 1} of ${TOTAL}`, {
        timeout: 1000,
      });
      await expect(follow.current).toHaveAttribute("data-claim-id", steps[i].claimId);
    }
    // No reading ahead: the follower sees only what the presenter has shown.
    await expect(follow.claims).toHaveCount(4);
    expect(await seriousViolations(follow.page)).toEqual([]);

    // The button opens it too, and Escape closes it before it leaves the presentation.
    await page.getByRole("button", { name: "Follow on phones: QR code" }).click();
    await expect(overlay).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(overlay).toHaveCount(0);
    await expect(page).toHaveURL(/\/present/);
  });

  test("a follower cannot move the presenter; they page back alone and return", async ({ browser }) => {
    const slug = mapFor("alone");
    const present = await presenterAt(browser, slug);
    for (let i = 0; i < 4; i++) await present.page.keyboard.press("ArrowRight");
    await expect(present.counter).toHaveText(`5 / ${TOTAL}`);
    const follow = await followerOf(browser, slug);
    await expect(follow.claimText).toHaveText(text(4));

    // Keys and buttons on the follower's page move only the follower.
    await follow.page.keyboard.press("ArrowLeft");
    await follow.back.click();
    await expect(follow.status).toHaveText(
      `Reading on your own · step 3 of ${TOTAL} · the presenter is on 5`,
    );
    await expect(follow.claimText).toHaveText(text(2));
    for (const key of ["Home", "End", "PageDown", "b", "q", "Escape"]) await follow.page.keyboard.press(key);
    await expect(follow.page).toHaveURL(/\/follow$/);
    await present.page.waitForTimeout(300);
    await expect(present.counter).toHaveText(`5 / ${TOTAL}`);
    await expect(present.current).toHaveAttribute("data-claim-id", steps[4].claimId);

    // The presenter moves on; the reader stays where they are until they go back.
    await present.page.keyboard.press("ArrowRight");
    await expect(follow.status).toHaveText(
      `Reading on your own · step 4 of ${TOTAL} · the presenter is on 6`,
    );
    await expect(follow.backToPresenter).toBeVisible();
    await follow.backToPresenter.click();
    await expect(follow.status).toHaveText(`Following the presenter · step 6 of ${TOTAL}`);
    await expect(follow.claimText).toHaveText(text(5));
    // Never ahead of the presenter.
    await expect(follow.on).toBeDisabled();
    await follow.page.keyboard.press("ArrowRight");
    await expect(follow.counter).toHaveText(`6 / ${TOTAL}`);
    // Paging on up to the presenter follows again by itself.
    await follow.page.keyboard.press("ArrowLeft");
    await expect(follow.backToPresenter).toBeVisible();
    await follow.on.click();
    await expect(follow.status).toHaveText(`Following the presenter · step 6 of ${TOTAL}`);
    await present.page.keyboard.press("ArrowRight");
    await expect(follow.claimText).toHaveText(text(6), { timeout: 1000 });
  });

  test("a follower on a phone reads the current claim and its cards", async ({ browser }) => {
    const slug = mapFor("phone");
    const present = await presenterAt(browser, slug);
    const at = steps.findIndex((s) => s.claimId === "iran-needs-russia-for-bushehr");
    await present.page.keyboard.type(String(at + 1));
    await present.page.keyboard.press("Enter");
    await expect(present.counter).toHaveText(`${at + 1} / ${TOTAL}`);

    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const follow = new FollowPage(await context.newPage());
    await follow.open(`${serverUrl("main")}/maps/${slug}/follow`);
    await expect(follow.claimText).toHaveText(text(at));
    await expect(follow.current).toBeVisible();
    const page = follow.page;
    // Readable: large claim text, nothing wider than the phone, the map and the claim both on screen.
    const size = await follow.claimText.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const claimBox = (await follow.claimText.boundingBox())!;
    expect(claimBox.x).toBeGreaterThanOrEqual(0);
    expect(claimBox.x + claimBox.width).toBeLessThanOrEqual(390);
    expect(claimBox.y + claimBox.height).toBeLessThanOrEqual(844);
    const node = (await follow.current.boundingBox())!;
    expect(node.x).toBeGreaterThanOrEqual(0);
    expect(node.x + node.width).toBeLessThanOrEqual(390);
    const card = page.getByTestId("present-card").first();
    await expect(card).toContainText("irandebate.org");
    await expect(card.locator("mark").first()).toBeVisible();
    // Tapping the buttons pages back and returns.
    await follow.back.tap();
    await expect(follow.claimText).toHaveText(text(at - 1));
    await follow.backToPresenter.tap();
    await expect(follow.claimText).toHaveText(text(at));
    await page.screenshot({ path: path.join(SCREENSHOTS, "follow-phone.png") });
    await page.screenshot({ path: "/tmp/follow-phone.png" });
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("a follower sees the same part of the map when the presenter presents from a claim", async ({
    browser,
  }) => {
    const slug = mapFor("from");
    const from = steps[1].claimId;
    const part = presentationSteps(map, { from });
    const claimText = (id: string) => map.claims.find((c) => c.id === id)!.text;
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const present = new PresentPage(await context.newPage());
    await present.open(slug, `?from=${from}&step=2`, serverUrl("main"));
    await expect(present.counter).toHaveText(`2 / ${part.length}`);
    const follow = await followerOf(browser, slug);
    await expect(follow.status).toHaveText(`Following the presenter · step 2 of ${part.length}`);
    await expect(follow.claimText).toHaveText(claimText(part[1].claimId));
    await expect(follow.claims).toHaveCount(2);
  });

  test("says it is waiting before the presenter starts, then follows", async ({ browser }) => {
    const slug = mapFor("waiting");
    const follow = await followerOf(browser, slug, { width: 390, height: 844 });
    await expect(follow.status).toHaveText("Waiting for the presenter to start");
    await expect(follow.claims).toHaveCount(0);
    await expect(follow.page.getByText(map.title)).toBeVisible();
    await follow.page.screenshot({ path: "/tmp/follow-waiting.png" });
    expect(await seriousViolations(follow.page)).toEqual([]);
    const present = await presenterAt(browser, slug);
    await expect(follow.status).toHaveText(`Following the presenter · step 1 of ${TOTAL}`);
    await expect(follow.claimText).toHaveText(text(0));
    // The presenter closes the presentation: the follower keeps the last step and is told.
    await present.page.keyboard.press("ArrowRight");
    await expect(follow.claimText).toHaveText(text(1));
    await present.page.context().close();
    await expect(follow.status).toHaveText(`The presenter has stopped presenting · step 2 of ${TOTAL}`);
    await expect(follow.claimText).toHaveText(text(1));
  });

  test("shows when the follower is offline, and catches up on reconnecting", async ({ browser }) => {
    const slug = mapFor("offline");
    const present = await presenterAt(browser, slug);
    const follow = await followerOf(browser, slug);
    await expect(follow.claimText).toHaveText(text(0));
    await expect(follow.offline).toHaveCount(0);
    await follow.page.context().setOffline(true);
    await expect(follow.offline).toHaveText(/Offline: reconnecting/);
    await present.page.keyboard.press("ArrowRight");
    await present.page.keyboard.press("ArrowRight");
    await expect(present.counter).toHaveText(`3 / ${TOTAL}`);
    await follow.page.context().setOffline(false);
    await expect(follow.claimText).toHaveText(text(2), { timeout: 15_000 });
    await expect(follow.offline).toHaveCount(0);
  });
});

test.describe("following on a server with an edit token", () => {
  test("only a signed-in presenter moves the followers; a student's presentation or a forged write does not", async ({
    browser,
  }) => {
    const slug = `follow-token-${Date.now().toString(36)}`;
    copyFileSync(SOURCE, path.join(serverDir("token"), `${slug}.yaml`));
    const base = serverUrl("token");

    const teacher = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    expect((await teacher.request.post(`${base}/api/session`, { data: { token: TOKEN } })).status()).toBe(
      200,
    );
    const present = new PresentPage(await teacher.newPage());
    await present.open(slug, "", base);
    await present.page.keyboard.press("ArrowRight");
    await present.page.keyboard.press("ArrowRight");
    await expect(present.counter).toHaveText(`3 / ${TOTAL}`);

    const student = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const follow = new FollowPage(await student.newPage());
    await follow.open(`${base}/maps/${slug}/follow`);
    await expect(follow.claimText).toHaveText(text(2));

    // The student opens the presentation too: it works for them, but moves no one.
    const own = new PresentPage(await student.newPage());
    await own.open(slug, "?step=9", base);
    await own.page.keyboard.press("q");
    await expect(own.page.getByTestId("follow-overlay").getByRole("status")).toHaveText(
      "You cannot edit on this server, so your steps do not reach followers.",
    );
    await own.page.keyboard.press("q");
    await own.page.keyboard.press("End");
    await expect(own.counter).toHaveText(`${TOTAL} / ${TOTAL}`);

    // A client writing the present document by hand, without the token, is read-only too.
    const forger = connect(`ws://127.0.0.1:${SERVERS.token.port}${LIVE_PATH}`, presentDocName(slug));
    await forger.synced;
    expect(forger.scope()).toBe("readonly");
    forger.doc.getMap("state").set("step", 20);
    forger.doc.getMap("state").set("claimId", steps[20].claimId);
    await follow.page.waitForTimeout(500);
    forger.close();
    await expect(follow.claimText).toHaveText(text(2));
    await expect(follow.status).toHaveText(`Following the presenter · step 3 of ${TOTAL}`);

    // The teacher still leads.
    await present.page.keyboard.press("ArrowRight");
    await expect(follow.claimText).toHaveText(text(3), { timeout: 1000 });
    await teacher.close();
    await student.close();
  });
});

test.describe("without the live server", () => {
  // `next start` alone, as a site may run Next by itself.
  const port = Number(process.env.E2E_PORT_BASE || 3100) + 60;
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ARGUMENTS_DIR: serverDir("main"), HOST: "127.0.0.1" };
    delete env.CLASHMAP_LIVE;
    server = spawn("./node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(port)], {
      env,
      stdio: "ignore",
    });
    await expect
      .poll(
        () =>
          fetch(`${base}/`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 30_000 },
      )
      .toBe(200);
  });

  test.afterAll(() => {
    server?.kill();
  });

  test("the QR control and the follow page say that following needs the live server", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const present = new PresentPage(page);
    await present.open("russia-iran", "", base);
    await page.keyboard.press("q");
    const overlay = page.getByTestId("follow-overlay");
    await expect(overlay.getByTestId("follow-needs-live")).toContainText("Following needs the live server");
    await expect(overlay.getByTestId("follow-qr")).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("q");
    await expect(overlay).toHaveCount(0);
    await page.keyboard.press("ArrowRight");
    await expect(present.counter).toHaveText(`2 / ${TOTAL}`);

    await page.goto(`${base}/maps/russia-iran/follow`);
    await expect(page.getByRole("heading", { name: "Following needs the live server" })).toBeVisible();
    await expect(page.getByTestId("follow-needs-live")).toContainText("npm start");
    await page.screenshot({ path: "/tmp/follow-needs-live.png" });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
