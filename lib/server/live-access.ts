import {
  type AccessConfig,
  checkWrite,
  hostName,
  isLoopbackHost,
  isSameOrigin,
  type RequestFacts,
  readCookie,
  SESSION_COOKIE,
} from "./access";

/** The headers of a WebSocket upgrade the live server decides on. */
export interface UpgradeHeaders {
  host?: string | null;
  origin?: string | null;
  cookie?: string | null;
}

/** The facts of an upgrade request, in the shape the HTTP write policy reads. */
export function upgradeFacts(headers: UpgradeHeaders): RequestFacts {
  return {
    host: headers.host ?? null,
    origin: headers.origin ?? null,
    session: readCookie(headers.cookie, SESSION_COOKIE) ?? null,
  };
}

/**
 * Whether a live connection may be opened at all. Reading a map needs no rights, but a page of
 * another site must not read maps through a WebSocket any more than through fetch (browsers apply
 * no same-origin rule to WebSockets, so the server does), and a server on the local machine
 * answers only to local host names (against DNS rebinding), as it does for HTTP writes.
 */
export function refuseUpgrade(config: AccessConfig, facts: RequestFacts): string | undefined {
  if (facts.origin && !isSameOrigin(facts))
    return "Live connections are only accepted from this server's own pages.";
  if (config.loopback && !(facts.host && isLoopbackHost(hostName(facts.host)))) {
    return "This server only accepts connections addressed to the local machine.";
  }
  return undefined;
}

/**
 * Whether a live connection may change the map: exactly the HTTP write rule (read-only servers,
 * same-site pages, local host names, the edit token as a session cookie or as the token the
 * provider sends). Without it the connection is read-only: it receives every edit but changes nothing.
 */
export function liveWriteAllowed(config: AccessConfig, facts: RequestFacts, token?: string | null): boolean {
  const bearer = token?.trim() ? `Bearer ${token.trim()}` : null;
  return checkWrite(config, { ...facts, authorization: bearer }).ok;
}
