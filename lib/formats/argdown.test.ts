import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin } from "@argdown/core";
import { describe, expect, it } from "vitest";
import { randomMap } from "../layout/random-map";
import type { ArgumentMap } from "../model/schema";
import { detect, escapeArgdown, parse, serialize } from "./argdown";
import { parseArgumentSource, serializeNewSource } from "./argument-file";

const SAMPLES = path.resolve(__dirname, "../../../shared/samples/argdown");
const BUNDLED = path.resolve(__dirname, "../../arguments/russia-iran.yaml");

function imported(text: string, file = "debate.argdown"): { map: ArgumentMap; report: string[] } {
  const result = parse(text, file);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join("\n"));
  return result.value;
}

/** Relations by their ends (an undercut by the link it attacks), named by claim id or text. */
function links(map: ArgumentMap, by: "id" | "text" = "id"): string[] {
  const relations = new Map(map.relations.map((r) => [r.id, r]));
  const name = new Map(map.claims.map((c) => [c.id, by === "id" ? c.id : c.text]));
  const end = (id: string): string => {
    const r = relations.get(id);
    return r ? `(${end(r.from)} ${r.type} ${end(r.to)})` : (name.get(id) ?? id);
  };
  return map.relations.map((r) => `${end(r.from)} ${r.type} ${end(r.to)}`).sort();
}

/** The official parser's own reading: element counts and relation types. */
function official(text: string) {
  const app = new ArgdownApplication();
  app.addPlugin(new ParserPlugin(), "parse-input");
  app.addPlugin(new DataPlugin(), "build-model");
  app.addPlugin(new ModelPlugin(), "build-model");
  const response = app.run({ input: text, process: ["parse-input", "build-model"], logLevel: "none" }) as {
    statements: Record<string, { members: { text?: string; isReference?: boolean }[]; data?: unknown }>;
    arguments: Record<string, { members: { text?: string; isReference?: boolean }[] }>;
    relations: { relationType: string }[];
    parserErrors: unknown[];
    lexerErrors: unknown[];
  };
  const types: Record<string, number> = {};
  for (const r of response.relations) types[r.relationType] = (types[r.relationType] ?? 0) + 1;
  const texts = [...Object.values(response.statements), ...Object.values(response.arguments)].map(
    (e) => e.members.find((m) => !m.isReference && m.text?.trim())?.text?.trim() ?? "",
  );
  return { response, types, texts, errors: response.parserErrors.length + response.lexerErrors.length };
}

function relationTypes(map: ArgumentMap): Record<string, number> {
  const ids = new Set(map.relations.map((r) => r.id));
  const types: Record<string, number> = {};
  for (const r of map.relations) {
    const type = ids.has(r.to) ? "undercut" : r.type;
    types[type] = (types[type] ?? 0) + 1;
  }
  return types;
}

