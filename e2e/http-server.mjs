// Starts a browser-test server without the live collaboration server: `next start` alone, the way
// a site may run Next by itself. Its pages save through the HTTP API (autosave, conflicts, leaving
// mid-save), so the tests of that path keep running. Like the other test servers it works on a
// private copy of the bundled maps and the e2e fixtures.
// Usage: node e2e/http-server.mjs <name> <port>
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const [name, port] = process.argv.slice(2);
const dir = path.resolve(".tmp", `e2e-${Number(process.env.E2E_PORT_BASE || 3100)}`, name);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
cpSync("arguments", dir, { recursive: true });
const fixtures = path.join("e2e", "fixtures", "maps");
if (existsSync(fixtures)) cpSync(fixtures, dir, { recursive: true });

const env = { ...process.env, ARGUMENTS_DIR: dir, HOST: "127.0.0.1" };
delete env.CLASHMAP_LIVE;
const child = spawn("./node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", port], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
