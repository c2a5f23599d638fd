import { describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "./access";
import { etag, ifMatchRevision, isHttps, parseJson, readBodyLimited, requestFacts } from "./http";

function streamOf(chunks: string[], declaredLength?: number): Request {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  const headers = declaredLength === undefined ? undefined : { "content-length": String(declaredLength) };
  return new Request("http://127.0.0.1/x", { method: "PUT", body, headers, duplex: "half" } as RequestInit);
}

describe("readBodyLimited", () => {
  it("reads a body within the limit", async () => {
    expect(await readBodyLimited(streamOf(['{"a":', "1}"]), 10)).toEqual({ ok: true, text: '{"a":1}' });
  });

  it("refuses a body by its declared length before reading it", async () => {
    expect(await readBodyLimited(streamOf(["x"], 11), 10)).toMatchObject({ ok: false, status: 413 });
  });

  it("refuses a body whose bytes pass the limit whatever its header says", async () => {
    expect(await readBodyLimited(streamOf(["12345", "67890", "1"]), 10)).toMatchObject({
      ok: false,
      status: 413,
    });
    expect(await readBodyLimited(streamOf(["éééééé"]), 10)).toMatchObject({ ok: false, status: 413 });
  });

  it("refuses bytes that are not UTF-8", async () => {
    const request = new Request("http://127.0.0.1/x", { method: "PUT", body: new Uint8Array([0xff, 0xfe]) });
    expect(await readBodyLimited(request, 10)).toMatchObject({ ok: false, status: 400 });
  });
});

describe("parseJson", () => {
  it("tells JSON from not JSON", () => {
    expect(parseJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJson("{a:1}")).toMatchObject({ ok: false });
  });
});

describe("If-Match and ETag", () => {
  it("reads quoted, weak and bare revisions, but not * or nothing", () => {
    expect(ifMatchRevision('"abc"')).toEqual(["abc"]);
    expect(ifMatchRevision("abc")).toEqual(["abc"]);
    expect(ifMatchRevision('W/"abc"')).toEqual(["abc"]);
    expect(ifMatchRevision('"abc", "def"')).toEqual(["abc", "def"]);
    expect(ifMatchRevision("*")).toBeUndefined();
    expect(ifMatchRevision('""')).toBeUndefined();
    expect(ifMatchRevision(null)).toBeUndefined();
    expect(etag("abc")).toBe('"abc"');
  });
});

describe("requestFacts and isHttps", () => {
  it("collects the headers the access policy needs", () => {
    const request = new Request("http://127.0.0.1:3000/api/maps/x", {
      headers: {
        host: "127.0.0.1:3000",
        origin: "http://127.0.0.1:3000",
        authorization: "Bearer t",
        cookie: `${SESSION_COOKIE}=v`,
        "sec-fetch-site": "same-origin",
      },
    });
    expect(requestFacts(request)).toEqual({
      host: "127.0.0.1:3000",
      origin: "http://127.0.0.1:3000",
      secFetchSite: "same-origin",
      referer: null,
      authorization: "Bearer t",
      session: "v",
    });
  });

  it("knows HTTPS from the URL or a proxy's header", () => {
    expect(isHttps(new Request("https://a.example/"))).toBe(true);
    expect(isHttps(new Request("http://a.example/"))).toBe(false);
    expect(isHttps(new Request("http://a.example/", { headers: { "x-forwarded-proto": "https" } }))).toBe(
      true,
    );
  });
});
