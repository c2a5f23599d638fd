import { describe, expect, it } from "vitest";
import type { ArgumentMap } from "../model/schema";
import {
  createSaver,
  KEEPALIVE_MAX_BYTES,
  RETRY_DELAYS_MS,
  type SaveStatus,
  type SaveTransport,
} from "./saver";

const mapWithTitle = (title: string): ArgumentMap => ({
  version: 1,
  title,
  theses: ["a"],
  claims: [{ id: "a", text: "A", side: "aff" }],
  relations: [],
  evidence: [],
});

interface Call {
  ifMatch: string;
  title: string;
  resolve: (status: number, body: unknown, etag?: string) => void;
}

/** A server whose answers the test gives by hand, in order. */
function fakeServer() {
  const calls: Call[] = [];
  const transport: SaveTransport = (_url, init) =>
    new Promise((resolve) => {
      calls.push({
        ifMatch: init.headers["if-match"],
        title: (JSON.parse(init.body) as ArgumentMap).title,
        resolve: (status, body, etag?: string) =>
          resolve({
            status,
            headers: { get: (name) => (name.toLowerCase() === "etag" ? (etag ?? null) : null) },
            json: async () => body,
          }),
      });
    });
  return { calls, transport };
}

function fakeClock() {
  let pending: (() => void) | undefined;
  const waits: number[] = [];
  return {
    waits,
    setTimer: (fn: () => void, ms: number) => {
      pending = fn;
      waits.push(ms);
      return 1;
    },
    clearTimer: () => {
      pending = undefined;
    },
    tick: () => {
      const fn = pending;
      pending = undefined;
      fn?.();
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** A saver on a fake server and a fake clock, recording every status it reports. */
function setup() {
  const { calls, transport } = fakeServer();
  const clock = fakeClock();
  const statuses: SaveStatus[] = [];
  const saver = createSaver({
    slug: "m",
    revision: "r0",
    transport,
    onStatus: (s) => statuses.push(s),
    ...clock,
  });
  return { saver, calls, clock, statuses };
}

describe("the saver", () => {
  it("waits for a quiet moment, then saves only the newest edit with If-Match", async () => {
    const { saver, calls, clock, statuses } = setup();
    saver.schedule(mapWithTitle("one"));
    saver.schedule(mapWithTitle("two"));
    expect(calls).toHaveLength(0);
    clock.tick();
    expect(calls.map((c) => [c.ifMatch, c.title])).toEqual([['"r0"', "two"]]);
    calls[0].resolve(200, { revision: "r1" });
    await settle();
    expect(statuses.at(-1)).toEqual({ state: "saved", revision: "r1" });
    expect(saver.revision()).toBe("r1");
    expect(saver.hasUnsaved()).toBe(false);
  });

  it("after a merged save builds the next on the revision of its own copy", async () => {
    const { saver, calls, clock, statuses } = setup();
    saver.schedule(mapWithTitle("one"));
    clock.tick();
    calls[0].resolve(200, { revision: "r2", merged: true, ownRevision: "mine" });
    await settle();
    expect(saver.revision()).toBe("mine");
    expect(statuses.at(-1)).toEqual({ state: "saved", revision: "mine" });
    saver.schedule(mapWithTitle("two"));
    clock.tick();
    expect(calls[1].ifMatch).toBe('"mine"');
  });

  it("never sends two saves at once and builds the next on the returned revision", async () => {
    const { calls, transport } = fakeServer();
    const clock = fakeClock();
    const saver = createSaver({ slug: "m", revision: "r0", transport, onStatus: () => {}, ...clock });
    saver.schedule(mapWithTitle("one"));
    clock.tick();
    saver.schedule(mapWithTitle("two"));
    clock.tick();
    expect(calls).toHaveLength(1);
    calls[0].resolve(200, { revision: "r1" });
    await settle();
    expect(calls.map((c) => [c.ifMatch, c.title])).toEqual([
      ['"r0"', "one"],
      ['"r1"', "two"],
    ]);
  });

  it("stops on a conflict and keeps the edit as unsaved", async () => {
    const { saver, calls, clock, statuses } = setup();
    saver.schedule(mapWithTitle("mine"));
    const flushed = saver.flush();
    calls[0].resolve(409, { error: "stale", currentRevision: "theirs" });
    await flushed;
    expect(statuses.at(-1)).toEqual({ state: "conflict", currentRevision: "theirs" });
    expect(saver.hasUnsaved()).toBe(true);
    saver.schedule(mapWithTitle("mine again"));
    clock.tick();
    await settle();
    expect(calls).toHaveLength(1);
  });

  it("reports a map too large to write as invalid, with the problem's code and place", async () => {
    const { saver, calls, clock, statuses } = setup();
    saver.schedule(mapWithTitle("huge"));
    clock.tick();
    const problem = {
      code: "size",
      file: "m.yaml",
      line: 1,
      col: 1,
      path: "",
      message: "file is 3000000 bytes",
    };
    calls[0].resolve(413, { error: "the map is not valid", problems: [problem] });
    await settle();
    expect(statuses.at(-1)).toEqual({ state: "invalid", problems: [problem] });
  });

  it("reports invalid maps with their problems and tries again after the next edit", async () => {
    const { saver, calls, clock, statuses } = setup();
    saver.schedule(mapWithTitle("bad"));
    clock.tick();
    calls[0].resolve(422, { problems: [{ path: "relations[0].to", message: "unknown claim" }] });
    await settle();
    expect(statuses.at(-1)).toEqual({
      state: "invalid",
      problems: [{ path: "relations[0].to", message: "unknown claim" }],
    });
    saver.schedule(mapWithTitle("good"));
    clock.tick();
    expect(calls.at(-1)?.title).toBe("good");
  });

  it("reports a refusal and a network failure", async () => {
    const refused = fakeServer();
    const statuses: SaveStatus[] = [];
    const saver = createSaver({
      slug: "m",
      revision: "r0",
      transport: refused.transport,
      onStatus: (s) => statuses.push(s),
    });
    saver.schedule(mapWithTitle("x"));
    const flushed = saver.flush();
    refused.calls[0].resolve(403, { error: "read-only" });
    await flushed;
    expect(statuses.at(-1)).toEqual({ state: "forbidden", message: "read-only" });

    const offline = createSaver({
      slug: "m",
      revision: "r0",
      transport: () => Promise.reject(new Error("offline")),
      onStatus: (s) => statuses.push(s),
    });
    offline.schedule(mapWithTitle("y"));
    await offline.flush();
    expect(statuses.at(-1)).toEqual({ state: "error", message: "Not saved: offline; trying again in 1 s" });
    expect(offline.hasUnsaved()).toBe(true);
    offline.dispose();
    saver.dispose();
  });

  it("stops with a request to sign in again on 401", async () => {
    const { saver, calls, clock, statuses } = setup();
    saver.schedule(mapWithTitle("x"));
    const flushed = saver.flush();
    calls[0].resolve(401, { unexpected: true });
    await flushed;
    expect(statuses.at(-1)).toEqual({ state: "forbidden", message: "Sign in again to save your edits" });
    saver.schedule(mapWithTitle("y"));
    clock.tick();
    await settle();
    expect(calls).toHaveLength(1);
    expect(saver.hasUnsaved()).toBe(true);
  });

  it("stops and says the map is gone on 404", async () => {
    const { saver, calls, clock, statuses } = setup();
    saver.schedule(mapWithTitle("x"));
    const flushed = saver.flush();
    calls[0].resolve(404, { error: "not found" });
    await flushed;
    expect(statuses.at(-1)).toEqual({ state: "missing" });
    saver.schedule(mapWithTitle("y"));
    clock.tick();
    await settle();
    expect(calls).toHaveLength(1);
  });

  it("never takes a revision from a 200 without a string one: the ETag, else the old one and an error", async () => {
    const { saver, calls, clock, statuses } = setup();
    saver.schedule(mapWithTitle("one"));
    clock.tick();
    calls[0].resolve(200, { revision: 42 }, '"from-etag"');
    await settle();
    expect(saver.revision()).toBe("from-etag");
    expect(statuses.at(-1)).toEqual({ state: "saved", revision: "from-etag" });

    saver.schedule(mapWithTitle("two"));
    clock.tick();
    calls[1].resolve(200, "not json at all");
    await settle();
    expect(saver.revision()).toBe("from-etag");
    expect(statuses.at(-1)).toMatchObject({ state: "error" });
    expect(calls[1].ifMatch).toBe('"from-etag"');
  });

  it("reads only well-formed conflict and refusal bodies", async () => {
    const { saver, calls, clock, statuses } = setup();
    saver.schedule(mapWithTitle("bad"));
    clock.tick();
    calls[0].resolve(422, { problems: "everything" });
    await settle();
    expect(statuses.at(-1)).toEqual({ state: "invalid", problems: [] });
    saver.schedule(mapWithTitle("worse"));
    clock.tick();
    calls[1].resolve(500, { error: { nested: true } });
    await settle();
    expect(statuses.at(-1)).toEqual({
      state: "error",
      message: "Not saved: the server answered 500; trying again in 1 s",
    });
    saver.schedule(mapWithTitle("mine"));
    clock.tick();
    calls[2].resolve(409, { currentRevision: 7 });
    await settle();
    expect(statuses.at(-1)).toEqual({ state: "conflict", currentRevision: undefined });
  });

  it("retries a save lost on the network with growing waits, then saves", async () => {
    let failures = 3;
    const sent: string[] = [];
    const transport: SaveTransport = async (_url, init) => {
      sent.push((JSON.parse(init.body) as ArgumentMap).title);
      if (failures-- > 0) throw new Error("offline");
      return { status: 200, headers: { get: () => null }, json: async () => ({ revision: "r1" }) };
    };
    const clock = fakeClock();
    const statuses: SaveStatus[] = [];
    const saver = createSaver({
      slug: "m",
      revision: "r0",
      transport,
      onStatus: (s) => statuses.push(s),
      ...clock,
    });
    saver.schedule(mapWithTitle("x"));
    clock.tick();
    await settle();
    expect(statuses.at(-1)).toEqual({ state: "error", message: "Not saved: offline; trying again in 1 s" });
    clock.tick();
    await settle();
    clock.tick();
    await settle();
    expect(statuses.at(-1)).toEqual({ state: "error", message: "Not saved: offline; trying again in 5 s" });
    expect(clock.waits.slice(1)).toEqual(RETRY_DELAYS_MS.slice(0, 3));
    clock.tick();
    await settle();
    expect(sent).toEqual(["x", "x", "x", "x"]);
    expect(statuses.at(-1)).toEqual({ state: "saved", revision: "r1" });
    expect(saver.hasUnsaved()).toBe(false);
  });

  it("sends a save again by itself after a server error, until it is saved", async () => {
    const { saver, calls, clock, statuses } = setup();
    saver.schedule(mapWithTitle("x"));
    clock.tick();
    calls[0].resolve(503, {});
    await settle();
    expect(statuses.at(-1)).toEqual({
      state: "error",
      message: "Not saved: the server answered 503; trying again in 1 s",
    });
    clock.tick();
    expect(calls.map((c) => c.title)).toEqual(["x", "x"]);
    calls[1].resolve(200, { revision: "r1" });
    await settle();
    expect(statuses.at(-1)).toEqual({ state: "saved", revision: "r1" });
  });

  it("keeps retrying every 30 seconds, and at once when asked (back online)", async () => {
    let online = false;
    let sends = 0;
    const transport: SaveTransport = async () => {
      sends += 1;
      if (!online) throw new Error("offline");
      return { status: 200, headers: { get: () => null }, json: async () => ({ revision: "r1" }) };
    };
    const clock = fakeClock();
    const saver = createSaver({ slug: "m", revision: "r0", transport, onStatus: () => {}, ...clock });
    saver.schedule(mapWithTitle("x"));
    for (let i = 0; i < 8; i++) {
      clock.tick();
      await settle();
    }
    expect(clock.waits.slice(-3)).toEqual([30000, 30000, 30000]);
    online = true;
    await saver.flush();
    expect(saver.revision()).toBe("r1");
    expect(sends).toBe(9);
  });

  it("sends a save the moment flush is called, as a request that outlives the page when it is small", () => {
    const sent: { keepalive: boolean; bytes: number }[] = [];
    const transport: SaveTransport = (_url, init) => {
      sent.push({ keepalive: init.keepalive, bytes: new TextEncoder().encode(init.body).length });
      return new Promise(() => {});
    };
    const saver = createSaver({ slug: "m", revision: "r0", transport, onStatus: () => {}, ...fakeClock() });
    saver.schedule(mapWithTitle("small"));
    void saver.flush();
    // No await: a page that is unloading gets no later turn of the event loop.
    expect(sent).toEqual([{ keepalive: true, bytes: expect.any(Number) }]);
    expect(saver.hasUnsaved()).toBe(true);

    const big = createSaver({ slug: "m", revision: "r0", transport, onStatus: () => {}, ...fakeClock() });
    big.schedule(mapWithTitle("é".repeat(KEEPALIVE_MAX_BYTES / 2)));
    void big.flush();
    expect(sent[1].bytes).toBeGreaterThan(KEEPALIVE_MAX_BYTES);
    expect(sent[1].keepalive).toBe(false);
  });
});