describe("import", () => {
  it("makes statements and arguments claims, with support, attack and undercut relations", () => {
    const { map } = imported(
      [
        "[T]: Schools should require uniforms.",
        "  + <Bullying>: Uniforms reduce bullying.",
        "    _ [Online]: Bullying moves online.",
        "  - [Cost]: Uniforms cost parents money.",
        "    - [Lend]: Schools can lend them.",
      ].join("\n"),
    );
    expect(map.claims.map((c) => c.text).sort()).toEqual(
      [
        "Schools should require uniforms.",
        "Uniforms reduce bullying.",
        "Bullying moves online.",
        "Uniforms cost parents money.",
        "Schools can lend them.",
      ].sort(),
    );
    expect(links(map, "text")).toEqual(
      [
        "Uniforms reduce bullying. support Schools should require uniforms.",
        "Bullying moves online. attack (Uniforms reduce bullying. support Schools should require uniforms.)",
        "Uniforms cost parents money. attack Schools should require uniforms.",
        "Schools can lend them. attack Uniforms cost parents money.",
      ].sort(),
    );
    expect(map.theses).toEqual(["schools-should-require-uniforms"]);
    expect(map.claims.find((c) => c.text === "Uniforms reduce bullying.")?.notes).toBe("Argdown <Bullying>");
  });

  it("keeps premise–conclusion structures: premises support the argument, the argument its conclusion", () => {
    const { map, report } = imported(
      [
        "[C]: Cars should be banned in cities.",
        "",
        "<Pollution>",
        "",
        "(1) Cars pollute the air.",
        "(2) [Health]: Polluted air harms health.",
        "----",
        "(3) Cars harm health.",
        "(4) What harms health should be banned.",
        "-- modus ponens --",
        "(5) [C]",
        "  _ <Electric>: Electric cars do not pollute.",
      ].join("\n"),
    );
    expect(links(map, "text")).toEqual(
      [
        "Cars pollute the air. support Cars harm health.",
        "Polluted air harms health. support Cars harm health.",
        "Cars harm health. support Pollution",
        "What harms health should be banned. support Pollution",
        "Pollution support Cars should be banned in cities.",
        "Electric cars do not pollute. attack (Pollution support Cars should be banned in cities.)",
      ].sort(),
    );
    expect(report).toContain("5 supports from premise–conclusion structures");
  });

  it("imports a contradiction as two attacks and still finds a thesis", () => {
    const { map, report } = imported("[A]: Taxes should rise.\n  >< [B]: Taxes should fall.\n");
    expect(links(map, "text")).toEqual([
      "Taxes should fall. attack Taxes should rise.",
      "Taxes should rise. attack Taxes should fall.",
    ]);
    expect(map.theses).toHaveLength(1);
    expect(report).toContain("1 contradiction imported as two attacks");
  });

  it("takes supports that only the map's derived edges hold", () => {
    const { map } = imported(
      [
        "<A>",
        "",
        "(1) P.",
        "----",
        "(2) [Shared]: Shared conclusion.",
        "",
        "<B>",
        "",
        "(1) [Shared]",
        "(2) Q.",
        "----",
        "(3) R.",
      ].join("\n"),
    );
    // <A> supports <B> through [Shared], which is A's conclusion and B's premise.
    expect(links(map, "text")).toEqual(
      [
        "P. support A",
        "A support Shared conclusion.",
        "Shared conclusion. support B",
        "Q. support B",
        "B support R.",
      ].sort(),
    );
  });

  it("keeps tags, headings, front matter, links and {yaml} data, with sources as cards", () => {
    const { map, report } = imported(
      [
        "===",
        "title: Uniform debate",
        "subTitle: For class",
        "===",
        "",
        "# Costs",
        "",
        "[Cost]: Uniforms cost money, see [a survey](https://example.org/s). #economy #(parents' view)",
        "  {source: 'Smith, Journal of Schools, 2019, https://example.org/smith', weight: 2}",
        "  - [Lend]: Schools lend them. {cite: {author: Jane Doe, title: Lending uniforms, year: 2021}}",
      ].join("\n"),
    );
    expect(map.title).toBe("Uniform debate");
    expect(map.description).toBe("For class");
    const cost = map.claims.find((c) => c.text.startsWith("Uniforms cost money"));
    expect(cost?.text).toBe("Uniforms cost money, see [a survey](https://example.org/s).");
    expect(cost?.tags).toEqual(["economy", "parents' view", "Costs"]);
    expect(cost?.notes).toContain("weight: 2");
    expect(map.evidence.map((e) => e.cite)).toEqual([
      { note: "Smith, Journal of Schools, 2019", url: "https://example.org/smith" },
      { author: "Jane Doe", title: "Lending uniforms", date: "2021" },
    ]);
    expect(report).toContain("2 sources kept as cards");
    expect(parseArgumentSource(serializeNewSource(map, "yaml"), "x.yaml").ok).toBe(true);
  });

  it("puts a source's sibling url, author and date on the card's cite, not in the notes", () => {
    const { map } = imported(
      [
        "[Cost]: Uniforms cost money.",
        "  {source: 'Smith 2019, Journal of Schools', url: 'https://example.org/smith', author: 'Ann Smith', weight: 2}",
      ].join("\n"),
    );
    expect(map.evidence.map((e) => e.cite)).toEqual([
      { note: "Smith 2019, Journal of Schools", url: "https://example.org/smith", author: "Ann Smith" },
    ]);
    const cost = map.claims.find((c) => c.text === "Uniforms cost money.");
    expect(cost?.notes).toContain("weight: 2");
    expect(cost?.notes).not.toContain("example.org");
    expect(cost?.notes).not.toContain("Ann Smith");
  });

  it("keeps a javascript: link's words only and an http link whole, leaving no stray bracket", () => {
    const { map } = imported(
      "[A]: See [this](javascript:alert(1)) and [that](https://example.org/a_(b)) now.\n",
    );
    expect(map.claims[0].text).toBe("See this and [that](https://example.org/a_(b)) now.");
  });

  it("keeps the front matter's author in the map's description", () => {
    const one = imported(["===", "title: Uniforms", "author: Jane Doe", "===", "", "[A]: Text."].join("\n"));
    expect(one.map.description).toBe("By Jane Doe");
    const several = imported(
      [
        "===",
        "title: Uniforms",
        "subTitle: For class",
        "author:",
        "  - Jane Doe",
        "  - Ann Roe",
        "===",
        "",
        "[A]: Text.",
      ].join("\n"),
    );
    expect(several.map.description).toBe("For class\n\nBy Jane Doe and Ann Roe");
  });

  it("detects Argdown by its definitions, relations or extension", () => {
    expect(detect("[A]: text\n  + [B]: b\n", "x.txt")).toBe(true);
    expect(detect("<A>: text\n", "x")).toBe(true);
    expect(detect("just some prose", "notes.argdown")).toBe(true);
    expect(detect("just some prose", "notes.txt")).toBe(false);
    expect(detect('{"nodes": []}', "x.json")).toBe(false);
  });
});

