/** Where a Redis server is and how to sign in to it, read from a `redis://` or `rediss://` URL. */
export interface RedisTarget {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls: boolean;
}

/**
 * Reads `REDIS_URL` (`redis://[user:password@]host[:port][/db]`; `rediss://` for TLS). Throws an
 * error naming the variable when it is not such a URL, so a typo stops the server at start.
 */
export function parseRedisUrl(value: string): RedisTarget {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`REDIS_URL is not a URL: "${value}" (expected redis://host:port)`);
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    throw new Error(`REDIS_URL must start with redis:// or rediss://, not ${url.protocol}//`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1") || "127.0.0.1";
  const port = url.port ? Number(url.port) : 6379;
  const dbText = url.pathname.replace(/^\//, "");
  if (dbText !== "" && !/^\d{1,2}$/.test(dbText)) {
    throw new Error(`REDIS_URL names database "${dbText}"; use a number such as /0`);
  }
  const target: RedisTarget = { host, port, tls: url.protocol === "rediss:" };
  if (url.username) target.username = decodeURIComponent(url.username);
  if (url.password) target.password = decodeURIComponent(url.password);
  if (dbText !== "") target.db = Number(dbText);
  return target;
}
