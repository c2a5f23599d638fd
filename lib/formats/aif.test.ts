import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bigAif } from "../../tests/bench/big-files";
import { randomMap } from "../layout/random-map";
import type { ArgumentMap } from "../model/schema";
import { detect, parse, serialize } from "./aif";
import { parseArgumentSource, serializeNewSource } from "./argument-file";

const SAMPLE = path.resolve(__dirname, "../../../shared/samples/aif/russia-iran.json");
const BUNDLED = path.resolve(__dirname, "../../arguments/russia-iran.yaml");

function imported(text: string, file = "corpus.json"): { map: ArgumentMap; report: string[] } {
  const result = parse(text, file);
  if (!result.ok)
    throw new Error(result.problems.map((p) => `${p.line}:${p.col} ${p.path} ${p.message}`).join("\n"));
  return result.value;
}

/** Relations by their ends, an undercut's target written as the link it attacks: ids may differ, meaning may not. */
function links(map: ArgumentMap, by: "id" | "text" = "id"): string[] {
  const relations = new Map(map.relations.map((r) => [r.id, r]));
  const name = new Map(map.claims.map((c) => [c.id, by === "id" ? c.id : c.text]));
  const end = (id: string): string => {
    const r = relations.get(id);
    return r ? `(${end(r.from)} ${r.type} ${end(r.to)})` : (name.get(id) ?? id);
  };
  return map.relations.map((r) => `${end(r.from)} ${r.type} ${end(r.to)}`).sort();
}

const node = (nodeID: string | number, type: string, text = type) => ({ nodeID, type, text });
const edge = (edgeID: number, fromID: string | number, toID: string | number) => ({ edgeID, fromID, toID });

const SMALL = {
  nodes: [
    node("1", "I", "Uniforms should be required"),
    node("2", "I", "They reduce bullying"),
    node("3", "I", "They cost parents money"),
    node("4", "I", "Bullying moves online"),
    node("5", "I", "Schools can lend them"),
    node("10", "RA", "Default Inference"),
    node("11", "CA", "Default Conflict"),
    node("12", "CA", "Default Conflict"),
    node("13", "CA", "Default Conflict"),
    node("20", "L", "Ann: they reduce bullying"),
    node("21", "YA", "Asserting"),
    node("22", "TA", "Default Transition"),
    node("23", "MA", "Default Rephrase"),
  ],
  edges: [
    edge(1, "2", "10"),
    edge(2, "10", "1"),
    edge(3, "3", "11"),
    edge(4, "11", "1"),
    edge(5, "4", "12"),
    edge(6, "12", "10"),
    edge(7, "5", "13"),
    edge(8, "13", "11"),
    edge(9, "20", "21"),
    edge(10, "21", "2"),
    edge(11, "20", "22"),
    edge(12, "2", "23"),
    edge(13, "23", "4"),
  ],
  locutions: [{ nodeID: "20", personID: "1" }],
};

describe("import", () => {
  it("makes I-nodes claims, RA supports, CA attacks and a CA into an RA or CA an undercut", () => {
    const { map, report } = imported(JSON.stringify(SMALL));
    expect(map.claims.map((c) => c.text)).toEqual([
      "Uniforms should be required",
      "They reduce bullying",
      "They cost parents money",
      "Bullying moves online",
      "Schools can lend them",
    ]);
    expect(links(map, "text")).toEqual(
      [
        "They reduce bullying support Uniforms should be required",
        "They cost parents money attack Uniforms should be required",
        "Bullying moves online attack (They reduce bullying support Uniforms should be required)",
        "Schools can lend them attack (They cost parents money attack Uniforms should be required)",
      ].sort(),
    );
    expect(map.claims[1].notes).toBe("AIF node 2");
    expect(map.claims.map((c) => c.side)).toEqual(["aff", "aff", "neg", "neg", "aff"]);
    expect(report).toContain("3 dialogue nodes skipped (L 1, YA 1, TA 1)");
    expect(report).toContain("1 other node skipped (MA 1)");
    expect(report).toContain("1 locution (who said what) not kept");
  });

  it("reads OVA3's wrapper and xAIF, numeric node ids included", () => {
    const ova = { AIF: SMALL, text: "<span>analysed text</span>", OVA: { nodes: [], edges: [] } };
    expect(imported(JSON.stringify(ova)).map.claims).toHaveLength(5);
    const numeric = {
      AIF: {
        nodes: [node(1, "I", "A"), node(2, "I", "B"), node(3, "RA")],
        edges: [edge(1, 2, 3), edge(2, 3, 1)],
        schemefulfillments: [],
        descriptorfulfillments: [],
      },
      text: { txt: "" },
      dialog: true,
    };
    expect(links(imported(JSON.stringify(numeric)).map, "text")).toEqual(["B support A"]);
  });

  it("gives an RA with several premises one support per premise", () => {
    const text = JSON.stringify({
      nodes: [node("1", "I", "C"), node("2", "I", "P1"), node("3", "I", "P2"), node("9", "RA")],
      edges: [edge(1, "2", "9"), edge(2, "3", "9"), edge(3, "9", "1")],
    });
    expect(links(imported(text).map, "text")).toEqual(["P1 support C", "P2 support C"]);
  });

  it("imports a 1,400-node corpus map with its dialogue layer counted", () => {
    const big = bigAif(1400);
    const { map, report } = imported(big.text);
    expect(map.claims).toHaveLength(big.counts.I);
    expect(report.join("\n")).toContain(
      `${big.counts.L + big.counts.YA + big.counts.TA} dialogue nodes skipped (L ${big.counts.L}, YA ${big.counts.YA}, TA ${big.counts.TA})`,
    );
    expect(parseArgumentSource(serializeNewSource(map, "yaml"), "big.yaml").ok).toBe(true);
  });

  it("detects AIF by its nodes, edges and nodeID keys", () => {
    expect(detect(JSON.stringify(SMALL))).toBe(true);
    expect(detect('{"version": 1, "claims": []}')).toBe(false);
    expect(detect("1. Thesis")).toBe(false);
  });
});

