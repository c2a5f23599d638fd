// Starts the production server on the local machine by default (HOST, PORT), so that an
// unprotected instance is never reachable from the network unless asked for. The app server
// (server/app-server.ts, through server/main.mjs) serves the pages and the live editing WebSockets on that one port.
import { spawn } from "node:child_process";

const host = process.env.HOST || "127.0.0.1";
const port = process.env.PORT || "3000";
console.log(`Clashmap: http://${host === "0.0.0.0" ? "localhost" : host}:${port}/`);
const child = spawn(process.execPath, ["server/main.mjs"], {
  stdio: "inherit",
  env: { ...process.env, HOST: host, PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
