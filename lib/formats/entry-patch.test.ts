import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateMap } from "../bench/generate";
import { relationId } from "../model/ids";
import type { ArgumentMap, Claim } from "../model/schema";
import {
  type ParsedSource,
  parseArgumentSource,
  serializeArgumentSource,
  serializeNewSource,
} from "./argument-file";
import { patchEntries } from "./entry-patch";
import { readPlainYaml } from "./fast-yaml";
import { mapToNormalized } from "./normalized-json";

function load(text: string): ParsedSource {
  const parsed = parseArgumentSource(text, "m.yaml", { slug: "m" });
  if (!parsed.ok) throw new Error(parsed.problems[0].message);
  return parsed.value;
}

/** The map as plain JSON, relations sorted (a file groups them by claim), empty lists left out. */
function comparable(map: ArgumentMap): unknown {
  const relations = [...map.relations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.parse(
    JSON.stringify(mapToNormalized({ ...map, relations, slug: undefined }), (_k, v) =>
      Array.isArray(v) && v.length === 0 ? undefined : v,
    ),
  );
}

/** Everything a patched save must be: a file that reads as the map, and a source exactly as read. */
function expectSound(patched: { text: string; source: ParsedSource }, map: ArgumentMap): void {
  const read = load(patched.text);
  expect(comparable(read.map)).toEqual(comparable(map));
  expect(patched.source.map).toEqual(read.map);
  expect(patched.source.plain).toEqual(readPlainYaml(patched.text));
  expect(patched.source.text).toBe(patched.text);
}

const BUNDLED = readFileSync(path.join("arguments", "russia-iran.yaml"), "utf8");

const withClaim = (map: ArgumentMap, id: string, change: (c: Claim) => Claim): ArgumentMap => ({
  ...map,
  claims: map.claims.map((c) => (c.id === id ? change(c) : c)),
});

describe("saving a few entries into a plain YAML file", () => {
  const source = load(BUNDLED);
  const map = source.map;
  const rebuttal = (m: ArgumentMap): ArgumentMap => ({
    ...m,
    claims: [...m.claims, { id: "new-answer", text: "A new answer", side: "neg" }],
    relations: [
      ...m.relations,
      {
        id: relationId("new-answer", "attack", "russia-supplies-iran"),
        from: "new-answer",
        to: "russia-supplies-iran",
        type: "attack",
      },
    ],
  });
  const edits: [string, ArgumentMap][] = [
    [
      "a claim's text",
      withClaim(map, "russia-supplies-iran", (c) => ({ ...c, text: "Russia keeps supplying Iran" })),
    ],
    [
      "notes added",
      withClaim(map, "enrichment-not-a-threat", (c) => ({ ...c, notes: "One line\nand another" })),
    ],
    ["a rebuttal added", rebuttal(map)],
    [
      "a card's quote",
      { ...map, evidence: map.evidence.map((c, i) => (i === 2 ? { ...c, quote: `${c.quote} More.` } : c)) },
    ],
  ];

  it.each(edits)("writes %s as the whole-file save does, and checks it", (_name, edited) => {
    const patched = patchEntries(source, edited);
    expect(patched).toBeDefined();
    if (!patched) return;
    expectSound(patched, edited);
    expect(patched.text).toBe(serializeArgumentSource(source, edited));
  });

  it("removes a claim with the relations to it, keeping the comments around it", () => {
    const gone = "enrichment-not-a-threat";
    const edited: ArgumentMap = {
      ...map,
      claims: map.claims.filter((c) => c.id !== gone),
      relations: map.relations.filter((r) => r.from !== gone && r.to !== gone),
    };
    const patched = patchEntries(source, edited);
    expect(patched).toBeDefined();
    if (!patched) return;
    expectSound(patched, edited);
    expect(patched.text).not.toContain(`  ${gone}:`);
    expect(patched.text).toContain("# ── Affirmative: Russia will shield Iran and keep it supplied");
  });

  it("leaves to the whole-file save what it does not do: a new title, reordered claims", () => {
    expect(patchEntries(source, { ...map, title: "Another" })).toBeUndefined();
    expect(patchEntries(source, { ...map, claims: [...map.claims].reverse() })).toBeUndefined();
  });

  it("refuses a side that the file would read differently, so the whole-file save can report it", () => {
    const text = [
      "version: 1",
      "title: T",
      "claims:",
      "  t1:",
      "    text: One",
      "    side: aff",
      "  t2:",
      "    text: Two",
      "    side: aff",
      "  x:",
      "    text: X",
      "    attacks: t2",
      "",
    ].join("\n");
    const start = load(text);
    // The attack comes first in the map, so no side is written; the file lists supports first.
    const edited: ArgumentMap = {
      ...start.map,
      relations: [
        ...start.map.relations,
        { id: relationId("x", "support", "t1"), from: "x", to: "t1", type: "support" },
      ],
    };
    expect(patchEntries(start, edited)).toBeUndefined();
  });

  it("keeps every save of a session sound, edit after edit", () => {
    const base = generateMap({ claims: 60, seed: 7 });
    const first = load(serializeNewSource(base, "yaml"));
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant("text" as const),
        pick: fc.nat(),
        words: fc.string({ minLength: 1, maxLength: 30 }),
      }),
      fc.record({ kind: fc.constant("side" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("add" as const), pick: fc.nat(), attack: fc.boolean() }),
      fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("card" as const), pick: fc.nat() }),
    );
    let patchedCount = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (steps) => {
        let current = first;
        let n = 0;
        for (const step of steps) {
          const m = current.map;
          const claim = m.claims[step.pick % m.claims.length];
          let next: ArgumentMap;
          if (step.kind === "text") {
            const text = step.words.trim() ? step.words : "x";
            next = withClaim(m, claim.id, (c) => ({ ...c, text }));
          } else if (step.kind === "side") {
            next = withClaim(m, claim.id, (c) => ({ ...c, side: c.side === "aff" ? "neg" : "aff" }));
          } else if (step.kind === "add") {
            const id = `added-${n++}`;
            const type = step.attack ? "attack" : "support";
            const side = type === "support" ? claim.side : claim.side === "aff" ? "neg" : "aff";
            next = {
              ...m,
              claims: [...m.claims, { id, text: "Added", side }],
              relations: [
                ...m.relations,
                { id: relationId(id, type, claim.id), from: id, to: claim.id, type },
              ],
            };
          } else if (step.kind === "remove") {
            const used = new Set(m.relations.map((r) => r.to));
            const leaf = m.claims.find(
              (c, i) => i >= step.pick % m.claims.length && !used.has(c.id) && !m.theses.includes(c.id),
            );
            if (!leaf) continue;
            next = {
              ...m,
              claims: m.claims.filter((c) => c.id !== leaf.id),
              relations: m.relations.filter((r) => r.from !== leaf.id),
            };
          } else {
            const card = m.evidence[step.pick % m.evidence.length];
            next = withClaim(m, claim.id, (c) => ({ ...c, evidence: [...(c.evidence ?? []), card.id] }));
            if ((claim.evidence ?? []).includes(card.id)) continue;
          }
          const patched = patchEntries(current, next);
          if (!patched) {
            // The whole-file way then: the session goes on from what it writes.
            current = load(serializeArgumentSource(current, next));
            continue;
          }
          patchedCount++;
          expectSound(patched, next);
          current = patched.source;
        }
        return true;
      }),
      { numRuns: 40 },
    );
    expect(patchedCount).toBeGreaterThan(40);
  });
});