describe("the shared samples", () => {
  const samples: { file: string; statements: number; arguments: number; types: Record<string, number> }[] = [
    { file: "argdown-primer.argdown", statements: 17, arguments: 4, types: { support: 5, attack: 5 } },
    {
      file: "legalisation-softdrugs.argdown",
      statements: 1,
      arguments: 17,
      types: { support: 9, attack: 8, undercut: 2 },
    },
    { file: "veggie_debate.argdown", statements: 25, arguments: 22, types: { support: 35, attack: 23 } },
  ];
  for (const sample of samples) {
    const file = path.join(SAMPLES, sample.file);
    it.skipIf(!existsSync(file))(`${sample.file} imports with the counts its README gives`, () => {
      const text = readFileSync(file, "utf8");
      const { map, report } = imported(text, sample.file);
      expect(map.claims).toHaveLength(sample.statements + sample.arguments);
      expect(report).toContain(
        `${sample.statements} statement${sample.statements === 1 ? "" : "s"} and ${sample.arguments} arguments read`,
      );
      const ours = relationTypes(map);
      const structural = Number(/(\d+) supports? from premise/.exec(report.join("\n"))?.[1] ?? 0);
      const fromEdges = Number(/(\d+) relations? taken from the map/.exec(report.join("\n"))?.[1] ?? 0);
      expect({
        attack: 0,
        undercut: 0,
        ...ours,
        support: (ours.support ?? 0) - structural - fromEdges,
      }).toEqual({
        undercut: 0,
        ...sample.types,
      });
      expect(parseArgumentSource(serializeNewSource(map, "yaml"), "x.yaml").ok).toBe(true);
    });
  }
});