describe("export", () => {
  it("writes OVA3's wrapper with I, RA and CA nodes, default schemes and cards in extra keys", () => {
    const map = randomMap(5, { claims: 30, theses: 2, undercuts: 0.1, cards: 0.3 });
    const out = JSON.parse(serialize(map, {}));
    expect(Object.keys(out)).toEqual(["AIF", "text", "OVA", "clashmap"]);
    const types = out.AIF.nodes.map((n: { type: string }) => n.type);
    expect(types.filter((t: string) => t === "I")).toHaveLength(30);
    expect(types.filter((t: string) => t === "RA")).toHaveLength(
      map.relations.filter((r) => r.type === "support").length,
    );
    const ra = out.AIF.nodes.find((n: { type: string }) => n.type === "RA");
    expect(ra).toMatchObject({ text: "Default Inference", scheme: "Default Inference" });
    const ca = out.AIF.nodes.find((n: { type: string }) => n.type === "CA");
    expect(ca).toMatchObject({ text: "Default Conflict", scheme: "Default Conflict" });
    expect(out.clashmap.evidence).toHaveLength(map.evidence.length);
    expect(out.OVA.nodes).toHaveLength(out.AIF.nodes.length);
  });

  it("aims an undercut's CA at the RA of the link it attacks", () => {
    const map: ArgumentMap = {
      version: 1,
      title: "U",
      theses: ["a"],
      claims: [
        { id: "a", text: "A", side: "aff" },
        { id: "b", text: "B", side: "aff" },
        { id: "c", text: "C", side: "neg" },
      ],
      relations: [
        { id: "b-supports-a", from: "b", to: "a", type: "support" },
        { id: "c-attacks-b-supports-a", from: "c", to: "b-supports-a", type: "attack" },
      ],
      evidence: [],
    };
    const out = JSON.parse(serialize(map, {}));
    const byText = (t: string) => out.AIF.nodes.find((n: { text: string }) => n.text === t).nodeID;
    const ra = out.AIF.nodes.find((n: { type: string }) => n.type === "RA").nodeID;
    const ca = out.AIF.nodes.find((n: { type: string }) => n.type === "CA").nodeID;
    const pairs = out.AIF.edges.map((e: { fromID: string; toID: string }) => `${e.fromID}>${e.toID}`);
    expect(pairs).toEqual([
      `${byText("B")}>${ra}`,
      `${ra}>${byText("A")}`,
      `${byText("C")}>${ca}`,
      `${ca}>${ra}`,
    ]);
  });

  it("writes only the chosen claim's subtree when asked", () => {
    const map = randomMap(8, { claims: 40, theses: 2 });
    const out = JSON.parse(serialize(map, { claimId: map.theses[1] }));
    expect(out.AIF.nodes.filter((n: { type: string }) => n.type === "I").length).toBeLessThan(40);
  });
});

