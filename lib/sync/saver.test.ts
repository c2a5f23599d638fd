import { describe, expect, it } from "vitest";
import type { ArgumentMap } from "../model/schema";
import { createSaver, type SaveStatus, type SaveTransport } from "./saver";

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
  resolve: (status: number, body: unknown) => void;
}

/** A server whose answers the test gives by hand, in order. */
function fakeServer() {
  const calls: Call[] = [];
  const transport: SaveTransport = (_url, init) =>
    new Promise((resolve) => {
      calls.push({
        ifMatch: init.headers["if-match"],
        title: (JSON.parse(init.body) as ArgumentMap).title,
        resolve: (status, body) => resolve({ status, headers: { get: () => null }, json: async () => body }),
      });
    });
  return { calls, transport };
}

function fakeClock() {
  let pending: (() => void) | undefined;
  return {
    setTimer: (fn: () => void) => {
      pending = fn;
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

describe("the saver", () => {
  it("waits for a quiet moment, then saves only the newest edit with If-Match", async () => {
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

  it("reports invalid maps with their problems and tries again after the next edit", async () => {
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
    expect(statuses.at(-1)).toEqual({ state: "error", message: "Not saved: offline" });
    expect(offline.hasUnsaved()).toBe(true);
    offline.dispose();
    saver.dispose();
  });
});