describe("export", () => {
  it("escapes Argdown's specials so the text parses back as the same text", () => {
    const text =
      "Tags #x, [refs], <args>, {data}, @mentions, *bold* _it_, 50% e.g. U.S. :heart: a//b === c - d + e \\ f";
    expect(escapeArgdown(text)).not.toMatch(/(^|[^\\])[#[\]<>{}@]/);
    const back = official(`[a]: ${escapeArgdown(text)}`);
    expect(back.errors).toBe(0);
    expect(back.texts).toEqual([text]);
  });

  it("writes claims as statements with cards as {yaml} data, and parses with @argdown/core into the same claims and relation types", () => {
    for (const seed of [1, 2]) {
      const map = randomMap(seed, { claims: 80, theses: 2, extraTargets: 0.05, undercuts: 0.08, cards: 0.3 });
      const text = serialize(map, {});
      const back = official(text);
      expect(back.errors).toBe(0);
      expect(back.texts.sort()).toEqual(map.claims.map((c) => c.text).sort());
      expect(back.types).toEqual(relationTypes(map));
      const withCards = map.claims.find((c) => c.evidence?.length);
      if (withCards) {
        const data = back.response.statements[withCards.id]?.data as
          | { cards?: { tag: string }[] }
          | undefined;
        expect(data?.cards?.map((c) => c.tag)).toEqual(
          withCards.evidence?.map((id) => map.evidence.find((e) => e.id === id)?.tag),
        );
      }
    }
  });

  it("writes a markup-laden claim as text", () => {
    const map = randomMap(4, { claims: 3, theses: 1 });
    map.claims[1].text = "</text><script>alert(1)</script> {x} [y]";
    const back = imported(serialize(map, {}));
    expect(back.map.claims.map((c) => c.text)).toContain("</text><script>alert(1)</script> {x} [y]");
  });
});

describe("round trip", () => {
  it("our map → Argdown → import gives the same claims and relations", () => {
    for (const seed of [3, 4, 5]) {
      const map = randomMap(seed, {
        claims: 120,
        theses: 3,
        extraTargets: 0.05,
        undercuts: 0.08,
        cards: 0.3,
      });
      const back = imported(serialize(map, {})).map;
      expect(back.claims.map((c) => [c.id, c.text, c.side]).sort()).toEqual(
        map.claims.map((c) => [c.id, c.text, c.side]).sort(),
      );
      expect(links(back)).toEqual(links(map));
      expect(back.evidence.map((e) => e.id).sort()).toEqual(map.evidence.map((e) => e.id).sort());
    }
  });

  it.skipIf(!existsSync(BUNDLED))("keeps the bundled map's claims, relations, notes and cards", () => {
    const source = parseArgumentSource(readFileSync(BUNDLED, "utf8"), "russia-iran.yaml");
    if (!source.ok) throw new Error("the bundled map does not load");
    const map = source.value.map;
    const back = imported(serialize(map, {})).map;
    expect(links(back)).toEqual(links(map));
    const byId = (m: ArgumentMap) => [...m.claims].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(back)).toEqual(byId(map));
    const evidenceOf = (m: ArgumentMap) => m.relations.map((r) => `${r.id} ${r.evidence ?? []}`).sort();
    expect(evidenceOf(back)).toEqual(evidenceOf(map));
  });
});

describe("errors", () => {
  const problemsOf = (text: string) => {
    const result = parse(text, "bad.argdown");
    if (result.ok) throw new Error("expected problems");
    return result.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.message}`);
  };

  it("front matter that is never closed (a truncated file) is an error at its start", () => {
    expect(problemsOf("===\ntitle: Cut off\n\n[A]: text\n")).toEqual([
      "bad.argdown:1:1 the front matter that starts here is never closed with ===",
    ]);
  });

  it("a premise–conclusion structure cut off after its inference line is a syntax error at its line", () => {
    expect(problemsOf("<A>\n\n(1) P.\n----\n")[0]).toMatch(/^bad\.argdown:4:\d+ Argdown syntax: /);
  });

  it("wrong nesting is a syntax error at its line", () => {
    expect(problemsOf("[A]: text\n      + [B]: b\n  - [C]: c\n")[0]).toMatch(
      /^bad\.argdown:3:1 Argdown syntax: /,
    );
  });

  it("a reference to a statement or argument never defined (dangling) is an error where it is used", () => {
    expect(problemsOf("[A]: text\n  + [Undefined]\n  - <Nope>\n")).toEqual([
      "bad.argdown:2:5 [Undefined] is referred to but never defined",
      "bad.argdown:3:5 <Nope> is referred to but never defined",
    ]);
  });

  it("a YAML alias bomb in {data} is refused before the parser expands it", () => {
    const levels = ["a: &a [x,x,x,x,x,x,x,x,x]"];
    for (const [i, name] of ["b", "c", "d", "e", "f", "g"].entries()) {
      const prev = "abcdef"[i];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    expect(problemsOf(`[A]: text {${levels.join(", ")}}\n`)[0]).toMatch(/refused as an alias bomb$/);
  });

  it("indentation thousands deep is refused before it is parsed", () => {
    expect(problemsOf(`[A]: a\n${" ".repeat(5000)}+ [B]: b\n`)).toEqual([
      "bad.argdown:2:1 indented deeper than 400 characters",
    ]);
  });
  it("a file with a syntax error in every group stops after the first few errors (the parser's recovery would take minutes)", () => {
    const groups = Array.from({ length: 200 }, (_, i) => `[S${i}]: s\n  + [T${i}]: t\n  - [U${i}]: u`);
    const problems = problemsOf(`${groups.join("\n")}\n`);
    expect(problems[0]).toMatch(/^bad\.argdown:4:1 Argdown syntax: /);
    expect(problems.length).toBeLessThanOrEqual(25);
    expect(problems.at(-1)).toMatch(/stopped after 20 syntax errors/);
  });
});
