// Starts one production server for the browser tests on a private copy of the bundled maps and
// the e2e fixtures, so tests can edit and break files without touching `arguments/`.
// Usage: node scripts/e2e-server.mjs <name> <port>   (extra settings come from the environment)
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

const child = spawn(process.execPath, ["server/main.mjs"], {
  stdio: "inherit",
  env: { ...process.env, ARGUMENTS_DIR: dir, HOST: "127.0.0.1", PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
