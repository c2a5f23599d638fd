// Helpers for the live server's integration tests and its load benchmark: a private copy of the
// maps, a live server on a loopback port, a Redis of its own, and provider clients in Node.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { LIVE_PATH } from "../lib/live/doc";
import { readFileProblem } from "../lib/live/file-problem";
import type { ArgumentMap } from "../lib/model/schema";
import { LiveServer, type LiveServerOptions } from "./live-server";

/** A copy of the bundled maps in a temporary folder; remove it with `rmSync(dir, {recursive: true})`. */
export function copyMaps(from = "arguments"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "clashmap-live-"));
  cpSync(from, dir, { recursive: true });
  return dir;
}

export interface RunningLive {
  live: LiveServer;
  port: number;
  url: string;
  close: () => Promise<void>;
}

/** A live server (the same one the app server runs) alone on a loopback HTTP server. */
export async function startLive(port: number, options: LiveServerOptions): Promise<RunningLive> {
  const quiet = !process.env.LIVE_TEST_LOG;
  const live = new LiveServer({
    ...(quiet
      ? { log: () => undefined }
      : { log: (m: string) => console.log(`[${options.identifier ?? port}] ${Date.now() % 100000} ${m}`) }),
    ...options,
  }).start();
  const http: Server = createServer((_request, response) => {
    response.writeHead(404);
    response.end();
  });
  http.on("upgrade", (request, socket, head) => {
    if (live.handles(request)) live.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    live,
    port,
    url: `ws://127.0.0.1:${port}${LIVE_PATH}`,
    close: async () => {
      await live.destroy();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

export interface Client {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  /** Resolves once the first sync finished; rejects when the server refused the document. */
  synced: Promise<void>;
  /** "read-write" or "readonly" once authenticated. */
  scope: () => string | undefined;
  /** The last word from the server about the map's file: its problem, null once fixed, undefined before any. */
  fileProblem: () => string | null | undefined;
  close: () => void;
}

/** A provider client in Node, as a page would connect (ws stands in for the browser's WebSocket). */
export function connect(
  url: string,
  name: string,
  options: { token?: string; headers?: Record<string, string> } = {},
): Client {
  const doc = new Y.Doc();
  const headers = options.headers;
  // A WebSocket class that sends extra upgrade headers (Origin, Cookie), as a browser would.
  const Socket = headers
    ? class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers });
        }
      }
    : WebSocket;
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const synced = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  let fileProblem: string | null | undefined;
  const websocketProvider = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: Socket });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name,
    document: doc,
    token: options.token ?? "",
    onSynced: () => settle?.resolve(),
    onStateless: ({ payload }) => {
      const problem = readFileProblem(payload);
      if (problem !== undefined) fileProblem = problem;
    },
    onAuthenticationFailed: ({ reason }) => settle?.reject(new Error(`refused: ${reason}`)),
  });
  provider.attach();
  // A refusal is what some tests expect; they await `synced` themselves.
  synced.catch(() => undefined);
  return {
    provider,
    doc,
    synced,
    scope: () => provider.authorizedScope,
    fileProblem: () => fileProblem,
    close: () => {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = "condition",
): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A map with one more claim answering `to` (an attack), as "Add rebuttal" makes it. */
export function withRebuttal(map: ArgumentMap, id: string, to: string, text = `Rebuttal ${id}`): ArgumentMap {
  const target = map.claims.find((c) => c.id === to);
  const side = target?.side === "aff" ? "neg" : "aff";
  return {
    ...map,
    claims: [...map.claims, { id, text, side }],
    relations: [...map.relations, { id: `${id}-attacks-${to}`, from: id, to, type: "attack" }],
  };
}

/** Whether Debian's redis-server is installed (the test command installs it). */
export function redisAvailable(): boolean {
  return existsSync("/usr/bin/redis-server") || spawnSync("redis-server", ["--version"]).status === 0;
}

/** Starts a private, non-persistent Redis on `port`; returns a function that stops it. */
export async function startRedis(port: number): Promise<() => void> {
  execFileSync("redis-server", [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
    "--daemonize",
    "yes",
  ]);
  await waitFor(
    () =>
      spawnSync("redis-cli", ["-p", String(port), "ping"])
        .stdout?.toString()
        .trim() === "PONG",
    5000,
    "redis",
  );
  return () => {
    spawnSync("redis-cli", ["-p", String(port), "shutdown", "nosave"]);
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
