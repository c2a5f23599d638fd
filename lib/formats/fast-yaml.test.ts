import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { generateMap } from "../bench/generate";
import { parseArgumentSource, serializeNewSource } from "./argument-file";
import { readPlainYaml } from "./fast-yaml";

/** What the full parser reads, or undefined when it reports any problem (duplicate keys included). */
function full(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  return doc.toJS();
}

/** The fast reader either gives up or reads exactly what the full parser reads. */
const tally = { read: 0, gaveUp: 0 };

function agrees(text: string): boolean {
  const fast = readPlainYaml(text);
  if (fast === undefined) {
    tally.gaveUp++;
    return true;
  }
  tally.read++;
  expect(fast.value).toEqual(full(text));
  return true;
}

const SAMPLES = path.join("..", "shared", "samples");

describe("the fast YAML reader", () => {
  it("reads the bundled map and generated maps as the full parser does", () => {
    const files = [path.join("arguments", "russia-iran.yaml")];
    for (const text of [
      ...files.map((f) => readFileSync(f, "utf8")),
      serializeNewSource(generateMap({ claims: 300 }), "yaml"),
    ]) {
      const fast = readPlainYaml(text);
      expect(fast).toBeDefined();
      expect(fast?.value).toEqual(full(text));
    }
  });

  it.skipIf(!existsSync(SAMPLES))("never reads a sample differently from the full parser", () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
      );
    for (const file of walk(SAMPLES).filter((f) => /\.(ya?ml|json)$/.test(f)))
      agrees(readFileSync(file, "utf8"));
  });

  it("records where each claim and card starts and ends", () => {
    const text = [
      "version: 1",
      "title: T",
      "claims:",
      "  # first",
      "  a:",
      "    text: A",
      "    notes: |-",
      "      # a line of the notes",
      "",
      "  # second",
      "  b:",
      "    text: B",
      "    attacks:",
      "      - to: a",
      "        evidence: [k]",
      "evidence:",
      "  k: { }",
      "",
    ].join("\n");
    expect(readPlainYaml(text)).toBeUndefined();
    const fixed = text.replace("  k: { }", "  k:\n    tag: K\n    quote: Q");
    const read = readPlainYaml(fixed);
    const claims = read?.top.find((t) => t.key === "claims");
    expect(claims?.indent).toBe(2);
    expect(claims?.entries?.map((e) => fixed.slice(e.start, e.end))).toEqual([
      "  a:\n    text: A\n    notes: |-\n      # a line of the notes\n",
      "  b:\n    text: B\n    attacks:\n      - to: a\n        evidence: [k]\n",
    ]);
    const evidence = read?.top.find((t) => t.key === "evidence");
    expect(evidence?.entries?.map((e) => fixed.slice(e.start, e.end))).toEqual([
      "  k:\n    tag: K\n    quote: Q\n",
    ]);
    expect(read?.value).toEqual(full(fixed));
  });

  it("gives up on what it does not read: anchors, tags, flow mappings, multi-line scalars, duplicates", () => {
    for (const text of [
      "a: &x 1\nb: *x\n",
      "a: !!str 1\n",
      "a: { b: c }\n",
      "a: b\n  c\n",
      'a: "b\n  c"\n',
      "a: 1\na: 2\n",
      "a: 1.5\n",
      "a: 0x10\n",
      "a: b: c\n",
      "a:\tb\n",
      "a: b\r\n",
      "--- \na: b\n",
      "a: |+\n  b\n",
      "- a\n",
      "a: b",
    ])
      expect(readPlainYaml(text), JSON.stringify(text)).toBeUndefined();
  });

  const scalarChar = fc.constantFrom(
    ..."ab Z09:#-'\"\\[],{}&*!|>%@`~.?é—\u2028xyz".split(""),
    " #",
    ": ",
    "true",
    "null",
    "12",
    "1.5",
    "0x1",
    "\\n",
    "\\u00e9",
    "\\x4",
  );
  const scalarText = fc.array(scalarChar, { maxLength: 8 }).map((parts) => parts.join(""));
  const key = fc.constantFrom("a", "b", "text", "c-1", "1", "true", "null", "x_y", "evidence", "0o7");
  const indentUnit = fc.constantFrom(1, 2, 3, 4);

  type Tree = string | Tree[] | { [key: string]: Tree };
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalarText,
      fc.array(tie("node"), { maxLength: 3 }),
      fc.dictionary(key, tie("node"), { maxKeys: 3 }),
    ),
  })).node;

  /** Writes a value in one of several styles, some of them wrong on purpose. */
  function write(value: Tree, indent: number, unit: number, style: number[], pos: { k: number }): string[] {
    const next = () => style[pos.k++ % style.length];
    const pad = " ".repeat(indent);
    if (typeof value === "string") {
      switch (next() % 6) {
        case 0:
          return [value];
        case 1:
          return [JSON.stringify(value)];
        case 2:
          return [`'${value.replace(/'/g, "''")}'`];
        case 3:
          return [
            `|${next() % 2 ? "-" : ""}`,
            ...value.split(" ").map((w) => `${pad}${" ".repeat(unit)}${w}`),
          ];
        case 4:
          return [
            `>${next() % 2 ? "-" : ""}`,
            ...value.split(" ").map((w) => `${pad}${" ".repeat(unit)}${w}`),
          ];
        default:
          return [`${value} # note`];
      }
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return ["[]"];
      if (next() % 3 === 0 && value.every((v) => typeof v === "string")) return [`[${value.join(", ")}]`];
      const inner = indent + (next() % 2 ? 0 : unit);
      return [
        "",
        ...value.flatMap((item) => {
          const lines = write(item, inner + 2, unit, style, pos);
          const [first, ...rest] = lines;
          if (first === "") return [`${" ".repeat(inner)}-`, ...rest];
          return [`${" ".repeat(inner)}- ${first}`, ...rest];
        }),
      ];
    }
    const keys = Object.keys(value);
    if (keys.length === 0) return ["{}"];
    const inner = indent + unit;
    return [
      "",
      ...keys.flatMap((k) => {
        const lines = write(value[k], inner, unit, style, pos);
        const [first, ...rest] = lines;
        const extra =
          next() % 7 === 0 ? [`${" ".repeat(next() % 6)}# comment`] : next() % 7 === 1 ? [""] : [];
        return [
          ...extra,
          first === "" ? `${" ".repeat(inner)}${k}:` : `${" ".repeat(inner)}${k}: ${first}`,
          ...rest,
        ];
      }),
    ];
  }

  it("reads a quoted value holding ' #', as the app writes a text with a hash sign", () => {
    for (const text of [
      'a: "New tag #1"\n',
      "a: 'b #c' # a comment\n",
      'a:\n  b: "x # y" # z\n',
      'claims:\n  c1:\n    text: "Point #2: it holds"\n',
    ]) {
      const fast = readPlainYaml(text);
      expect(fast, JSON.stringify(text)).toBeDefined();
      expect(fast?.value).toEqual(full(text));
    }
  });

  it("leaves a file nested thousands deep to the full parser, which places the problem", () => {
    let text = "version: 1\ntitle: Deep\nclaims:\n  a:\n    text: A\nx:\n";
    for (let depth = 1; depth <= 3000; depth++) text += `${" ".repeat(depth)}k:\n`;
    expect(readPlainYaml(text)).toBeUndefined();
    const parsed = parseArgumentSource(text, "deep.yaml");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems[0].code).toBe("syntax");
      expect(parsed.problems[0].line).toBeGreaterThan(1);
    }
  });

  it("keeps the non-ASCII spaces of a one-line list's items, as the full parser does", () => {
    // YAML separates flow items with spaces and tabs only: a no-break or ideographic space is text.
    for (const space of ["\u00a0", "\u3000", "\ufeff", "\u2003"])
      for (const text of [`a: [${space}b]\n`, `a: [b${space}]\n`, `a: [${space}]\n`, `a: [b,${space}c]\n`])
        agrees(text);
  });

  it("agrees with the full parser on generated documents in many styles", () => {
    fc.assert(
      fc.property(
        fc.dictionary(key, tree, { minKeys: 1, maxKeys: 4 }),
        indentUnit,
        fc.array(fc.nat(20), { minLength: 1, maxLength: 12 }),
        (root, unit, style) => {
          const pos = { k: 0 };
          const lines = Object.keys(root).flatMap((k) => {
            const [first, ...rest] = write(root[k], 0, unit, style, pos);
            return [first === "" ? `${k}:` : `${k}: ${first}`, ...rest];
          });
          return agrees(`${lines.join("\n")}\n`);
        },
      ),
      { numRuns: 3000 },
    );
    // The test is only worth something if many of the documents are within the reader's subset.
    expect(tally.read).toBeGreaterThan(250);
  });

  it("agrees with the full parser on scrambled lines", () => {
    const fragment = fc.constantFrom(
      "a:",
      "b: c",
      "  ",
      "- ",
      "-",
      "# x",
      " #y",
      "|",
      ">-",
      '"q"',
      "'s'",
      "[a, b]",
      "[]",
      "{}",
      "text: x",
      ": ",
      "\n",
      "\n  ",
      "\n    ",
      "\n- ",
      "1",
      "true",
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => agrees(`${parts.join("")}\n`)),
      { numRuns: 5000 },
    );
  });
});
