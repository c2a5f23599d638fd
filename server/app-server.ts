// The app's one HTTP server: Next serves the pages and the API, and WebSocket upgrades on
// LIVE_PATH go to the live collaboration server, on the same host and port.
// Started by server/main.mjs (npm start, npm run dev, the browser tests), or `tsx server/app-server.ts [--dev]`;
// HOST, PORT, ARGUMENTS_DIR and REDIS_URL come from the environment.
import { createServer, type IncomingMessage } from "node:http";
import path from "node:path";
import type { Duplex } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { LiveServer } from "./live-server";

/** Starts Next and the live server on one HTTP server; resolves once it listens. */
export async function startAppServer(): Promise<void> {
  const dev = process.argv.includes("--dev");
  const host = process.env.HOST || "127.0.0.1";
  const port = Number(process.env.PORT || 3000);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

  // Pages ask liveEnabled() whether to edit through the live server or save over HTTP.
  process.env.CLASHMAP_LIVE = "1";
  process.env.HOST = host;
  (process.env as Record<string, string>).NODE_ENV ??= dev ? "development" : "production";

  // The live server is loaded once Next answers, so the first page is not kept waiting for it
  // (a page asks for its WebSocket only once it is shown); early upgrades wait for it.
  let running: LiveServer | undefined;
  let liveStarted: (live: LiveServer) => void = () => undefined;
  const loadingLive = new Promise<LiveServer>((resolve) => {
    liveStarted = resolve;
  });

  const { default: next } = await import("next");
  const app = next({ dev, dir: root, hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => undefined);
    // Next listens for its own WebSockets (hot reload in development) on this server by itself,
    // from the first request on; only the live server's path upgrades besides.
    if (dev && request.url?.startsWith("/_next/")) return;
    void loadingLive.then((live) => {
      if (live.handles(request)) live.handleUpgrade(request, socket, head);
      else socket.destroy();
    });
  });
  server.on("error", (error) => {
    console.error(`Clashmap: cannot listen on ${host}:${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, host, async () => {
    try {
      const [{ LiveServer }, { LIVE_PATH }] = await Promise.all([
        import("./live-server"),
        import("../lib/live/doc"),
      ]);
      const live = new LiveServer().start();
      running = live;
      liveStarted(live);
      const shared = live.redis ? ", shared with the other servers on Redis" : "";
      console.log(
        `Live editing on ws://${host === "0.0.0.0" ? "localhost" : host}:${port}${LIVE_PATH}${shared}`,
      );
    } catch (error) {
      console.error(`Clashmap: the live server cannot start: ${(error as Error).message}`);
      process.exit(1);
    }
  });

  let stopping = false;
  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    server.close();
    // Edits not yet written go to their files before the process ends.
    await running?.destroy().catch((error: unknown) => console.error(error));
    await app.close?.().catch(() => undefined);
    process.exit(0);
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await startAppServer();
