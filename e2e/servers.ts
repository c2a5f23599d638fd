import path from "node:path";

/** The servers the browser tests run against, each on its own copy of the maps (see playwright.config.ts). */
const BASE_PORT = Number(process.env.E2E_PORT_BASE || 3100);

export const SERVERS = {
  main: { port: BASE_PORT, name: "main" },
  readonly: { port: BASE_PORT + 1, name: "readonly", env: { CLASHMAP_READONLY: "1" } },
  token: { port: BASE_PORT + 2, name: "token", env: { CLASHMAP_EDIT_TOKEN: "e2e-secret-token" } },
  /** Next alone, without the live server: pages save over HTTP (see e2e/http-server.mjs). */
  http: { port: BASE_PORT + 3, name: "http", script: "e2e/http-server.mjs" },
} as const;

export type ServerName = keyof typeof SERVERS;

/** Base URL of a test server. */
export function serverUrl(name: ServerName): string {
  return `http://127.0.0.1:${SERVERS[name].port}`;
}

/** The arguments folder a test server reads and writes. */
export function serverDir(name: ServerName): string {
  return path.resolve(".tmp", `e2e-${BASE_PORT}`, SERVERS[name].name);
}
