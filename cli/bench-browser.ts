// The browser part of `npm run bench`: a production server on generated maps and
// Debian's Chromium through Playwright (`npm run bench` builds and installs them first when missing).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { type Browser, chromium, type Page } from "@playwright/test";
import { generateMap } from "../lib/bench/generate";
import type { BenchContext, BenchRow, Measure } from "./bench";

const PORT = Number(process.env.BENCH_PORT ?? 3960);
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const FRAME_SAMPLE_MS = 2500;
/** Opens of each map that the navigation rows take the median of. */
const OPENS = 3;

let server: ChildProcess | undefined;
let browser: Browser | undefined;
let dir: string | undefined;
let page: Page | undefined;
/** The scripts the last navigation loaded before its load event. */
let firstLoadScripts: string[] = [];

async function start(): Promise<void> {
  if (server) return;
  dir = mkdtempSync(path.join(tmpdir(), "clashmap-bench-browser-"));
  // Stopped on any exit of the benchmark, also a failed one.
  process.once("exit", () => server?.kill("SIGTERM"));
  server = spawn("./node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(PORT)], {
    stdio: "ignore",
    env: { ...process.env, ARGUMENTS_DIR: dir, HOST: "127.0.0.1", CLASHMAP_READONLY: "1" },
  });
  await waitUp(PORT);
  // A server that has answered once: the map page's code is loaded, as on any server in use.
  writeFileSync(path.join(dir, "warm-up.json"), `${JSON.stringify(generateMap({ claims: 30 }))}\n`);
  await fetch(`http://127.0.0.1:${PORT}/maps/warm-up`).then(
    (r) => r.text(),
    () => "",
  );
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
}

async function waitUp(port: number): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

let editServer: ChildProcess | undefined;
let editDir: string | undefined;

/**
 * A second server as `npm start` runs it (editing and live editing on), on its own copies of the
 * maps, for the edit row: the first one is read-only so the other rows measure the same pages.
 */
async function startEditServer(): Promise<void> {
  if (editServer) return;
  editDir = mkdtempSync(path.join(tmpdir(), "clashmap-bench-edit-"));
  process.once("exit", () => editServer?.kill("SIGTERM"));
  editServer = spawn(process.execPath, ["server/main.mjs"], {
    stdio: "ignore",
    env: {
      ...process.env,
      ARGUMENTS_DIR: editDir,
      HOST: "127.0.0.1",
      PORT: String(EDIT_PORT),
      CLASHMAP_LIVE: "1",
      CLASHMAP_READONLY: "",
    },
  });
  await waitUp(EDIT_PORT);
}

const EDIT_PORT = PORT + 1;

/**
 * Opens the map with every claim unfolded on the editing server, rewords a claim five times in
 * the inspector, and returns the median milliseconds from Enter to the new text painted (the
 * first edit after opening, the slow one, is listed in the note).
 */
const EDIT_ROUNDS = 5;

async function editUnfolded(size: number, json: string): Promise<Measure> {
  await startEditServer();
  writeFileSync(path.join(editDir!, `bench-${size}.json`), json);
  const p = await browser!.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await p.goto(`http://127.0.0.1:${EDIT_PORT}/maps/bench-${size}?collapsed=`, { timeout: 120_000 });
    await p.getByText(/Live ·/).waitFor({ timeout: 120_000 });
    await p.waitForTimeout(2000);
    await p.getByTestId("claim-node").nth(3).click();
    const times: number[] = [];
    for (let round = 0; round < EDIT_ROUNDS; round++) {
      await p.getByRole("button", { name: "Edit claim" }).click();
      const box = p.getByRole("textbox", { name: "Claim text" });
      // Short enough for one line: the node shows each line in an element of its own.
      const text = `Reworded, round ${round + 1}`;
      await box.fill(text);
      await p.waitForTimeout(500);
      // The time is taken in the page: from the key press to the frame after the text is in a node.
      await p.evaluate(`(() => {
        window.__shown = undefined;
        const text = ${JSON.stringify(text)};
        document.activeElement.addEventListener("keydown", (event) => {
          if (event.key !== "Enter") return;
          const start = performance.now();
          const observer = new MutationObserver(() => {
            const nodes = document.querySelectorAll('[data-testid="claim-node"]');
            if (![...nodes].some((n) => n.textContent.includes(text))) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => { window.__shown = performance.now() - start; }, 0));
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }, { once: true, capture: true });
      })()`);
      await box.press("Enter");
      await p.waitForFunction("window.__shown !== undefined", undefined, { timeout: 60_000 });
      times.push((await p.evaluate("window.__shown")) as number);
      await p.waitForTimeout(1000);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const shown = await p.getByTestId("claim-node").count();
    return {
      value: sorted[Math.floor(EDIT_ROUNDS / 2)],
      note: `median of ${EDIT_ROUNDS} (${times.map((t) => t.toFixed(0)).join(", ")} ms), ${shown} claim nodes in the DOM`,
    };
  } finally {
    await p.close();
  }
}

