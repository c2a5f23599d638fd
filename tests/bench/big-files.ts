// Large, messy import files made on the fly for the benchmark and the tests: a Kialo discussion
// export and an AIF corpus map of the sizes real ones reach, with their quirks.

/** A small seeded generator (mulberry32), so every run makes the same file. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  "schools uniforms students bullying cost parents freedom expression discipline safety equality teachers budget policy research evidence studies shows suggests however because therefore rarely often".split(
    " ",
  );

function sentence(random: () => number, n: number, i: number): string {
  const words = Array.from(
    { length: 6 + Math.floor(random() * n) },
    () => WORDS[Math.floor(random() * WORDS.length)],
  );
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(" ")} (point ${i}).`;
}

/**
 * A Kialo discussion export with `claims` numbered claims (one of them the thesis), in CRLF:
 * Pro and Con children, multi-line claims, escaped brackets, Markdown links, a few claims without
 * a stance, and `-> See` links to claims elsewhere in the tree (which are not claims of their own).
 */
export function bigKialo(claims = 1000, seed = 7): { text: string; claims: number; sees: number } {
  const random = seeded(seed);
  const lines = [
    "Discussion Title: Should schools require uniforms?",
    "",
    "1. Schools should require uniforms.",
  ];
  const paths = ["1"];
  const childCount = new Map<string, number>();
  let sees = 0;
  let made = 1;
  while (made < claims) {
    const parent = paths[Math.floor(random() ** 0.7 * paths.length)];
    const n = (childCount.get(parent) ?? 0) + 1;
    childCount.set(parent, n);
    const path = `${parent}.${n}`;
    const stance = random() < 0.02 ? "" : random() < 0.55 ? "Pro: " : "Con: ";
    if (paths.length > 20 && random() < 0.04) {
      const target = paths[1 + Math.floor(random() * (paths.length - 1))];
      if (target !== parent && !target.startsWith(`${path}.`)) {
        lines.push(`${path}. ${stance || "Con: "}-> See ${target}.`);
        sees++;
        continue;
      }
    }
    let text = sentence(random, 14, made);
    const roll = random();
    if (roll < 0.1) text = `${text}\n${sentence(random, 10, made)}`;
    else if (roll < 0.15) text = `${text} \\(see the survey\\) \\[1\\]`;
    else if (roll < 0.2) text = `${text} [A study](https://example.org/study/${made}) agrees.`;
    lines.push(`${path}. ${stance}${text}`);
    paths.push(path);
    made++;
  }
  return { text: `${lines.join("\r\n")}\r\n`, claims: made, sees };
}

/**
 * An AIF corpus map in AIFdb's bare form with about `nodes` nodes: I-nodes with RA (one or two
 * premises) and CA nodes between them, some undercuts, and the dialogue layer real corpora carry
 * (L, YA and TA nodes, locutions), plus a few MA nodes.
 */
export function bigAif(nodes = 1400, seed = 11): { text: string; counts: Record<string, number> } {
  const random = seeded(seed);
  const out: { nodeID: string; text: string; type: string; timestamp: string; scheme?: string }[] = [];
  const edges: { edgeID: string; fromID: string; toID: string; formEdgeID: null }[] = [];
  const locutions: { nodeID: string; personID: string; timestamp: string }[] = [];
  const counts: Record<string, number> = {};
  let next = 1000;
  const add = (type: string, text: string, scheme?: string) => {
    const nodeID = String(next++);
    out.push({ nodeID, text, type, timestamp: "2019-03-01 10:00:00", ...(scheme ? { scheme } : {}) });
    counts[type] = (counts[type] ?? 0) + 1;
    return nodeID;
  };
  const edge = (fromID: string, toID: string) =>
    edges.push({ edgeID: String(edges.length + 1), fromID, toID, formEdgeID: null });
  const claims: string[] = [add("I", sentence(random, 12, 0))];
  const inferences: string[] = [];
  while (out.length < nodes) {
    const target = claims[Math.floor(random() * claims.length)];
    const i = add("I", sentence(random, 12, claims.length));
    const roll = random();
    if (roll < 0.55) {
      const ra = add(
        "RA",
        "Default Inference",
        random() < 0.2 ? "Argument From Expert Opinion" : "Default Inference",
      );
      edge(i, ra);
      if (random() < 0.2 && claims.length > 2) edge(claims[Math.floor(random() * claims.length)], ra);
      edge(ra, target);
      inferences.push(ra);
    } else if (roll < 0.9 || inferences.length === 0) {
      const ca = add("CA", "Default Conflict", "Default Conflict");
      edge(i, ca);
      edge(ca, target);
    } else {
      const ca = add("CA", "Default Conflict", "Default Conflict");
      edge(i, ca);
      edge(ca, inferences[Math.floor(random() * inferences.length)]);
    }
    claims.push(i);
    const l = add("L", `Speaker ${1 + Math.floor(random() * 4)}: ${out.find((n) => n.nodeID === i)?.text}`);
    locutions.push({
      nodeID: l,
      personID: String(1 + Math.floor(random() * 4)),
      timestamp: "2019-03-01 10:00:00",
    });
    const ya = add("YA", "Asserting", "Asserting");
    edge(l, ya);
    edge(ya, i);
    if (random() < 0.3) {
      const ta = add("TA", "Default Transition", "Default Transition");
      edge(l, ta);
    }
    if (random() < 0.03) {
      const ma = add("MA", "Default Rephrase", "Default Rephrase");
      edge(i, ma);
      edge(ma, target);
    }
  }
  const participants = [1, 2, 3, 4].map((n) => ({
    participantID: String(n),
    firstname: "Speaker",
    surname: String(n),
  }));
  return { text: JSON.stringify({ nodes: out, edges, locutions, participants }), counts };
}
