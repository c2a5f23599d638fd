// The live part of `npm run bench -- --live`: the app server on loopback (a production build,
// `npm run build` first) and 50 simulated pages (Hocuspocus providers in this process) that add
// a claim each, 20 times over 30 s. Checks that all 1,000 claims reach every page and the file,
// and reports the time from an edit to its appearance on the other pages.
// `--clients=N --edits=N --seconds=N` change the load; `--redis` runs two app servers on one
// private Redis (Debian's redis-server), half of the pages on each.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, watch } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { mapDocName, readMapFromDoc, writeMapChange } from "../lib/live/doc";
import { loadStoredMap } from "../lib/storage/maps";
import {
  type Client,
  connect,
  copyMaps,
  removeDir,
  startRedis,
  waitFor,
  withRebuttal,
} from "../server/live-test-kit";

const PORT = Number(process.env.BENCH_LIVE_PORT ?? 3390);
const REDIS_PORT = PORT + 5;
const SLUG = "russia-iran";

export interface LiveBenchOptions {
  clients: number;
  edits: number;
  seconds: number;
  redis: boolean;
}

export interface LiveBenchReport {
  machine: string;
  load: string;
  servers: number;
  clients: number;
  edits: number;
  seconds: number;
  /** Edit → appearance on another page, over every (edit, other page) pair, in ms. */
  median: number;
  p95: number;
  max: number;
  /** Edit → on every other page, in ms. */
  allMedian: number;
  allP95: number;
  inFile: number;
  fileWrites: number;
  elapsed: number;
  /** 95th percentile of the pages' own event-loop delay (they all run in this process), in ms. */
  clientLagP95: number;
}