describe("round trip", () => {
  it("our map → AIF → import gives the same claims and the same relations (types and endpoints)", () => {
    for (const seed of [1, 2, 3]) {
      const map = randomMap(seed, {
        claims: 120,
        theses: 3,
        extraTargets: 0.05,
        undercuts: 0.08,
        cards: 0.3,
      });
      const back = imported(serialize(map, {}), "round.json").map;
      expect(back.claims.map((c) => [c.id, c.text, c.side])).toEqual(
        map.claims.map((c) => [c.id, c.text, c.side]),
      );
      expect(links(back)).toEqual(links(map));
      expect(back.relations.map((r) => r.id).sort()).toEqual(map.relations.map((r) => r.id).sort());
      expect(back.evidence.map((e) => e.id).sort()).toEqual(map.evidence.map((e) => e.id).sort());
    }
  });

  it.skipIf(!existsSync(BUNDLED))(
    "keeps the bundled Russia–Iran map's cards on their claims and links",
    () => {
      const source = parseArgumentSource(readFileSync(BUNDLED, "utf8"), "russia-iran.yaml");
      if (!source.ok) throw new Error("the bundled map does not load");
      const map = source.value.map;
      const back = imported(serialize(map, {}), "round.json").map;
      expect(links(back)).toEqual(links(map));
      expect(back.evidence).toEqual(
        expect.arrayContaining(map.evidence.map((e) => expect.objectContaining(e))),
      );
      const evidenceOf = (m: ArgumentMap) => m.relations.map((r) => `${r.id} ${r.evidence ?? []}`).sort();
      expect(evidenceOf(back)).toEqual(evidenceOf(map));
    },
  );
});

describe("errors", () => {
  it("bad JSON is an error at its line and column", () => {
    const result = parse('{\n  "nodes": [\n    { "nodeID": "1", "type": "I" },,\n  ]\n}', "bad.json");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ file: "bad.json", line: 3, col: 36 });
    expect(result.problems[0].message).toMatch(/^JSON syntax/);
  });

  it("a truncated file is an error at its end", () => {
    const text = JSON.stringify(SMALL, null, 2);
    const result = parse(text.slice(0, text.length / 2), "cut.json");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toMatch(/^JSON syntax/);
  });

  it("an edge to a node that is not there (a dangling reference) names its JSON path and line", () => {
    const text = JSON.stringify(
      { AIF: { nodes: [node("1", "I", "A")], edges: [edge(1, "1", "99")] } },
      null,
      2,
    );
    const result = parse(text, "dangling.json");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        code: "reference",
        file: "dangling.json",
        line: 14,
        col: 17,
        path: "AIF.edges[0].toID",
        message: 'no node has nodeID "99"',
      },
    ]);
  });

  it("the wrong nesting, a node without a type and a duplicate id each name their path", () => {
    const flat = parse(JSON.stringify({ AIF: { nodes: {}, edges: [] } }), "flat.json");
    expect(flat.ok).toBe(false);
    if (!flat.ok)
      expect(flat.problems[0]).toMatchObject({ path: "AIF", message: expect.stringMatching(/nodes/) });
    const text = JSON.stringify(
      { nodes: [{ nodeID: "1", text: "A" }, node("2", "I"), node("2", "I")], edges: [] },
      null,
      1,
    );
    const result = parse(text, "nodes.json");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.line} ${p.path} ${p.message}`)).toEqual([
      "3 nodes[0].type missing (expected string)",
      '13 nodes[2].nodeID duplicate nodeID "2"',
    ]);
  });

  it("JSON nested thousands deep is refused before it is parsed", () => {
    const result = parse(`${"[".repeat(5000)}${"]".repeat(5000)}`, "deep.json");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toBe("JSON nested deeper than 64 levels");
  });
});

describe("the shared sample", () => {
  it.skipIf(!existsSync(SAMPLE))("imports with the counts its README gives", () => {
    const { map, report } = imported(readFileSync(SAMPLE, "utf8"), "russia-iran.json");
    expect(map.claims).toHaveLength(6);
    const ids = new Set(map.relations.map((r) => r.id));
    expect(map.relations.filter((r) => r.type === "support")).toHaveLength(2);
    expect(map.relations.filter((r) => r.type === "attack")).toHaveLength(3);
    const undercuts = map.relations.filter((r) => ids.has(r.to));
    expect(undercuts).toHaveLength(1);
    expect(links(map, "text")).toContain(
      "European countries also find halting investment in Iran impractical. attack (China and India hide behind Russia at the UN and refrain from sanctions. support Iran cannot be politically and economically isolated without Russia fully cooperating.)",
    );
    expect(report).toContain("2 dialogue nodes skipped (L 1, YA 1)");
  });
});
