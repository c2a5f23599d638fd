/**
 * Whether this server runs the live collaboration server beside the pages (`CLASHMAP_LIVE`, set by
 * server/app-server.ts before Next starts). With `next start` alone it is off, and pages save
 * through the HTTP API instead.
 */
export function liveEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return ["1", "true", "yes", "on"].includes((env.CLASHMAP_LIVE ?? "").trim().toLowerCase());
}
