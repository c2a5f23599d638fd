// `npm run bench`: times load, layout, edit and save on generated maps of 1,000, 5,000 and 20,000
// claims next to dagre's layout of the same maps, and prints a table (or JSON with --json) with
// each measure's target. `--sizes=1000,5000` picks sizes, `--rows=load,save` picks rows by name;
// the browser part (cli/bench-browser.ts: a production build in Debian's Chromium, both made
// ready first when missing) runs too unless `--no-browser` is given; `--live` runs the live
// editing load instead (cli/bench-live.ts: 50 pages × 20 edits on the app server).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import dagre from "dagre";
import * as Y from "yjs";
import { analyzeMap } from "../lib/analysis/analyze";
import { generateMap } from "../lib/bench/generate";
import { serialize as serializeArgdown } from "../lib/formats/argdown";
import { parseArgumentSource, serializeNewSource } from "../lib/formats/argument-file";
import { importText } from "../lib/formats/import";
import { mapToNormalized } from "../lib/formats/normalized-json";
import { deriveMapView, type MapView } from "../lib/graph/map-view";
import { layoutMap, type MapLayout } from "../lib/layout/layout";
import { openingCollapsed } from "../lib/layout/open-view";
import { buildClaimTree } from "../lib/layout/tree";
import { loadMapIntoDoc, readMapFromDoc, writeMapChange } from "../lib/live/doc";
import { addClaim, updateClaim } from "../lib/model/edits";
import type { ArgumentMap } from "../lib/model/schema";
import { ImportPool } from "../lib/server/import-pool";
import { revisionOf } from "../lib/storage/maps";
import { saveMap } from "../lib/storage/write";
import { bigAif, bigKialo } from "../tests/bench/big-files";
import { browserRows, closeBrowserBench } from "./bench-browser";

export const SIZES = [1000, 5000, 20000] as const;
export type Size = (typeof SIZES)[number];

/** What one measure of one size came to. */
export interface Measure {
  /** Milliseconds (or the unit the row names). */
  value: number;
  /** Extra words shown after the number (a ratio, a count). */
  note?: string;
}

/** One row of the report: a measure per map size, and its targets. */
export interface BenchRow {
  name: string;
  unit: "ms" | "fps" | "MB" | "KB" | "×";
  /** Targets per size; `max` for times, `min` for rates and ratios. */
  target?: Partial<Record<Size, { max?: number; min?: number }>>;
  measure: (context: BenchContext) => Measure | undefined | Promise<Measure | undefined>;
}

