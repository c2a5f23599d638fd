import { type RequestFacts, readCookie, SESSION_COOKIE } from "./access";

export type BodyResult = { ok: true; text: string } | { ok: false; status: 413 | 400; message: string };

/**
 * Reads a request body as UTF-8 text, refusing it once it passes `maxBytes`: first by its
 * `Content-Length`, then by the bytes actually read, so a lying or missing header changes nothing.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<BodyResult> {
  const tooLarge = { ok: false, status: 413, message: `the request body is over ${maxBytes} bytes` } as const;
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) return tooLarge;
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return tooLarge;
    }
    chunks.push(value);
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, status: 400, message: "the request body is not UTF-8 text" };
  }
}

/** Parses JSON text, telling a syntax error apart from a value. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      ok: false,
      message: `the body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** The revisions an `If-Match` header names (quoted, weak or bare, one or a list); undefined for none or `*`. */
export function ifMatchRevision(header: string | null | undefined): string[] | undefined {
  const values = (header ?? "")
    .split(",")
    .map((part) =>
      part
        .trim()
        .replace(/^W\//, "")
        .replace(/^"(.*)"$/, "$1")
        .trim(),
    )
    .filter((value) => value && value !== "*");
  return values.length > 0 ? values : undefined;
}

/** The `ETag` header value for a revision. */
export function etag(revision: string): string {
  return `"${revision}"`;
}

/** The request headers the access policy decides on. */
export function requestFacts(request: Request): RequestFacts {
  const h = request.headers;
  return {
    host: h.get("host"),
    origin: h.get("origin"),
    secFetchSite: h.get("sec-fetch-site"),
    referer: h.get("referer"),
    authorization: h.get("authorization"),
    session: readCookie(h.get("cookie"), SESSION_COOKIE),
  };
}

/** Whether the request reached the server over HTTPS (directly or through a proxy that says so). */
export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded ? forwarded === "https" : new URL(request.url).protocol === "https:";
}