export function liveOptions(args: readonly string[]): LiveBenchOptions {
  const num = (name: string, fallback: number) => {
    const value = Number(args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    clients: num("clients", 50),
    edits: num("edits", 20),
    seconds: num("seconds", 30),
    redis: args.includes("--redis"),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function startAppServer(port: number, dir: string, redisUrl?: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["server/main.mjs"], {
    stdio: ["ignore", process.env.LIVE_DEBUG ? "inherit" : "ignore", "inherit"],
    env: {
      ...process.env,
      ARGUMENTS_DIR: dir,
      HOST: "127.0.0.1",
      PORT: String(port),
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    },
  });
  process.once("exit", () => child.kill("SIGTERM"));
  await waitFor(
    () =>
      fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.ok,
        () => false,
      ),
    60_000,
    `the app server on port ${port}`,
  );
  return child;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

export async function runLiveBench(options: LiveBenchOptions): Promise<LiveBenchReport> {
  if (!existsSync(path.join(".next", "BUILD_ID"))) throw new Error("run `npm run build` first");
  const dir = copyMaps();
  const file = path.join(dir, `${SLUG}.yaml`);
  const servers: ChildProcess[] = [];
  let stopRedis: (() => void) | undefined;
  const clients: Client[] = [];
  let fileWrites = 0;
  const watcher = watch(dir, (_event, name) => {
    if (name === `${SLUG}.yaml`) fileWrites += 1;
  });
  try {
    const ports = options.redis ? [PORT, PORT + 1] : [PORT];
    let redisUrl: string | undefined;
    if (options.redis) {
      stopRedis = await startRedis(REDIS_PORT);
      redisUrl = `redis://127.0.0.1:${REDIS_PORT}`;
    }
    for (const port of ports) servers.push(await startAppServer(port, dir, redisUrl));

    // Every page: when did each bench claim appear on it.
    const seen: Map<string, number>[] = [];
    const madeAt = new Map<string, { at: number; by: number }>();
    for (let i = 0; i < options.clients; i++) {
      const port = ports[i % ports.length];
      const client = connect(`ws://127.0.0.1:${port}/collab`, mapDocName(SLUG));
      clients.push(client);
      const arrivals = new Map<string, number>();
      seen.push(arrivals);
      // The document keeps claims in a Y.Map by id: a new key is a claim that just arrived.
      client.doc.getMap("claims").observe((event) => {
        const now = performance.now();
        for (const [key, change] of event.changes.keys) {
          if (change.action === "add" && !arrivals.has(key)) arrivals.set(key, now);
        }
      });
    }
    await Promise.all(clients.map((c) => c.synced));
    const fileClaimsBefore = readMapFromDoc(clients[0].doc).claims.length;

    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const started = performance.now();
    const spacing = (options.seconds * 1000) / options.edits;
    const theses = readMapFromDoc(clients[0].doc).theses;
    await Promise.all(
      clients.map(async (client, i) => {
        for (let j = 0; j < options.edits; j++) {
          // Each edit at a random moment of its slot, so pages do not edit in lockstep.
          const due = started + j * spacing + Math.random() * spacing;
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
          const id = `bench-p${i}-e${j}`;
          const before = readMapFromDoc(client.doc);
          madeAt.set(id, { at: performance.now(), by: i });
          writeMapChange(client.doc, before, withRebuttal(before, id, theses[(i + j) % theses.length]));
        }
      }),
    );
    const total = options.clients * options.edits;
    const made = [...madeAt.keys()];
    await waitFor(
      () => seen.every((arrivals) => made.every((id) => arrivals.has(id))),
      60_000,
      "every edit on every page",
    );
    const elapsed = performance.now() - started;
    lag.disable();
    const clientLagP95 = lag.percentile(95) / 1e6;

    const delays: number[] = [];
    const toAll: number[] = [];
    const missing: string[] = [];
    for (const [id, { at, by }] of madeAt) {
      let last = 0;
      seen.forEach((arrivals, page) => {
        if (page === by) return;
        const arrived = arrivals.get(id);
        if (arrived === undefined) {
          missing.push(`${id} on page ${page}`);
          return;
        }
        const delay = arrived - at;
        delays.push(delay);
        last = Math.max(last, delay);
      });
      toAll.push(last);
    }
    delays.sort((a, b) => a - b);
    toAll.sort((a, b) => a - b);
    if (missing.length > 0) console.error(`not seen: ${missing.slice(0, 5).join(", ")}`);

    // The last page leaving writes what is left; then every claim must be in the file.
    for (const client of clients.splice(0)) client.close();
    await waitFor(
      async () => {
        const stored = await loadStoredMap(SLUG, dir);
        return !!stored?.ok && stored.map.claims.length >= fileClaimsBefore + total;
      },
      20_000,
      "all edits in the file",
    ).catch(() => undefined);
    for (const server of servers.splice(0)) await stop(server);
    const stored = await loadStoredMap(SLUG, dir);
    const ids = new Set(stored?.ok ? stored.map.claims.map((c) => c.id) : []);
    const inFile = [...madeAt.keys()].filter((id) => ids.has(id)).length;
    if (!stored?.ok)
      throw new Error(
        `the file does not read back after the run:\n${readFileSync(file, "utf8").slice(0, 400)}`,
      );
    return {
      machine: `${os.cpus()[0]?.model ?? "unknown"}, ${os.cpus().length} cores, Node ${process.version}`,
      load: os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" "),
      servers: ports.length,
      clients: options.clients,
      edits: total,
      seconds: options.seconds,
      median: percentile(delays, 50),
      p95: percentile(delays, 95),
      max: delays[delays.length - 1],
      allMedian: percentile(toAll, 50),
      allP95: percentile(toAll, 95),
      inFile,
      fileWrites,
      elapsed,
      clientLagP95,
    };
  } finally {
    watcher.close();
    for (const client of clients) client.close();
    for (const server of servers) await stop(server);
    stopRedis?.();
    removeDir(dir);
  }
}

export function printLiveReport(report: LiveBenchReport): void {
  const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
  console.log(`${report.machine}, load ${report.load}\n`);
  const rows: [string, string][] = [
    ["app servers", report.servers === 1 ? "1" : `${report.servers}, on one Redis`],
    ["pages × edits", `${report.clients} × ${report.edits / report.clients} over ${report.seconds} s`],
    ["edit → another page, median", ms(report.median)],
    ["edit → another page, 95th percentile", ms(report.p95)],
    ["edit → another page, slowest", ms(report.max)],
    ["edit → every other page, median", ms(report.allMedian)],
    ["edit → every other page, 95th percentile", ms(report.allP95)],
    [
      "edits in the file at the end",
      `${report.inFile} of ${report.edits}${report.inFile === report.edits ? " (all)" : " (NOT all)"}`,
    ],
    ["file writes (debounced)", String(report.fileWrites)],
    ["pages' event-loop delay, 95th percentile", ms(report.clientLagP95)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`| ${"measure".padEnd(width)} | value |`);
  console.log(`|${"-".repeat(width + 2)}|-------|`);
  for (const [name, value] of rows) console.log(`| ${name.padEnd(width)} | ${value} |`);
}