/** The map of one size, in every form the rows need, made once. */
export interface BenchContext {
  size: Size;
  map: ArgumentMap;
  yaml: string;
  json: string;
  /** Results of earlier rows of the same size, by row name. */
  results: Map<string, Measure | undefined>;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function timeMs(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** CPU time (user and system, ms) of the process while `run` runs: what the machine's load does not inflate. */
async function cpuOf(run: () => unknown): Promise<{ ms: number; cpu: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

/** The median run of several, by wall time, with its CPU time in the note. */
async function medianRun(count: number, run: () => unknown, note = ""): Promise<Measure> {
  const runs: { ms: number; cpu: number }[] = [];
  for (let i = 0; i < count; i++) runs.push(await cpuOf(run));
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  const mid = sorted[Math.floor(sorted.length / 2)];
  return { value: mid.ms, note: `${note}cpu ${mid.cpu.toFixed(0)} ms` };
}

/**
 * What the workspace recomputes after an edit (`deriveMapView` from the view before it), with
 * these claims folded: the value is a claim reworded (its box may change size), the note adds an
 * answer to a claim in the middle of the map.
 */
function timeEdits(size: Size, map: ArgumentMap, collapsed: ReadonlySet<string>): Measure {
  const options = { direction: "TB" as const, collapsed, edgeNames: false };
  let view: MapView = deriveMapView(map, options);
  const target = map.claims[Math.floor(map.claims.length / 2)];
  const reword = Array.from({ length: runsFor(size) }, (_, i) => {
    const edited = updateClaim(map, map.claims[1].id, { text: `${map.claims[1].text} (edit ${i})` });
    return timeMs(() => {
      view = deriveMapView(edited, options, view);
    });
  });
  view = deriveMapView(map, options, view);
  const answer = Array.from({ length: runsFor(size) }, (_, i) => {
    const { map: edited } = addClaim(map, {
      text: `A new answer, number ${i}, to the claim in the middle`,
      relation: { type: "attack", to: target.id },
    });
    return timeMs(() => {
      view = deriveMapView(edited, options, view);
    });
  });
  return {
    value: median(reword),
    note: `reword; add an answer ${median(answer).toFixed(0)} ms; ${view.flow.nodes.length} nodes shown`,
  };
}

/** Median time of saving one changed claim into the map's file, as the autosaves of a session do. */
async function saveOneEdit(size: Size, map: ArgumentMap, file: string, text: string): Promise<Measure> {
  const dir = mkdtempSync(path.join(tmpdir(), "clashmap-bench-"));
  try {
    writeFileSync(path.join(dir, file), text);
    let revision = revisionOf(text);
    const times: { ms: number; cpu: number }[] = [];
    // The first save reads the file; the ones after it are the autosaves of a session.
    for (let i = 0; i <= runsFor(size); i++) {
      const edited = {
        ...map,
        claims: map.claims.map((c, n) => (n === 10 ? { ...c, text: `Edit ${i}` } : c)),
      };
      const body = JSON.parse(JSON.stringify(mapToNormalized(edited)));
      const run = await cpuOf(async () => {
        revision = (await saveMap("bench", body, revision, { dir })).revision;
      });
      if (i > 0) times.push(run);
    }
    const mid = [...times].sort((a, b) => a.ms - b.ms)[Math.floor(times.length / 2)];
    return { value: mid.ms, note: `cpu ${mid.cpu.toFixed(0)} ms` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median of `runs` timings (fewer for the biggest maps, where one run takes seconds). */
function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function runsFor(size: Size): number {
  return size >= 20000 ? Math.max(1, Math.ceil(RUNS / 2)) : RUNS;
}

/** dagre's layout of the same claims and relations, with the node sizes ours uses. */
function dagreLayout(map: ArgumentMap, layout: MapLayout): void {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "TB", nodesep: 28, ranksep: 72 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of layout.nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  const claims = new Set(layout.nodes.map((n) => n.id));
  for (const r of map.relations) if (claims.has(r.from) && claims.has(r.to)) graph.setEdge(r.to, r.from);
  dagre.layout(graph);
}

/** The benchmark's rows, in report order; add a row to add a measure. */
export const ROWS: BenchRow[] = [
  {
    name: "load + validate, YAML",
    unit: "ms",
    target: { 1000: { max: 150 }, 5000: { max: 600 }, 20000: { max: 2500 } },
    measure: ({ size, yaml }) =>
      medianRun(
        runsFor(size),
        () => parseArgumentSource(yaml, "bench.yaml"),
        `${(yaml.length / 1e6).toFixed(1)} MB, `,
      ),
  },
  {
    name: "load + validate, JSON",
    unit: "ms",
    measure: ({ size, json }) =>
      medianRun(
        runsFor(size),
        () => parseArgumentSource(json, "bench.json"),
        `${(json.length / 1e6).toFixed(1)} MB, `,
      ),
  },
  {
    name: "layout, first open (text measured)",
    unit: "ms",
    measure: ({ map }) => {
      // Once per process: later runs find every text in the measurement cache.
      return { value: timeMs(() => layoutMap(map)) };
    },
  },
  {
    name: "layout",
    unit: "ms",
    target: { 1000: { max: 30 }, 5000: { max: 150 }, 20000: { max: 1000 } },
    measure: ({ size, map }) => {
      const tree = buildClaimTree(map);
      return {
        value: median(Array.from({ length: runsFor(size) }, () => timeMs(() => layoutMap(map, { tree })))),
      };
    },
  },
  {
    name: "dagre layout (baseline)",
    unit: "ms",
    measure: ({ size, map }) => {
      if (size > 5000 && !process.env.BENCH_DAGRE_ALL) return undefined;
      const layout = layoutMap(map);
      return { value: timeMs(() => dagreLayout(map, layout)) };
    },
  },
  {
    name: "dagre ÷ ours",
    unit: "×",
    target: { 5000: { min: 20 } },
    measure: ({ results }) => {
      const ours = results.get("layout")?.value;
      const theirs = results.get("dagre layout (baseline)")?.value;
      return ours && theirs ? { value: theirs / ours } : undefined;
    },
  },
  {
    name: "edit → on screen (pure part)",
    unit: "ms",
    target: { 1000: { max: 50 }, 5000: { max: 100 }, 20000: { max: 300 } },
    measure: ({ size, map }) => {
      // What the workspace recomputes after one edit, on the map as it opens (big maps folded).
      const collapsed = new Set(openingCollapsed(buildClaimTree(map), map.claims.length));
      return timeEdits(size, map, collapsed);
    },
  },
  {
    name: "edit → on screen, every claim unfolded (pure part)",
    unit: "ms",
    target: { 1000: { max: 50 }, 5000: { max: 100 }, 20000: { max: 300 } },
    measure: ({ size, map }) => timeEdits(size, map, new Set()),
  },
  {
    name: "save one edit (server)",
    unit: "ms",
    target: { 1000: { max: 150 }, 5000: { max: 300 }, 20000: { max: 1000 } },
    measure: ({ size, map, yaml }) => saveOneEdit(size, map, "bench.yaml", yaml),
  },
  {
    name: "save one edit, JSON file (server)",
    unit: "ms",
    measure: ({ size, map, json }) => saveOneEdit(size, map, "bench.json", json),
  },
  {
    name: "live doc: load, then read the map",
    unit: "ms",
    target: { 5000: { max: 100 } },
    measure: ({ size, map }) => {
      const doc = new Y.Doc();
      const load = timeMs(() => loadMapIntoDoc(doc, map));
      const read = median(Array.from({ length: runsFor(size) }, () => timeMs(() => readMapFromDoc(doc))));
      return { value: read, note: `load ${Math.round(load)} ms` };
    },
  },
  {
    name: "live doc: write one edit",
    unit: "ms",
    target: { 5000: { max: 20 } },
    measure: ({ size, map }) => {
      const doc = new Y.Doc();
      loadMapIntoDoc(doc, map);
      let current = readMapFromDoc(doc);
      const times = Array.from({ length: runsFor(size) }, (_, i) => {
        const next = {
          ...current,
          claims: current.claims.map((c, n) => (n === 10 ? { ...c, text: `Edit ${i}` } : c)),
        };
        const ms = timeMs(() => writeMapChange(doc, current, next));
        current = next;
        return ms;
      });
      return { value: median(times) };
    },
  },
  {
    name: "analysis (statuses, unanswered, evidence)",
    unit: "ms",
    target: { 5000: { max: 50 } },
    measure: ({ size, map }) => {
      // One untimed run first: the workspace reruns the analysis on every edit, so it runs warm.
      analyzeMap(map, { since: 2015 });
      return {
        value: median(
          Array.from({ length: runsFor(size) }, () => timeMs(() => analyzeMap(map, { since: 2015 }))),
        ),
      };
    },
  },
  ...(["svg", "png", "pdf"] as const).map(
    (id): BenchRow => ({
      name: `${id.toUpperCase()} export`,
      unit: "ms",
      measure: async ({ size, map }) => {
        // Pictures of 20,000 claims take minutes to rasterize: that size is left out.
        if (id !== "svg" && size > 5000) return undefined;
        if (id !== "svg") await import("../lib/formats/render-node");
        const format = await import(`../lib/formats/${id}`);
        let bytes = 0;
        const value = await timeAsync(async () => {
          bytes = (await format.serialize(map, {})).length;
        });
        return { value, note: `${(bytes / 1e6).toFixed(1)} MB` };
      },
    }),
  ),
  ...(
    [
      ["import, Kialo .txt", () => ({ text: bigKialo(1000).text, file: "big.txt" })],
      ["import, AIF (1,400 nodes)", () => ({ text: bigAif(1400).text, file: "big.json" })],
      [
        "import, Argdown",
        (map: ArgumentMap) => ({ text: serializeArgdown(map, {}) as string, file: "big.argdown" }),
      ],
    ] as const
  ).map(
    ([name, input]): BenchRow => ({
      name,
      unit: "ms",
      // Real exports run to about 1,000 claims (Kialo) and 1,400 nodes (AIF corpora): measured at that size.
      target: { 1000: { max: 2000 } },
      measure: async ({ size, map }) => {
        if (size !== 1000) return undefined;
        const { text, file } = input(map);
        const runs: number[] = [];
        for (let i = 0; i < runsFor(size); i++) {
          runs.push(
            await timeAsync(async () => {
              const result = await importText(text, file);
              if (!result.ok) throw new Error(`the ${name} benchmark file does not import`);
            }),
          );
        }
        return { value: median(runs) };
      },
    }),
  ),
  // The server imports in a worker thread. Cold: a new worker's first import (start-up and module
  // loading included; run from source, so tsx's compiling too). After warm-up: the first import
  // once the worker has run its importers, as the server has them after it starts. Warm: later ones.
  ...(
    [
      ["Kialo, 1,000 claims", () => ({ text: bigKialo(1000).text, file: "big.txt" })],
      ["AIF, 1,400 nodes", () => ({ text: bigAif(1400).text, file: "big.json" })],
    ] as const
  ).flatMap(([what, input]) =>
    (["cold", "after warm-up", "warm"] as const).map(
      (when): BenchRow => ({
        name: `import in the server's worker, ${when}: ${what}`,
        unit: "ms",
        target: { 1000: { max: 2000 } },
        measure: async ({ size }) => {
          if (size !== 1000) return undefined;
          const { text, file } = input();
          const pool = new ImportPool({ size: 1 });
          const once = async () => {
            const answer = await pool.run({ text, fileName: file, schemaReference: null });
            if (!answer.ok) throw new Error(`the ${what} benchmark file does not import in the worker`);
          };
          try {
            if (when === "cold") return { value: await timeAsync(once), note: "new worker" };
            await pool.warm();
            if (when === "after warm-up") return { value: await timeAsync(once) };
            await once();
            const runs: number[] = [];
            for (let i = 0; i < runsFor(size); i++) runs.push(await timeAsync(once));
            return { value: median(runs) };
          } finally {
            await pool.close();
          }
        },
      }),
    ),
  ),
];

function met(row: BenchRow, size: Size, value: number | undefined): "yes" | "no" | "" {
  const target = row.target?.[size];
  if (!target || value === undefined) return "";
  if (Number.isNaN(value)) return "no";
  if (target.max !== undefined && value > target.max) return "no";
  if (target.min !== undefined && value < target.min) return "no";
  return "yes";
}

function targetText(row: BenchRow, size: Size): string {
  const t = row.target?.[size];
  if (!t) return "";
  if (t.max !== undefined) return `< ${t.max}`;
  return t.min !== undefined ? `≥ ${t.min}` : "";
}

function format(value: number | undefined, unit: BenchRow["unit"]): string {
  if (value === undefined || Number.isNaN(value)) return "–";
  if (unit === "×") return `${value.toFixed(1)}×`;
  return `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ${unit}`;
}

interface Report {
  machine: { cpus: number; model: string; node: string; load: number[] };
  results: { row: string; size: Size; value?: number; note?: string; target: string; met: string }[];
}

/**
 * Installs Chromium (and the test tools) when missing and builds the app when there is no build
 * of the current sources, as the test command does; with `--json` their output goes to stderr.
 */
function readyTools(json: boolean): void {
  for (const script of ["scripts/ensure-test-tools.mjs", "scripts/ensure-build.mjs"]) {
    const result = spawnSync(process.execPath, [script], { stdio: ["ignore", json ? 2 : 1, 2] });
    if (result.status !== 0) throw new Error(`${script} failed`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const browser = !args.includes("--no-browser");
  // The browser part and the live load run the production build in Debian's Chromium.
  if (browser || args.includes("--live")) readyTools(json);
  if (args.includes("--live")) {
    const { liveOptions, printLiveReport, runLiveBench } = await import("./bench-live");
    const report = await runLiveBench(liveOptions(args));
    if (json) console.log(JSON.stringify(report, null, 2));
    else printLiveReport(report);
    return;
  }
  const sizesArg = args.find((a) => a.startsWith("--sizes="))?.slice("--sizes=".length);
  const sizes = (sizesArg ? sizesArg.split(",").map(Number) : [...SIZES]).filter((s): s is Size =>
    (SIZES as readonly number[]).includes(s),
  );
  const os = await import("node:os");
  const report: Report = {
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? "unknown",
      node: process.version,
      load: os.loadavg().map((l) => Math.round(l * 10) / 10),
    },
    results: [],
  };
  // `--rows=load,save` keeps the rows whose name holds one of the words (the order stays).
  const rowsArg = args.find((a) => a.startsWith("--rows="))?.slice("--rows=".length);
  const picked = rowsArg?.toLowerCase().split(",").filter(Boolean);
  const rows = (browser ? [...ROWS, ...browserRows()] : ROWS).filter(
    (row) => !picked || picked.some((word) => row.name.toLowerCase().includes(word)),
  );
  for (const size of sizes) {
    // The map as the app reads it back from its file (a file lists supports before attacks).
    const yaml = serializeNewSource(generateMap({ claims: size }), "yaml");
    const parsed = parseArgumentSource(yaml, "bench.yaml");
    if (!parsed.ok) throw new Error(`the generated map does not read back: ${parsed.problems[0]?.message}`);
    const map = parsed.value.map;
    const context: BenchContext = {
      size,
      map,
      yaml,
      json: `${JSON.stringify(mapToNormalized(map))}\n`,
      results: new Map(),
    };
    for (const row of rows) {
      // A row that fails (a browser step timing out on a loaded machine) is reported, not fatal.
      const result = await Promise.resolve(row.measure(context)).catch(
        (error: unknown): Measure => ({
          value: Number.NaN,
          note: `failed: ${(error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 60)}`,
        }),
      );
      context.results.set(row.name, result);
      report.results.push({
        row: row.name,
        size,
        value: result?.value,
        note: result?.note,
        target: targetText(row, size),
        met: met(row, size, result?.value),
      });
      if (!json) process.stderr.write(".");
    }
  }
  if (browser) await closeBrowserBench();
  if (json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  process.stderr.write("\n");
  const { machine } = report;
  console.log(
    `${machine.model}, ${machine.cpus} cores, Node ${machine.node}, load ${machine.load.join(" ")}\n`,
  );
  const header = ["measure", ...sizes.map((s) => `${s.toLocaleString("en")} claims`)];
  const lines = rows.map((row) => [
    row.name,
    ...sizes.map((size) => {
      const r = report.results.find((x) => x.row === row.name && x.size === size)!;
      const verdict = r.met ? ` (${r.target}: ${r.met === "yes" ? "met" : "NOT met"})` : "";
      return `${format(r.value, row.unit)}${r.note ? ` [${r.note}]` : ""}${verdict}`;
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const print = (cells: string[]) =>
    console.log(`| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`);
  print(header);
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const line of lines) print(line);
}

await main();
