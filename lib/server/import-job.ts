import { z } from "zod";
import { importText } from "../formats/import";
import { type Problem, problemSchema } from "../model/problems";

/** One upload to import: its text, the name it came with (for messages only) and the new file's `$schema` line. */
export const importJobSchema = z.object({
  text: z.string(),
  fileName: z.string(),
  from: z.string().optional(),
  schemaReference: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

/**
 * What an import job gives back: the new file's text (already validated) with what the answer
 * shows about it, or the located problems. Small on purpose: the map itself stays in the worker.
 */
export const importAnswerSchema = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    value: z.object({
      format: z.string(),
      title: z.string(),
      source: z.string(),
      report: z.array(z.string()),
      counts: z.object({ claims: z.number(), relations: z.number(), cards: z.number() }),
    }),
  }),
  z.object({ ok: z.literal(false), problems: z.array(problemSchema) }),
]);
export type ImportAnswer = z.infer<typeof importAnswerSchema>;

/** Imports one upload: detection, parsing, conversion to our map, validation and the YAML text, all in one go. */
export async function runImportJob(job: ImportJob): Promise<ImportAnswer> {
  let result: Awaited<ReturnType<typeof importText>>;
  try {
    result = await importText(job.text, job.fileName, {
      from: job.from,
      schemaReference: job.schemaReference,
    });
  } catch (error) {
    return failure(
      job.fileName,
      "unreadable",
      `the importer gave up on this file: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!result.ok) return result;
  const { map, yaml, report, format } = result.value;
  return {
    ok: true,
    value: {
      format: format.id,
      title: map.title,
      source: yaml,
      report,
      counts: { claims: map.claims.length, relations: map.relations.length, cards: map.evidence.length },
    },
  };
}

/** A failed answer with one problem about the whole file. */
export function failure(file: string, code: Problem["code"], message: string): ImportAnswer {
  return { ok: false, problems: [{ code, file, line: 1, col: 1, path: "", message }] };
}

/** Small files of every format the importers read, run once so their modules are loaded and their code is warm. */
const WARM_UP: { name: string; text: string }[] = [
  {
    name: "warm.txt",
    text: "Discussion Title: Warm\n\n1. Thesis.\n1.1. Pro: A [reason](https://example.org).\n1.2. Con: -> See 1.1.\n",
  },
  {
    name: "warm.argdown",
    text: '===\ntitle: Warm\n===\n\n# Part\n\n[T]: Thesis. #tag\n  + <A>: A reason. {source: "Doe 2020"}\n  - [B]: An objection.\n\n<C>\n\n(1) P.\n----\n(2) Q.\n',
  },
  {
    name: "warm.json",
    text: JSON.stringify({
      nodes: [
        { nodeID: "1", text: "Thesis.", type: "I" },
        { nodeID: "2", text: "A reason.", type: "I" },
        { nodeID: "3", text: "Default Inference", type: "RA" },
        { nodeID: "4", text: "Speaker: a reason", type: "L" },
      ],
      edges: [
        { edgeID: "1", fromID: "2", toID: "3" },
        { edgeID: "2", fromID: "3", toID: "1" },
      ],
    }),
  },
  {
    name: "warm.yaml",
    text: "version: 1\ntitle: Warm\ntheses: [t]\nclaims:\n  t:\n    text: Thesis.\n  r:\n    text: A reason.\n    supports: t\n",
  },
];

/** A Kialo discussion and an AIF map of a few hundred claims: big enough for the engine to optimise the hot code. */
function mediumFiles(claims: number): { name: string; text: string }[] {
  const kialo = ["Discussion Title: Warm", "", "1. Thesis of the warm-up."];
  const nodes: { nodeID: string; text: string; type: string }[] = [
    { nodeID: "0", text: "Thesis.", type: "I" },
  ];
  const edges: { edgeID: string; fromID: string; toID: string }[] = [];
  const children = new Map<string, number>();
  for (let i = 1; i < claims; i++) {
    const parent = i < 10 ? "1" : `1.${1 + (i % 9)}`;
    const n = (children.get(parent) ?? 0) + 1;
    children.set(parent, n);
    kialo.push(
      `${parent}.${n}. ${i % 3 ? "Pro" : "Con"}: Reason number ${i} of the warm-up, with a few words.`,
    );
    const claim = String(2 * i);
    const link = String(2 * i + 1);
    nodes.push({ nodeID: claim, text: `Claim ${i} of the warm-up.`, type: "I" });
    nodes.push({
      nodeID: link,
      text: i % 3 ? "Default Inference" : "Default Conflict",
      type: i % 3 ? "RA" : "CA",
    });
    edges.push(
      { edgeID: `${i}a`, fromID: claim, toID: link },
      { edgeID: `${i}b`, fromID: link, toID: String(2 * Math.floor(i / 2)) },
    );
  }
  return [
    { name: "warm-medium.txt", text: `${kialo.join("\n")}\n` },
    { name: "warm-medium.json", text: JSON.stringify({ nodes, edges }) },
  ];
}

/**
 * Loads every importer and runs each on a small file, then the two commonest on files of a few
 * hundred claims, so the first real import pays neither for loading nor for unoptimised code.
 */
export async function warmImporters(): Promise<ImportAnswer[]> {
  const answers: ImportAnswer[] = [];
  for (const file of [...WARM_UP, ...mediumFiles(300)]) {
    answers.push(await runImportJob({ text: file.text, fileName: file.name, schemaReference: null }));
  }
  return answers;
}
