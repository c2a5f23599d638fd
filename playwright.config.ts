import { defineConfig } from "@playwright/test";
import { SERVERS, serverUrl } from "./e2e/servers";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: serverUrl("main"),
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
  webServer: Object.values(SERVERS).map((server) => ({
    command: `node ${"script" in server ? server.script : "scripts/e2e-server.mjs"} ${server.name} ${server.port}`,
    url: `http://127.0.0.1:${server.port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { ...("env" in server ? server.env : {}) },
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  })),
});
