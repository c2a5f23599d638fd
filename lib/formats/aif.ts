import { z } from "zod";
import { plural } from "../model/plural";
import type { ProblemCode } from "../model/problems";
import { indexMap } from "../model/queries";
import { readingOrderIn } from "../model/reading-order";
import { type ArgumentMap, cardSchema, citeSchema, idSchema, sideSchema } from "../model/schema";
import { subtreeMap } from "../model/subtree";
import { MAX_IMPORT_CLAIMS } from "./import-limits";
import type { ExportOptions, ImportResult } from "./index";
import { locateJsonProblems, parseJsonText } from "./json-guard";
import { MapBuilder } from "./map-builder";

type Path = (string | number)[];

const nodeIdSchema = z.union([z.string().min(1), z.number()]).transform(String);

const nodeSchema = z.looseObject({
  nodeID: nodeIdSchema,
  type: z.string().min(1),
  text: z.unknown().optional(),
  scheme: z.unknown().optional(),
});

const edgeSchema = z.looseObject({
  fromID: nodeIdSchema,
  toID: nodeIdSchema,
});

/** What our own export adds to a node, so a round trip keeps ids, sides, notes and cards. */
const nodeExtrasSchema = z
  .object({
    id: idSchema.optional(),
    side: sideSchema.optional(),
    notes: z.string().optional(),
    tags: z.array(z.string()).optional(),
    evidence: z.array(idSchema).optional(),
  })
  .optional()
  .catch(undefined);

const mapExtrasSchema = z
  .object({
    title: z.string().optional(),
    description: z.string().optional(),
    tags: z.array(z.string()).optional(),
    evidence: z.array(cardSchema.extend({ cite: citeSchema.optional() })).optional(),
  })
  .optional()
  .catch(undefined);

/** Node kinds of the dialogue layer (AIF+) and of rephrase and preference: read past, counted. */
const DIALOGUE = new Set(["L", "YA", "TA"]);

type AifNode = z.infer<typeof nodeSchema>;

/**
 * Reads AIF-JSON: bare (AIFdb), in OVA3's `{AIF, text, OVA}` wrapper, or xAIF. I-nodes become
 * claims; an RA makes each premise support each conclusion; a CA makes its source attack its
 * target, and a CA into an RA or CA attacks that inference or conflict (an undercut). L, YA, TA,
 * MA, PA and other nodes are skipped and counted; every claim notes the node it came from.
 */
