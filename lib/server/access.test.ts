import { describe, expect, it } from "vitest";
import {
  accessConfig,
  accessInfo,
  bearerToken,
  checkWrite,
  editingAllowed,
  hasEditToken,
  hostName,
  isLoopbackHost,
  isSameOrigin,
  type RequestFacts,
  readCookie,
  SESSION_COOKIE,
  SESSION_MAX_AGE,
  safeNextPath,
  secretsEqual,
  sessionCookie,
  sessionValue,
  validSession,
} from "./access";

const LOCAL: RequestFacts = { host: "127.0.0.1:3000" };
const FROM_PAGE: RequestFacts = { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" };

describe("accessConfig", () => {
  it("treats a server whose HOST is unset as open to the network: read-only without a token", () => {
    expect(accessConfig({})).toMatchObject({ readOnly: true, loopback: false });
    expect(accessConfig({}).readOnlyReason).toContain("HOST");
    expect(accessConfig({ CLASHMAP_EDIT_TOKEN: "t" })).toMatchObject({ readOnly: false, loopback: false });
  });

  it("allows writes on a server bound to the local machine", () => {
    expect(accessConfig({ HOST: "127.0.0.1" }).readOnly).toBe(false);
    expect(accessConfig({ HOST: "::1" }).readOnly).toBe(false);
    expect(accessConfig({ HOST: "localhost" }).readOnly).toBe(false);
  });

  it("is read-only with CLASHMAP_READONLY, even with a token", () => {
    for (const value of ["1", "true", "YES"]) {
      expect(accessConfig({ CLASHMAP_READONLY: value, CLASHMAP_EDIT_TOKEN: "t" }).readOnly).toBe(true);
    }
    expect(accessConfig({ CLASHMAP_READONLY: "0", HOST: "127.0.0.1" }).readOnly).toBe(false);
  });

  it("is read-only on a network address without a token, and writable with one", () => {
    const open = accessConfig({ HOST: "0.0.0.0" });
    expect(open.readOnly).toBe(true);
    expect(open.readOnlyReason).toMatch(/network/);
    expect(accessConfig({ HOST: "192.168.1.10", CLASHMAP_EDIT_TOKEN: " s3cret " })).toEqual({
      readOnly: false,
      token: "s3cret",
      loopback: false,
    });
  });
});

describe("isLoopbackHost and hostName", () => {
  it("recognizes the local machine only", () => {
    for (const host of [
      "localhost",
      "app.localhost",
      "127.0.0.1",
      "127.1.2.3",
      "::1",
      "[::1]",
      "::ffff:127.0.0.1",
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of [
      "0.0.0.0",
      "::",
      "192.168.0.2",
      "example.org",
      "127.0.0.1.evil.example",
      "localhost.evil",
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it("drops the port of a Host header", () => {
    expect(hostName("127.0.0.1:3100")).toBe("127.0.0.1");
    expect(hostName("[::1]:3100")).toBe("[::1]");
    expect(hostName("example.org")).toBe("example.org");
  });
});

describe("isSameOrigin", () => {
  it("compares Origin with Host", () => {
    expect(isSameOrigin(FROM_PAGE)).toBe(true);
    expect(isSameOrigin({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3001" })).toBe(false);
    expect(isSameOrigin({ host: "127.0.0.1:3000", origin: "https://evil.example" })).toBe(false);
    expect(isSameOrigin({ host: "127.0.0.1:3000", origin: "null" })).toBe(false);
    expect(isSameOrigin({ origin: "http://127.0.0.1:3000" })).toBe(false);
  });

  it("falls back to Sec-Fetch-Site, then Referer, and lets scripts without either through", () => {
    expect(isSameOrigin({ ...LOCAL, secFetchSite: "same-origin" })).toBe(true);
    expect(isSameOrigin({ ...LOCAL, secFetchSite: "cross-site" })).toBe(false);
    expect(isSameOrigin({ ...LOCAL, secFetchSite: "same-site" })).toBe(false);
    expect(isSameOrigin({ ...LOCAL, referer: "http://127.0.0.1:3000/maps/x" })).toBe(true);
    expect(isSameOrigin({ ...LOCAL, referer: "http://evil.example/" })).toBe(false);
    expect(isSameOrigin(LOCAL)).toBe(true);
  });
});

describe("checkWrite", () => {
  it("lets pages and scripts write to an open local server", () => {
    const config = accessConfig({ HOST: "127.0.0.1" });
    expect(checkWrite(config, FROM_PAGE)).toEqual({ ok: true });
    expect(checkWrite(config, LOCAL)).toEqual({ ok: true });
  });

  it("refuses every write on a read-only server", () => {
    const decision = checkWrite(accessConfig({ CLASHMAP_READONLY: "1" }), FROM_PAGE);
    expect(decision).toEqual({ ok: false, status: 403, message: "This server is read-only." });
    expect(checkWrite(accessConfig({ HOST: "0.0.0.0" }), { host: "10.0.0.5:3000" }).ok).toBe(false);
  });

  it("refuses writes from other origins", () => {
    const decision = checkWrite(accessConfig({}), { host: "127.0.0.1:3000", origin: "http://evil.example" });
    expect(decision.ok).toBe(false);
  });

  it("refuses writes addressed to another host name on a local server (DNS rebinding)", () => {
    const config = accessConfig({});
    const rebound = { host: "evil.example:3000", origin: "http://evil.example:3000" };
    expect(checkWrite(config, rebound).ok).toBe(false);
    const network = accessConfig({ HOST: "0.0.0.0", CLASHMAP_EDIT_TOKEN: "t" });
    expect(checkWrite(network, { host: "school.example:3000", authorization: "Bearer t" }).ok).toBe(true);
  });

  it("needs the token as a Bearer header or a valid session cookie when one is set", () => {
    const config = accessConfig({ CLASHMAP_EDIT_TOKEN: "s3cret" });
    expect(checkWrite(config, FROM_PAGE)).toMatchObject({ ok: false, status: 403 });
    expect(checkWrite(config, { ...LOCAL, authorization: "Bearer s3cret" })).toEqual({ ok: true });
    expect(checkWrite(config, { ...LOCAL, authorization: "bearer s3cret" })).toEqual({ ok: true });
    expect(checkWrite(config, { ...LOCAL, authorization: "Bearer wrong" }).ok).toBe(false);
    expect(checkWrite(config, { ...LOCAL, authorization: "Basic s3cret" }).ok).toBe(false);
    expect(checkWrite(config, { ...FROM_PAGE, session: sessionValue("s3cret") })).toEqual({ ok: true });
    expect(checkWrite(config, { ...FROM_PAGE, session: "s3cret" }).ok).toBe(false);
    expect(checkWrite(config, { ...FROM_PAGE, session: sessionValue("other") }).ok).toBe(false);
  });

  it("checks the origin even when the token is right", () => {
    const config = accessConfig({ CLASHMAP_EDIT_TOKEN: "s3cret" });
    const crossSite = {
      host: "127.0.0.1:3000",
      origin: "http://evil.example",
      session: sessionValue("s3cret"),
    };
    expect(checkWrite(config, crossSite).ok).toBe(false);
  });
});

describe("accessInfo and editingAllowed", () => {
  it("tells pages whether to show editing controls", () => {
    const open = accessInfo(accessConfig({ HOST: "127.0.0.1" }));
    expect(open).toEqual({ readOnly: false, needsToken: false, signedIn: false });
    expect(editingAllowed(open)).toBe(true);

    const readOnly = accessInfo(
      accessConfig({ CLASHMAP_READONLY: "1", CLASHMAP_EDIT_TOKEN: "t" }),
      sessionValue("t"),
    );
    expect(readOnly).toEqual({ readOnly: true, needsToken: false, signedIn: false });
    expect(editingAllowed(readOnly)).toBe(false);

    const config = accessConfig({ CLASHMAP_EDIT_TOKEN: "t" });
    expect(editingAllowed(accessInfo(config))).toBe(false);
    expect(accessInfo(config, "garbage").signedIn).toBe(false);
    const signedIn = accessInfo(config, sessionValue("t"));
    expect(signedIn).toEqual({ readOnly: false, needsToken: true, signedIn: true });
    expect(editingAllowed(signedIn)).toBe(true);
  });
});

describe("secrets and cookies", () => {
  it("accepts a sign-in only for its lifetime and only with the token it was issued for", () => {
    const issued = Date.UTC(2026, 0, 1);
    const value = sessionValue("s3cret", issued);
    expect(validSession(value, "s3cret", issued + 1000)).toBe(true);
    expect(validSession(value, "s3cret", issued + (SESSION_MAX_AGE - 10) * 1000)).toBe(true);
    expect(validSession(value, "s3cret", issued + (SESSION_MAX_AGE + 10) * 1000)).toBe(false);
    expect(validSession(value, "other", issued + 1000)).toBe(false);
    expect(
      validSession(value.replace(/^\d+/, String(issued / 1000 + 5000)), "s3cret", issued + 6_000_000),
    ).toBe(false);
    expect(validSession("garbage", "s3cret")).toBe(false);
    const config = accessConfig({ HOST: "127.0.0.1", CLASHMAP_EDIT_TOKEN: "s3cret" });
    expect(hasEditToken(config, { session: value }, issued + 1000)).toBe(true);
    expect(hasEditToken(config, { session: value }, issued + (SESSION_MAX_AGE + 10) * 1000)).toBe(false);
  });

  it("refuses writes without a Host header, or under a forged one, on a local server", () => {
    const config = accessConfig({ HOST: "127.0.0.1" });
    expect(checkWrite(config, {}).ok).toBe(false);
    expect(checkWrite(config, { host: "192.168.1.20:3000" }).ok).toBe(false);
    expect(checkWrite(config, { host: "127.0.0.1:3000" }).ok).toBe(true);
  });

  it("stores an HMAC of the token, not the token", () => {
    expect(sessionValue("s3cret")).toMatch(/^\d+\.[0-9a-f]{64}$/);
    expect(sessionValue("s3cret")).not.toContain("s3cret");
    expect(sessionValue("s3cret", 1_000_000)).not.toBe(sessionValue("s3cret2", 1_000_000));
  });

  it("compares secrets of any length", () => {
    expect(secretsEqual("abc", "abc")).toBe(true);
    expect(secretsEqual("abc", "abcd")).toBe(false);
    expect(secretsEqual("", "abc")).toBe(false);
  });

  it("reads Bearer tokens and cookies", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("Bearer")).toBeUndefined();
    expect(bearerToken(null)).toBeUndefined();
    expect(readCookie(`a=1; ${SESSION_COOKIE}=xyz; b=2`, SESSION_COOKIE)).toBe("xyz");
    expect(readCookie("a=1", SESSION_COOKIE)).toBeUndefined();
  });

  it("builds an http-only, same-site strict cookie, and one that clears it", () => {
    expect(sessionCookie("v", false)).toBe(
      `${SESSION_COOKIE}=v; Path=/; HttpOnly; SameSite=Strict; Max-Age=2592000`,
    );
    expect(sessionCookie("v", true)).toMatch(/; Secure$/);
    expect(sessionCookie(undefined, false)).toBe(
      `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`,
    );
  });
});

describe("safeNextPath", () => {
  it("keeps paths on this site and turns anything else into /", () => {
    expect(safeNextPath("/maps/russia-iran?focus=x")).toBe("/maps/russia-iran?focus=x");
    for (const bad of [
      null,
      "",
      "maps",
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "/a\nb",
    ]) {
      expect(safeNextPath(bad), String(bad)).toBe("/");
    }
  });
});
