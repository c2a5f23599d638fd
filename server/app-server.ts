// The app's one HTTP server: Next serves the pages and the API, and WebSocket upgrades on
// LIVE_PATH go to the live collaboration server, on the same host and port.
// Usage: tsx server/app-server.ts [--dev]   (HOST, PORT, ARGUMENTS_DIR, REDIS_URL from the environment)
import { createServer, type IncomingMessage } from "node:http";
import path from "node:path";
import type { Duplex } from "node:stream";
import { fileURLToPath } from "node:url";
import { LIVE_PATH } from "../lib/live/doc";
import { LiveServer } from "./live-server";

const dev = process.argv.includes("--dev");
const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Pages ask liveEnabled() whether to edit through the live server or save over HTTP.
process.env.CLASHMAP_LIVE = "1";
process.env.HOST = host;
(process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";

const { default: next } = await import("next");
const app = next({ dev, dir: root, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

let live: LiveServer;
try {
  live = new LiveServer().start();
} catch (error) {
  console.error(`Clashmap: the live server cannot start: ${(error as Error).message}`);
  process.exit(1);
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
  socket.on("error", () => undefined);
  if (live.handles(request)) return live.handleUpgrade(request, socket, head);
  // Next listens for its own WebSockets (hot reload in development) on this server by itself,
  // from the first request on; nothing else upgrades.
  if (dev && request.url?.startsWith("/_next/")) return;
  socket.destroy();
});
server.on("error", (error) => {
  console.error(`Clashmap: cannot listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  const shared = live.redis ? ", shared with the other servers on Redis" : "";
  console.log(`Live editing on ws://${host === "0.0.0.0" ? "localhost" : host}:${port}${LIVE_PATH}${shared}`);
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.close();
  // Edits not yet written go to their files before the process ends.
  await live.destroy().catch((error: unknown) => console.error(error));
  await app.close?.().catch(() => undefined);
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop());