/** Stops the servers and the browser the browser rows started. */
export async function closeBrowserBench(): Promise<void> {
  await browser?.close();
  server?.kill("SIGTERM");
  editServer?.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (editDir) rmSync(editDir, { recursive: true, force: true });
  server = undefined;
  editServer = undefined;
  browser = undefined;
}

/** Frame intervals while `act` runs: median and 95th percentile, as frames per second. */
async function frames(p: Page, act: () => Promise<void>): Promise<Measure> {
  // A string, not a function: the TypeScript runner would wrap a function's inner names in a
  // helper that does not exist in the page.
  await p.evaluate(`(() => {
    window.__frames = [];
    let last = performance.now();
    const end = last + ${FRAME_SAMPLE_MS};
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await act();
  await p.waitForTimeout(FRAME_SAMPLE_MS / 4);
  const intervals = (await p.evaluate("window.__frames.slice(1)")) as number[];
  const sorted = [...intervals].sort((a, b) => a - b);
  const med = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  return { value: med > 0 ? 1000 / med : 0, note: `p95 ${p95.toFixed(0)} ms/frame` };
}

/** Drags the map around and zooms with the wheel for the sampling time. */
async function panAndZoom(p: Page): Promise<void> {
  const box = await p.getByTestId("map-canvas").boundingBox();
  if (!box) return;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const started = Date.now();
  let step = 0;
  while (Date.now() - started < FRAME_SAMPLE_MS) {
    await p.mouse.move(cx, cy);
    await p.mouse.down();
    await p.mouse.move(cx + 120 * Math.sin(step), cy + 80 * Math.cos(step), { steps: 8 });
    await p.mouse.up();
    await p.mouse.wheel(0, step % 2 === 0 ? -120 : 120);
    step++;
  }
}

/**
 * Opens the map of `size` in a new browser profile and returns the milliseconds from typing the
 * address to the first claim on screen; `keep` keeps the page open for the rows after it.
 */
async function openMap(size: number, keep: boolean): Promise<number> {
  await page?.close();
  page = await browser!.newPage({ viewport: { width: 1440, height: 900 } });
  // The scripts the page asks for until it has loaded (chunks loaded later on demand are not counted).
  const scripts = new Set<string>();
  let loaded = false;
  page.on("request", (request) => {
    if (!loaded && request.resourceType() === "script") scripts.add(request.url());
  });
  const started = Date.now();
  // A 20,000-claim file takes the server a while to read on a busy machine.
  await page.goto(`http://127.0.0.1:${PORT}/maps/bench-${size}`, { waitUntil: "load", timeout: 120_000 });
  loaded = true;
  await page.getByTestId("claim-node").first().waitFor({ state: "visible", timeout: 120_000 });
  const value = Date.now() - started;
  firstLoadScripts = [...scripts];
  if (!keep) {
    await page.close();
    page = undefined;
  }
  return value;
}

/** The rows of the browser part, appended to the benchmark's rows. */
export function browserRows(): BenchRow[] {
  return [
    {
      name: "navigation → interactive map",
      unit: "ms",
      target: { 1000: { max: 1200 }, 5000: { max: 2000 }, 20000: { max: 5000 } },
      measure: async ({ size, json }: BenchContext) => {
        await start();
        writeFileSync(path.join(dir!, `bench-${size}.json`), json);
        // A first visit each time: a new browser profile (nothing cached), typing the map's address.
        // The first open also reads the file; the later ones find it in the server's cache.
        const times: number[] = [];
        for (let i = 0; i < OPENS; i++) times.push(await openMap(size, i === OPENS - 1));
        const sorted = [...times].sort((a, b) => a - b);
        return {
          value: sorted[Math.floor(sorted.length / 2)],
          note: `median of ${OPENS} first visits (${times.join(", ")} ms; the first reads the file)`,
        };
      },
    },
    {
      name: "library → interactive map (click)",
      unit: "ms",
      target: { 1000: { max: 1200 }, 5000: { max: 2000 }, 20000: { max: 5000 } },
      measure: async ({ size }: BenchContext) => {
        if (!browser) return undefined;
        // How a person opens a map: from the library's list, in a browser that has been here before.
        const times: number[] = [];
        const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        try {
          for (let i = 0; i < OPENS; i++) {
            await p.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: "load" });
            const link = p.locator(`a[href="/maps/bench-${size}"]`);
            await link.waitFor();
            const started = Date.now();
            await link.click();
            await p.getByTestId("claim-node").first().waitFor({ state: "visible", timeout: 120_000 });
            times.push(Date.now() - started);
          }
        } finally {
          await p.close();
        }
        const sorted = [...times].sort((a, b) => a - b);
        return { value: sorted[Math.floor(sorted.length / 2)], note: `median of ${OPENS}` };
      },
    },
    {
      name: "map page first-load JavaScript",
      unit: "KB",
      target: { 1000: { max: 350 } },
      measure: async () => {
        if (firstLoadScripts.length === 0) return undefined;
        let gzipped = 0;
        for (const url of firstLoadScripts) {
          const body = Buffer.from(await (await fetch(url)).arrayBuffer());
          gzipped += gzipSync(body, { level: 9 }).length;
        }
        return { value: gzipped / 1024, note: `gzip, ${firstLoadScripts.length} scripts` };
      },
    },
    {
      name: "pan and zoom at reading zoom",
      unit: "fps",
      target: { 1000: { min: 55 }, 5000: { min: 55 }, 20000: { min: 45 } },
      measure: async () => (page ? frames(page, () => panAndZoom(page!)) : undefined),
    },
    {
      name: "pan with the whole map in view",
      unit: "fps",
      target: { 1000: { min: 40 }, 5000: { min: 30 }, 20000: { min: 20 } },
      measure: async () => {
        if (!page) return undefined;
        // Unfold everything, then fit: every claim is on screen, drawn by the overview canvas
        // (past 200 claims) or as simplified nodes.
        await page.getByRole("button", { name: "Expand all" }).click({ timeout: 120_000 });
        await page.getByRole("button", { name: "Fit View" }).click({ timeout: 120_000 });
        await page
          .locator('[data-testid="map-canvas"][data-overview]')
          .waitFor({ timeout: 60_000 })
          .catch(() => undefined);
        await page.waitForTimeout(1500);
        const overview = (await page.getByTestId("map-overview").count()) > 0;
        const domClaims = await page.getByTestId("claim-node").count();
        const measured = await frames(page, () => panAndZoom(page!));
        const drawn = overview ? "one canvas" : "DOM nodes";
        return { ...measured, note: `${measured.note}, ${drawn}, ${domClaims} claim nodes in the DOM` };
      },
    },
    {
      name: "edit → on screen, every claim unfolded (browser)",
      unit: "ms",
      target: { 1000: { max: 50 }, 5000: { max: 100 }, 20000: { max: 300 } },
      measure: async ({ size, json }) => {
        await start();
        return editUnfolded(size, json);
      },
    },
    {
      name: "JS heap",
      unit: "MB",
      measure: async () => {
        if (!page) return undefined;
        const client = await page.context().newCDPSession(page);
        await client.send("Performance.enable");
        const { metrics } = await client.send("Performance.getMetrics");
        const used = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
        return { value: used / 1024 / 1024 };
      },
    },
  ];
}
