// Times layout, the React Flow transform and the analysis on a synthetic 5,000-claim map, loading and
// saving an argument file of that size, and importing big Kialo, AIF and Argdown files (`npm run bench`).

import { analyzeMap } from "../lib/analysis/analyze";
import { serialize as serializeArgdown } from "../lib/formats/argdown";
import {
  parseArgumentSource,
  serializeArgumentSource,
  serializeNewSource,
} from "../lib/formats/argument-file";
import { importText } from "../lib/formats/import";
import { toFlow } from "../lib/graph/to-flow";
import { layoutMap } from "../lib/layout/layout";
import { randomMap } from "../lib/layout/random-map";
import { buildClaimTree } from "../lib/layout/tree";
import { bigAif, bigKialo } from "../tests/bench/big-files";

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 5000);
const RUNS = 5;

function time<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const plain = randomMap(1, { claims: CLAIMS, theses: 3, extraTargets: 0 });
const extra = randomMap(2, { claims: CLAIMS, theses: 3, extraTargets: 0.05 });

for (const [name, map] of [
  ["tree", plain],
  ["5% extra targets", extra],
] as const) {
  const tree: number[] = [];
  const layout: number[] = [];
  const transform: number[] = [];
  let nodes = 0;
  let edges = 0;
  for (let i = 0; i < RUNS; i++) {
    const built = time(() => buildClaimTree(map));
    tree.push(built.ms);
    const laid = time(() => layoutMap(map, { tree: built.result }));
    layout.push(laid.ms);
    const flow = time(() => toFlow(laid.result, built.result.index));
    transform.push(flow.ms);
    nodes = flow.result.nodes.length;
    edges = flow.result.edges.length;
  }
  console.log(
    `${CLAIMS} claims (${name}): tree ${median(tree).toFixed(1)} ms, layout ${median(layout).toFixed(1)} ms, ` +
      `transform ${median(transform).toFixed(1)} ms (median of ${RUNS}; ${nodes} nodes, ${edges} edges)`,
  );
}

{
  // The analysis the workspace reruns on every edit: statuses, unanswered arguments, evidence checks.
  const map = randomMap(3, { claims: CLAIMS, theses: 3, extraTargets: 0.05, undercuts: 0.05 });
  const runs: number[] = [];
  // One untimed run first: the workspace reruns the analysis on every edit, so it runs warm.
  analyzeMap(map, { since: 2015 });
  for (let i = 0; i < RUNS; i++) runs.push(time(() => analyzeMap(map, { since: 2015 })).ms);
  console.log(
    `${CLAIMS} claims (analysis, ${map.relations.length} relations): ${median(runs).toFixed(1)} ms (median of ${RUNS}; target under 50 ms)`,
  );
}

{
  // A save is one edit written back into the author's file: the path every autosave takes.
  const text = serializeNewSource(plain, "yaml");
  const load: number[] = [];
  const save: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const parsed = time(() => parseArgumentSource(text, "bench.yaml"));
    load.push(parsed.ms);
    if (!parsed.result.ok) throw new Error("the benchmark map does not validate");
    const source = parsed.result.value;
    const edited = {
      ...source.map,
      claims: source.map.claims.map((c, n) => (n === 10 ? { ...c, text: `Edit ${i}` } : c)),
    };
    save.push(time(() => serializeArgumentSource(source, edited)).ms);
  }
  const lines = text.split("\n").length;
  console.log(
    `${CLAIMS} claims (file of ${lines} lines): load ${median(load).toFixed(0)} ms, save one edit ${median(save).toFixed(0)} ms (median of ${RUNS})`,
  );
}

{
  // Importing big real-world exports: a 1,000-claim Kialo discussion, a 1,400-node AIF corpus map,
  // and 1,000 claims of Argdown (our own export of a random map).
  const argdown = serializeArgdown(
    randomMap(3, { claims: 1000, theses: 2, extraTargets: 0.03, undercuts: 0.02 }),
    {},
  );
  for (const [name, text, file] of [
    ["Kialo, 1,000 claims", bigKialo(1000).text, "big.txt"],
    ["AIF, 1,400 nodes", bigAif(1400).text, "big.json"],
    ["Argdown, 1,000 claims", argdown, "big.argdown"],
  ] as const) {
    const runs: number[] = [];
    let claims = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const result = await importText(text, file);
      runs.push(performance.now() - started);
      if (!result.ok) throw new Error(`the ${name} benchmark file does not import`);
      claims = result.value.map.claims.length;
    }
    console.log(
      `import ${name}: ${median(runs).toFixed(0)} ms to a validated map of ${claims} claims (median of ${RUNS})`,
    );
  }
}

{
  // Exports run in the browser's worker and on the server; the picture formats are the slow ones.
  await import("../lib/formats/render-node");
  const svg = await import("../lib/formats/svg");
  const png = await import("../lib/formats/png");
  const pdf = await import("../lib/formats/pdf");
  for (const claims of [1000, 5000]) {
    const map = randomMap(3, { claims, theses: 3, cards: 0.3 });
    const row: string[] = [];
    for (const [name, format] of [
      ["SVG", svg],
      ["PNG", png],
      ["PDF", pdf],
    ] as const) {
      const started = performance.now();
      const out = await format.serialize(map, {});
      row.push(
        `${name} ${(performance.now() - started).toFixed(0)} ms (${(out.length / 1e6).toFixed(1)} MB)`,
      );
    }
    console.log(`export of ${claims} claims (top-down, one run each): ${row.join(", ")}`);
  }
}