export function parse(input: string, fileName: string): ImportResult {
  const text = input.replace(/^\uFEFF/, "");
  const json = parseJsonText(text, fileName);
  if (!json.ok) return json;
  const found: { path: Path; message: string; code?: ProblemCode }[] = [];
  const fail = (): ImportResult => ({ ok: false, problems: locateJsonProblems(text, fileName, found) });

  const root = json.value;
  let base: Path = [];
  let graph: unknown = root;
  if (isRecord(root)) {
    const wrapped = isRecord(root.AIF) ? "AIF" : isRecord(root.aif) ? "aif" : undefined;
    if (wrapped) {
      base = [wrapped];
      graph = root[wrapped];
    }
  }
  if (!isRecord(graph) || !Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) {
    found.push({
      path: base,
      message: 'expected AIF: an object with "nodes" and "edges" lists (bare, or inside "AIF")',
    });
    return fail();
  }

  const claimNodes = graph.nodes.filter((n) => isRecord(n) && n.type === "I").length;
  if (claimNodes > MAX_IMPORT_CLAIMS) {
    found.push({
      path: [...base, "nodes"],
      message: `${claimNodes} I-nodes; one import takes at most ${MAX_IMPORT_CLAIMS}`,
      code: "size",
    });
    return fail();
  }
  const nodes = new Map<string, AifNode & { at: number }>();
  graph.nodes.forEach((raw, i) => {
    const parsed = nodeSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        found.push({ path: [...base, "nodes", i, ...issuePath(issue)], message: describeIssue(issue) });
      return;
    }
    if (nodes.has(parsed.data.nodeID)) {
      found.push({
        path: [...base, "nodes", i, "nodeID"],
        message: `duplicate nodeID "${parsed.data.nodeID}"`,
        code: "duplicate",
      });
      return;
    }
    nodes.set(parsed.data.nodeID, { ...parsed.data, at: i });
  });
  const edges: { from: string; to: string }[] = [];
  graph.edges.forEach((raw, i) => {
    const parsed = edgeSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        found.push({ path: [...base, "edges", i, ...issuePath(issue)], message: describeIssue(issue) });
      return;
    }
    for (const end of ["fromID", "toID"] as const) {
      if (!nodes.has(parsed.data[end]))
        found.push({
          path: [...base, "edges", i, end],
          message: `no node has nodeID "${parsed.data[end]}"`,
          code: "reference",
        });
    }
    edges.push({ from: parsed.data.fromID, to: parsed.data.toID });
  });
  if (found.length > 0) return fail();

  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const { from, to } of edges) {
    push(outgoing, from, to);
    push(incoming, to, from);
  }

  const mapExtras = isRecord(root) ? mapExtrasSchema.parse(root.clashmap) : undefined;
  const builder = new MapBuilder();
  const cardIds = new Set<string>();
  for (const { id, ...card } of mapExtras?.evidence ?? []) cardIds.add(builder.addCard(card, card.tag, id));
  const knownCards = (ids: string[] | undefined) => (ids ?? []).filter((id) => cardIds.has(id));

  const claimOf = new Map<string, string>();
  const explicitSides = new Map<string, "aff" | "neg">();
  const kinds = new Map<string, number>();
  let emptyText = 0;
  for (const node of nodes.values()) {
    const type = node.type.toUpperCase();
    if (type !== "I") {
      kinds.set(type, (kinds.get(type) ?? 0) + 1);
      continue;
    }
    const extras = nodeExtrasSchema.parse((node as Record<string, unknown>).clashmap);
    let claimText = typeof node.text === "string" ? node.text : "";
    if (!claimText.trim()) {
      emptyText++;
      claimText = `(I-node ${node.nodeID} has no text)`;
    }
    const id = builder.addClaim(
      claimText,
      {
        id: extras?.id,
        notes: [extras?.notes, `AIF node ${node.nodeID}`].filter(Boolean).join("\n\n"),
        tags: extras?.tags,
        evidence: knownCards(extras?.evidence),
      },
      `node-${node.nodeID}`,
    );
    if (extras?.side) explicitSides.set(id, extras.side);
    claimOf.set(node.nodeID, id);
  }

  const isI = (id: string) => claimOf.has(id);
  const links = new Map<string, string[]>();
  let incomplete = 0;
  let namedSchemes = 0;
  for (const node of nodes.values()) {
    if (node.type.toUpperCase() !== "RA") continue;
    if (typeof node.scheme === "string" && node.scheme && !/default inference/i.test(node.scheme))
      namedSchemes++;
    const extras = nodeExtrasSchema.parse((node as Record<string, unknown>).clashmap);
    const premises = (incoming.get(node.nodeID) ?? []).filter(isI);
    const conclusions = (outgoing.get(node.nodeID) ?? []).filter(isI);
    const made: string[] = [];
    for (const conclusion of conclusions) {
      for (const premise of premises) {
        const single = premises.length === 1 && conclusions.length === 1;
        const id = builder.addRelation(
          claimOf.get(premise)!,
          "support",
          claimOf.get(conclusion)!,
          single ? extras?.id : undefined,
        );
        if (id) {
          made.push(id);
          builder.attachRelationEvidence(id, knownCards(extras?.evidence));
        }
      }
    }
    if (made.length === 0) incomplete++;
    links.set(node.nodeID, made);
  }

  // A CA can attack another CA, so conflicts are resolved in passes until none is left waiting.
  const conflicts = [...nodes.values()].filter((n) => n.type.toUpperCase() === "CA");
  let undercutsOfShared = 0;
  let pending = conflicts;
  for (let pass = 0; pending.length > 0 && pass <= conflicts.length; pass++) {
    const waiting: typeof pending = [];
    for (const node of pending) {
      if (typeof node.scheme === "string" && node.scheme && !/default conflict/i.test(node.scheme))
        namedSchemes++;
      const targets = outgoing.get(node.nodeID) ?? [];
      if (targets.some((t) => nodes.get(t)?.type.toUpperCase() === "CA" && !links.has(t))) {
        waiting.push(node);
        continue;
      }
      const extras = nodeExtrasSchema.parse((node as Record<string, unknown>).clashmap);
      const attackers = (incoming.get(node.nodeID) ?? []).filter(isI);
      const made: string[] = [];
      for (const target of targets) {
        const kind = nodes.get(target)?.type.toUpperCase();
        const to = isI(target)
          ? claimOf.get(target)
          : kind === "RA" || kind === "CA"
            ? links.get(target)?.[0]
            : undefined;
        if (!to) continue;
        if ((links.get(target)?.length ?? 0) > 1) undercutsOfShared++;
        for (const attacker of attackers) {
          const single = attackers.length === 1 && targets.length === 1;
          const id = builder.addRelation(
            claimOf.get(attacker)!,
            "attack",
            to,
            single ? extras?.id : undefined,
          );
          if (id) {
            made.push(id);
            builder.attachRelationEvidence(id, knownCards(extras?.evidence));
          }
        }
      }
      if (made.length === 0) incomplete++;
      links.set(node.nodeID, made);
    }
    pending = waiting;
  }
  incomplete += pending.length;

  let edgesSkipped = 0;
  for (const { from, to } of edges) {
    const a = nodes.get(from)?.type.toUpperCase();
    const b = nodes.get(to)?.type.toUpperCase();
    const kept = (k?: string) => k === "I" || k === "RA" || k === "CA";
    if (!kept(a) || !kept(b)) edgesSkipped++;
  }

  const stem = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const map = builder.build(
    {
      title: mapExtras?.title ?? (isRecord(root) && typeof root.title === "string" ? root.title : stem),
      description: mapExtras?.description,
      tags: mapExtras?.tags,
    },
    explicitSides,
  );

  const report = builder.summary();
  report.push(
    `${plural(claimOf.size, "I-node")}, ${plural(kinds.get("RA") ?? 0, "RA node")} and ${plural(kinds.get("CA") ?? 0, "CA node")} read`,
  );
  const dialogue = [...kinds].filter(([k]) => DIALOGUE.has(k));
  const dialogueCount = dialogue.reduce((n, [, c]) => n + c, 0);
  if (dialogueCount > 0) {
    report.push(
      `${plural(dialogueCount, "dialogue node")} skipped (${dialogue.map(([k, c]) => `${k} ${c}`).join(", ")})`,
    );
  }
  const other = [...kinds].filter(([k]) => !DIALOGUE.has(k) && k !== "RA" && k !== "CA");
  if (other.length > 0) {
    const count = other.reduce((n, [, c]) => n + c, 0);
    report.push(`${plural(count, "other node")} skipped (${other.map(([k, c]) => `${k} ${c}`).join(", ")})`);
  }
  if (edgesSkipped > 0) report.push(`${plural(edgesSkipped, "edge")} to or from skipped nodes left out`);
  if (incomplete > 0) report.push(`${plural(incomplete, "RA or CA node")} without both ends left out`);
  if (undercutsOfShared > 0)
    report.push(
      `${plural(undercutsOfShared, "undercut")} of an inference with several premises attached to its first premise's link`,
    );
  if (namedSchemes > 0) report.push(`${plural(namedSchemes, "argumentation scheme name")} not kept`);
  if (emptyText > 0) report.push(`${plural(emptyText, "I-node")} without text given a placeholder`);
  if (isRecord(graph) && Array.isArray(graph.locutions) && graph.locutions.length > 0)
    report.push(`${plural(graph.locutions.length, "locution")} (who said what) not kept`);
  return { ok: true, value: { map, report } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function push(into: Map<string, string[]>, key: string, value: string): void {
  const list = into.get(key);
  if (list) list.push(value);
  else into.set(key, [value]);
}

function issuePath(issue: z.core.$ZodIssue): Path {
  return issue.path.filter((p): p is string | number => typeof p !== "symbol");
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type")
    return issue.input === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}`;
  if (issue.code === "invalid_union") return "expected a string or a number";
  return issue.message;
}

/** JSON with AIF's `nodes` and `edges`, bare or wrapped, and AIF's `nodeID` keys. */
export function detect(input: string): boolean {
  const head = input.replace(/^\uFEFF/, "").trimStart();
  if (!head.startsWith("{")) return false;
  return /"nodes"\s*:/.test(input) && /"edges"\s*:/.test(input) && /"nodeID"\s*:/.test(input);
}

// Export

/**
 * The map as AIF-JSON in OVA3's wrapper: an I-node per claim, an RA ("Default Inference") per
 * support, a CA ("Default Conflict") per attack, aimed at the RA or CA of the relation it
 * undercuts. Cards, ids and sides ride in `clashmap` keys, which AIF tools ignore.
 */
export function serialize(map: ArgumentMap, options: ExportOptions): string {
  const chosen = options.claimId ? subtreeMap(map, options.claimId) : map;
  const index = indexMap(chosen);
  const nodes: Record<string, unknown>[] = [];
  const edges: { edgeID: string; fromID: string; toID: string; formEdgeID: null }[] = [];
  const nodeOf = new Map<string, string>();
  let next = 1;
  for (const claim of chosen.claims) {
    const nodeID = String(next++);
    nodeOf.set(claim.id, nodeID);
    const extras: Record<string, unknown> = { id: claim.id, side: claim.side };
    if (claim.notes) extras.notes = claim.notes;
    if (claim.tags?.length) extras.tags = claim.tags;
    if (claim.evidence?.length) extras.evidence = claim.evidence;
    nodes.push({ nodeID, text: claim.text, type: "I", timestamp: "", clashmap: extras });
  }
  for (const relation of chosen.relations) nodeOf.set(relation.id, String(next++));
  const edge = (fromID: string, toID: string) =>
    edges.push({ edgeID: String(edges.length + 1), fromID, toID, formEdgeID: null });
  for (const relation of chosen.relations) {
    const nodeID = nodeOf.get(relation.id)!;
    const support = relation.type === "support";
    const extras: Record<string, unknown> = { id: relation.id };
    if (relation.evidence?.length) extras.evidence = relation.evidence;
    nodes.push({
      nodeID,
      text: support ? "Default Inference" : "Default Conflict",
      type: support ? "RA" : "CA",
      timestamp: "",
      scheme: support ? "Default Inference" : "Default Conflict",
      schemeID: support ? "72" : "71",
      clashmap: extras,
    });
    const from = nodeOf.get(relation.from);
    const to = nodeOf.get(relation.to);
    if (from && to) {
      edge(from, nodeID);
      edge(nodeID, to);
    }
  }

  // OVA3 draws nodes where its own section places them: the reading order gives each a spot.
  const placed = new Map<string, { x: number; y: number }>();
  readingOrderIn(chosen, index).forEach((step, row) => {
    if (!placed.has(step.claimId)) placed.set(step.claimId, { x: 40 + step.depth * 320, y: 40 + row * 140 });
  });
  const ovaNodes = nodes.map((n, i) => {
    const id = (n.clashmap as { id: string }).id;
    let claimId = id;
    for (let r = index.relations.get(claimId); r; r = index.relations.get(claimId)) claimId = r.from;
    const at = placed.get(claimId) ?? { x: 200, y: 40 + i * 60 };
    return { nodeID: n.nodeID, visible: true, x: at.x + (n.type === "I" ? 0 : 160), y: at.y, timestamp: "" };
  });

  const mapExtras: Record<string, unknown> = { version: 1, title: chosen.title };
  if (chosen.description) mapExtras.description = chosen.description;
  if (chosen.tags?.length) mapExtras.tags = chosen.tags;
  if (chosen.evidence.length) mapExtras.evidence = chosen.evidence;
  const out = {
    AIF: { nodes, edges, locutions: [], participants: [] },
    text: "",
    OVA: {
      firstname: "",
      surname: "",
      url: "",
      nodes: ovaNodes,
      edges: edges.map((e) => ({ fromID: e.fromID, toID: e.toID, visible: true })),
    },
    clashmap: mapExtras,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
