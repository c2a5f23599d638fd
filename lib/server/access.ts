import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** The cookie the sign-in form sets: an HMAC of the edit token, never the token itself. */
export const SESSION_COOKIE = "clashmap_session";

/** How long a sign-in lasts, in seconds. */
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

/** Who may write, as the server's settings decide it. */
export interface AccessConfig {
  /** No writes at all: `CLASHMAP_READONLY`, or a network-facing server without a token. */
  readOnly: boolean;
  /** Why the server is read-only, in words for the person reading the page or the API answer. */
  readOnlyReason?: string;
  /** The edit token writes need (`CLASHMAP_EDIT_TOKEN`), if any. */
  token?: string;
  /** Whether the server listens on the local machine only (`HOST` is a loopback address or unset). */
  loopback: boolean;
}

/** What a page needs to know to show or hide editing controls. */
export interface AccessInfo {
  readOnly: boolean;
  needsToken: boolean;
  signedIn: boolean;
}

/** The parts of a write request the policy looks at. */
export interface RequestFacts {
  host?: string | null;
  origin?: string | null;
  secFetchSite?: string | null;
  referer?: string | null;
  authorization?: string | null;
  /** The value of the session cookie, if the request carries one. */
  session?: string | null;
}

export type Decision = { ok: true } | { ok: false; status: 403; message: string };

const TRUE_VALUES = new Set(["1", "true", "yes", "on"]);

/**
 * Reads the write policy from the environment. `HOST` is what scripts/start.mjs binds to; an unset
 * `HOST` is the development server on this machine. A server open to a network without a token
 * is read-only, so it never accepts anonymous writes.
 */
export function accessConfig(env: Record<string, string | undefined> = process.env): AccessConfig {
  const token = env.CLASHMAP_EDIT_TOKEN?.trim() || undefined;
  const host = env.HOST?.trim();
  // Without HOST nothing says where the server listens (`next start` alone takes every address),
  // so it is treated as open to the network; `npm start` and `npm run dev` set HOST.
  const loopback = !!host && isLoopbackHost(host);
  if (TRUE_VALUES.has((env.CLASHMAP_READONLY ?? "").trim().toLowerCase())) {
    return { readOnly: true, readOnlyReason: "This server is read-only.", token, loopback };
  }
  if (!loopback && !token) {
    return {
      readOnly: true,
      readOnlyReason: host
        ? "This server is open to the network without an edit token, so it is read-only."
        : "This server does not say which address it listens on (HOST) and has no edit token, so it is read-only.",
      loopback,
    };
  }
  return { readOnly: false, token, loopback };
}

/** True for names and addresses of the local machine: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (name === "localhost" || name.endsWith(".localhost") || name === "::1") return true;
  const v4 = name.replace(/^::ffff:/, "");
  return /^127(?:\.\d{1,3}){3}$/.test(v4);
}

/** The host name of a `Host` header, without its port. */
export function hostName(hostHeader: string): string {
  const trimmed = hostHeader.trim();
  if (trimmed.startsWith("[")) return trimmed.slice(0, trimmed.indexOf("]") + 1);
  return trimmed.replace(/:\d+$/, "");
}

/**
 * The session cookie's value for a token: when it was issued and an HMAC of that time keyed by the
 * token, so the cookie never reveals the token and stops working after SESSION_MAX_AGE.
 */
export function sessionValue(token: string, issuedAt = Date.now()): string {
  const seconds = Math.floor(issuedAt / 1000);
  return `${seconds}.${sessionMac(token, seconds)}`;
}

function sessionMac(token: string, seconds: number): string {
  return createHmac("sha256", token).update(`clashmap edit session ${seconds}`).digest("hex");
}

/** Whether a session cookie was issued with this token and is still within its lifetime. */
export function validSession(value: string, token: string, now = Date.now()): boolean {
  const match = /^(\d{1,12})\.([0-9a-f]{64})$/.exec(value);
  if (!match) return false;
  const seconds = Number(match[1]);
  const age = now / 1000 - seconds;
  if (age > SESSION_MAX_AGE || age < -60) return false;
  return secretsEqual(match[2], sessionMac(token, seconds));
}

/** Compares two secrets in constant time (hashing first, so their lengths leak nothing either). */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1];
}

/** Whether the request carries the edit token: as a Bearer header or as a valid session cookie. */
export function hasEditToken(config: AccessConfig, facts: RequestFacts, now = Date.now()): boolean {
  if (!config.token) return false;
  const bearer = bearerToken(facts.authorization);
  if (bearer !== undefined && secretsEqual(bearer, config.token)) return true;
  return !!facts.session && validSession(facts.session, config.token, now);
}

/**
 * Whether a write comes from a page of this server. Browsers send `Origin` on every write; without
 * it, `Sec-Fetch-Site` or `Referer` decide; a request with none of them is a script, not a page.
 */
export function isSameOrigin(facts: RequestFacts): boolean {
  const host = facts.host?.trim().toLowerCase();
  if (facts.origin) {
    return !!host && facts.origin !== "null" && urlHost(facts.origin) === host;
  }
  if (facts.secFetchSite) return facts.secFetchSite === "same-origin" || facts.secFetchSite === "none";
  if (facts.referer) return !!host && urlHost(facts.referer) === host;
  return true;
}

function urlHost(value: string): string | undefined {
  try {
    return new URL(value).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Decides whether a write may go ahead: not on a read-only server, only from this server's own
 * pages (or scripts), only under a local host name when the server is local (against DNS
 * rebinding), and with the edit token when one is set.
 */
export function checkWrite(config: AccessConfig, facts: RequestFacts): Decision {
  if (config.readOnly) return deny(config.readOnlyReason ?? "This server is read-only.");
  if (!isSameOrigin(facts)) return deny("Writes are only accepted from this server's own pages.");
  if (config.loopback && !(facts.host && isLoopbackHost(hostName(facts.host)))) {
    return deny("This server only accepts writes addressed to the local machine.");
  }
  if (config.token && !hasEditToken(config, facts)) {
    return deny("Sign in to edit, or send the edit token as Authorization: Bearer <token>.");
  }
  return { ok: true };
}

/** What pages show: whether editing is possible here, and whether this visitor may do it. */
export function accessInfo(config: AccessConfig, session?: string | null): AccessInfo {
  const needsToken = !config.readOnly && !!config.token;
  return {
    readOnly: config.readOnly,
    needsToken,
    signedIn: needsToken && hasEditToken(config, { session }),
  };
}

/** True when a page may offer editing controls to this visitor. */
export function editingAllowed(info: AccessInfo): boolean {
  return !info.readOnly && (!info.needsToken || info.signedIn);
}

/** The `Set-Cookie` value that signs a browser in (or, with no value, signs it out). */
export function sessionCookie(value: string | undefined, secure: boolean): string {
  const parts = [
    `${SESSION_COOKIE}=${value ?? ""}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${value ? SESSION_MAX_AGE : 0}`,
  ];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

/** The value of one cookie in a `Cookie` header. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** A path on this site to return to after signing in; anything else (other sites, `//x`) gives `/`. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2000) return "/";
  if (!next.startsWith("/") || next.startsWith("//")) return "/";
  // Browsers read a backslash as a slash, so "/\evil.example" would leave the site too.
  if (next.includes("\\") || [...next].some((ch) => ch < " " || ch === "\u007f")) return "/";
  return next;
}

function deny(message: string): Decision {
  return { ok: false, status: 403, message };
}
