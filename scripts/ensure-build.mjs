// Builds the app before `npm start` when there is no production build yet (a fresh clone), or
// when the sources changed since the last one (after a pull), so `npm start` never serves stale code.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const marker = path.join(distDir, "BUILD_ID");
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "package.json",
  "next.config.mjs",
  "postcss.config.mjs",
];

function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const info = statSync(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name)));
  return newest;
}

const builtAt = existsSync(marker) ? statSync(marker).mtimeMs : 0;
const changedAt = Math.max(...SOURCES.map(newestChange));
if (builtAt === 0 || changedAt > builtAt) {
  console.log(builtAt === 0 ? "No production build yet: building once…" : "Sources changed: rebuilding…");
  const result = spawnSync("./node_modules/.bin/next", ["build"], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}
