import { type ResourceLimits, Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { bigKialo } from "../../tests/bench/big-files";
import { ImportPool } from "./import-pool";

const pools: ImportPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function pool(options: ConstructorParameters<typeof ImportPool>[0] = {}): ImportPool {
  const made = new ImportPool(options);
  pools.push(made);
  return made;
}

/** A worker that says it started and then does what `body` does with each job (in plain JavaScript). */
function fakeWorker(body: string) {
  return (resourceLimits: ResourceLimits) =>
    new Worker(
      `const { parentPort } = require("node:worker_threads");
       parentPort.postMessage({ kind: "started" });
       parentPort.on("message", (message) => { if (message.kind === "job") { ${body} } });`,
      { eval: true, resourceLimits },
    );
}

const KIALO = "Discussion Title: Small\n\n1. Thesis.\n1.1. Pro: A reason.\n1.2. Con: -> See 1.1.\n";

describe("the import pool", () => {
  it("imports in a worker and answers with the new file's text, title, counts and report", async () => {
    const answer = await pool().run({ text: KIALO, fileName: "small.txt", schemaReference: null });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.value).toMatchObject({
      format: "kialo",
      title: "Small",
      counts: { claims: 2, relations: 2, cards: 0 },
    });
    expect(answer.value.source).toContain("title: Small");
    expect(answer.value.report).toContain('1 "-> See" link joined to the claim already in the map');
  }, 30_000);

  it("answers a broken file with its located problems", async () => {
    const answer = await pool().run({
      text: "Discussion Title: B\n\n1. T.\n1.3.1. Con: Orphan.\n",
      fileName: "broken.txt",
      schemaReference: null,
    });
    expect(answer).toMatchObject({
      ok: false,
      problems: [{ file: "broken.txt", line: 4, code: "reference" }],
    });
  }, 30_000);

  it("keeps the main thread free while a big file is read", async () => {
    const imports = pool();
    await imports.warm();
    const big = bigKialo(6000);
    let ticks = 0;
    let ticksWhenDone = -1;
    const ticker = setInterval(() => ticks++, 5);
    const answer = await imports
      .run({ text: big.text, fileName: "big.txt", schemaReference: null })
      .then((a) => {
        ticksWhenDone = ticks;
        return a;
      });
    clearInterval(ticker);
    expect(answer.ok).toBe(true);
    // The main thread ran its timers all along; read on this thread, only the few pauses between steps would tick.
    expect(ticksWhenDone).toBeGreaterThan(50);
  }, 60_000);

  it("stops a worker over its time limit, answers clearly, and imports the next file with a new worker", async () => {
    let made = 0;
    const hanging = fakeWorker("for (;;) {}");
    const imports = pool({
      size: 1,
      timeLimitMs: 3000,
      createWorker: (limits) => {
        made++;
        return made === 1
          ? hanging(limits)
          : fakeWorker(
              `parentPort.postMessage({ kind: "done", id: message.id, answer: { ok: false, problems: [] } });`,
            )(limits);
      },
    });
    const answer = await imports.run({ text: "x", fileName: "slow.txt", schemaReference: null });
    expect(answer).toMatchObject({
      ok: false,
      problems: [
        {
          file: "slow.txt",
          message: "reading this file took longer than the 3 s one import may take; it was stopped",
        },
      ],
    });
    const next = await imports.run({ text: "x", fileName: "next.txt", schemaReference: null });
    expect(next).toEqual({ ok: false, problems: [] });
    expect(made).toBe(2);
  }, 30_000);

  it("stops a worker that needs more memory than its limit", async () => {
    const imports = pool({
      memoryLimitMb: 24,
      createWorker: fakeWorker("const kept = []; for (;;) kept.push(new Array(100000).fill(Math.random()));"),
    });
    const answer = await imports.run({ text: "x", fileName: "huge.txt", schemaReference: null });
    expect(answer).toMatchObject({
      ok: false,
      problems: [{ code: "size", file: "huge.txt", message: expect.stringContaining("24 MB of memory") }],
    });
  }, 30_000);

  it("refuses an upload as busy when the queue is full", async () => {
    const imports = pool({ size: 1, queueLimit: 1, timeLimitMs: 10_000, createWorker: fakeWorker("") });
    const first = imports.run({ text: "x", fileName: "a.txt", schemaReference: null });
    const second = imports.run({ text: "x", fileName: "b.txt", schemaReference: null });
    const third = await imports.run({ text: "x", fileName: "c.txt", schemaReference: null });
    expect(third).toMatchObject({ ok: false, busy: true, message: expect.stringContaining("busy") });
    expect(imports.stats()).toEqual({ workers: 1, busy: 1, waiting: 1 });
    await imports.close();
    expect(await first).toMatchObject({ ok: false, problems: [{ message: "the server is stopping" }] });
    expect(await second).toMatchObject({ ok: false, problems: [{ message: "the server is stopping" }] });
  }, 30_000);
});
