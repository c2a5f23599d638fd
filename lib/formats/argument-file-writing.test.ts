import { readFileSync } from "node:fs";
import path from "node:path";
import { diffArrays } from "diff";
import { describe, expect, it } from "vitest";
import { addCard, addClaim, attachCard, connect, updateClaim } from "../model/edits";
import type { ArgumentMap } from "../model/schema";
import { type ParsedSource, parseArgumentSource, serializeArgumentSource } from "./argument-file";
import { readPlainYaml } from "./fast-yaml";
import { mapToNormalized } from "./normalized-json";

const ROOT = path.join(__dirname, "..", "..");
const read = (...parts: string[]) => readFileSync(path.join(ROOT, ...parts), "utf8");
const UNIFORMS = read("e2e", "fixtures", "editing", "uniforms.yaml");
const RUSSIA_IRAN = read("arguments", "russia-iran.yaml");
const fixture = (name: string) => read("lib", "formats", "fixtures", name);

function parseOk(text: string, file = "map.yaml"): ParsedSource {
  const result = parseArgumentSource(text, file);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join("\n"));
  return result.value;
}

/**
 * The changed lines between two texts: `@n` where a change starts (its line in the new text),
 * then `-` for lines taken out and `+` for lines put in.
 */
function lineDiff(before: string, after: string): string[] {
  const out: string[] = [];
  let line = 1;
  let open = false;
  for (const change of diffArrays(before.split("\n"), after.split("\n"))) {
    if (!change.added && !change.removed) {
      line += change.count;
      open = false;
      continue;
    }
    if (!open) out.push(`@${line}`);
    open = true;
    for (const value of change.value) out.push(`${change.added ? "+" : "-"}${value}`);
    if (change.added) line += change.count;
  }
  return out;
}

/** Saves an edit of a file and checks that the result reads back as the edited map. */
function save(text: string, edit: (map: ArgumentMap) => ArgumentMap, file = "map.yaml") {
  const source = parseOk(text, file);
  const map = edit(source.map);
  const out = serializeArgumentSource(source, map);
  expect(parseOk(out, file).map.claims.map((c) => c.id)).toEqual(map.claims.map((c) => c.id));
  return { out, map, source };
}

describe("a new claim is written beside what it answers", () => {
  it("puts a rebuttal right after the claim it attacks", () => {
    const { out } = save(
      UNIFORMS,
      (m) =>
        addClaim(m, {
          text: "Fashion is not a real distraction",
          relation: { type: "attack", to: "fewer-distractions" },
        }).map,
    );
    expect(lineDiff(UNIFORMS, out)).toEqual([
      "@13",
      "+  fashion-is-not-a-real-distraction:",
      "+    text: Fashion is not a real distraction",
      "+    attacks: fewer-distractions",
    ]);
  });

  it("puts a rebuttal of a claim whose answers have their own section at the end of that section", () => {
    const { out } = save(
      UNIFORMS,
      (m) =>
        addClaim(m, {
          text: "Second-hand uniforms cost little",
          relation: { type: "attack", to: "cost-burden" },
        }).map,
    );
    expect(lineDiff(UNIFORMS, out)).toEqual([
      "@21",
      "+  second-hand-uniforms-cost-little:",
      "+    text: Second-hand uniforms cost little",
      "+    attacks: cost-burden",
    ]);
    expect(out.split("\n").slice(16, 24)).toEqual([
      "  # Answers to the cost argument.",
      "  cheaper-than-clothes:",
      "    text: Uniforms are cheaper than a fashionable wardrobe",
      "    attacks: cost-burden",
      "  second-hand-uniforms-cost-little:",
      "    text: Second-hand uniforms cost little",
      "    attacks: cost-burden",
      "evidence:",
    ]);
  });

  it("keeps two answers to one claim in the order they were added", () => {
    const { out } = save(UNIFORMS, (m) => {
      const first = addClaim(m, {
        text: "First answer",
        relation: { type: "attack", to: "fewer-distractions" },
      }).map;
      return addClaim(first, {
        text: "Second answer",
        relation: { type: "attack", to: "fewer-distractions" },
      }).map;
    });
    expect(lineDiff(UNIFORMS, out)).toEqual([
      "@13",
      "+  first-answer:",
      "+    text: First answer",
      "+    attacks: fewer-distractions",
      "+  second-answer:",
      "+    text: Second answer",
      "+    attacks: fewer-distractions",
    ]);
  });

  it("adds a support of a thesis at the end of the theses' section of the bundled map", () => {
    const { out } = save(
      RUSSIA_IRAN,
      (m) =>
        addClaim(m, { text: "Russia holds a UN veto", relation: { type: "support", to: "russia-key" } }).map,
    );
    expect(lineDiff(RUSSIA_IRAN, out)).toEqual([
      "@29",
      "+  russia-holds-a-un-veto:",
      "+    text: Russia holds a UN veto",
      "+    supports: russia-key",
    ]);
    expect(out.split("\n").slice(31, 34)).toEqual([
      "",
      "  # ── Affirmative: Iran cannot be isolated without Russia ────────────────",
      "  no-isolation-without-russia:",
    ]);
  });

  it("puts an answer after a folded block without re-wrapping it", () => {
    const { out } = save(
      RUSSIA_IRAN,
      (m) =>
        addClaim(m, {
          text: "The Caucasus gains still add up",
          relation: { type: "attack", to: "caucasus-weaknesses" },
        }).map,
    );
    expect(lineDiff(RUSSIA_IRAN, out)).toEqual([
      "@135",
      "+  the-caucasus-gains-still-add-up:",
      "+    text: The Caucasus gains still add up",
      "+    attacks: caucasus-weaknesses",
    ]);
  });

  it("writes an undercut after the claim whose relation it attacks and its answers", () => {
    const { out } = save(
      UNIFORMS,
      (m) =>
        addClaim(m, {
          text: "Cost says nothing about learning",
          relation: { type: "attack", to: "cost-burden-attacks-uniforms-help" },
        }).map,
    );
    expect(lineDiff(UNIFORMS, out)).toEqual([
      "@21",
      "+  cost-says-nothing-about-learning:",
      "+    text: Cost says nothing about learning",
      "+    attacks: cost-burden-attacks-uniforms-help",
    ]);
  });
});

describe("ids made from text", () => {
  it("names a claim with whole, transliterated words and writes its relation without an id", () => {
    const { out, map } = save(
      UNIFORMS,
      (m) =>
        addClaim(m, {
          text: "Über-größe Uniformen kosten Familien in Łódź und Ærøskøbing viel zu viel Geld",
          relation: { type: "attack", to: "fewer-distractions" },
        }).map,
    );
    expect(map.claims[2].id).toBe("uber-grosse-uniformen-kosten-familien-in-lodz");
    expect(lineDiff(UNIFORMS, out)).toEqual([
      "@13",
      "+  uber-grosse-uniformen-kosten-familien-in-lodz:",
      "+    text: Über-größe Uniformen kosten Familien in Łódź und Ærøskøbing viel zu viel Geld",
      "+    attacks: fewer-distractions",
    ]);
  });

  it("writes a relation id only where it differs from the derived one, cut at a word", () => {
    const long = "a-claim-with-a-long-identifier-that-goes-on-and-on";
    const text = [
      "version: 1",
      "title: Long ids",
      "claims:",
      `  ${long}:`,
      "    text: One",
      "    side: aff",
      `  ${long}-too:`,
      "    text: Two",
      `    attacks: ${long}`,
      "  short-answer-here:",
      "    text: Three",
      `    attacks: ${long}-too`,
      "",
    ].join("\n");
    const target = `${long}-too-attacks-${long}`;
    const { out, map } = save(
      text,
      (m) => connect(m, { from: "short-answer-here", to: target, type: "attack" }).map,
    );
    const id = map.relations.at(-1)?.id ?? "";
    expect(id).toBe(
      "short-answer-here-attacks-a-claim-with-a-long-identifier-that-goes-on-and-on-too-attacks-a-claim-with-a-long-identifier",
    );
    expect(`short-answer-here-attacks-${target}`.startsWith(`${id}-`)).toBe(true);
    expect(lineDiff(text, out)).toEqual([
      "@12",
      `-    attacks: ${long}-too`,
      "+    attacks:",
      `+      - ${long}-too`,
      `+      - to: ${target}`,
      `+        id: ${id}`,
    ]);
    // A derived id is left out of the file.
    const plain = save(text, (m) => connect(m, { from: "short-answer-here", to: long, type: "support" }).map);
    expect(lineDiff(text, plain.out)).toEqual(["@12", `+    supports: ${long}`]);
  });
});

describe("cards on a short relation", () => {
  it("writes the long form of the README, and undoing it gives back the original lines", () => {
    const { out, map, source } = save(UNIFORMS, (m) =>
      attachCard(m, "uniform-cost", { kind: "relation", id: "fewer-distractions-supports-uniforms-help" }),
    );
    expect(lineDiff(UNIFORMS, out)).toEqual([
      "@12",
      "-    supports: uniforms-help",
      "+    supports:",
      "+      - to: uniforms-help",
      "+        evidence: [uniform-cost]",
    ]);
    expect(parseOk(out).map.relations[0]).toEqual(map.relations[0]);
    expect(serializeArgumentSource(parseOk(out), source.map)).toBe(UNIFORMS);
  });

  it("writes a new card's id list on one line where a claim gains evidence", () => {
    const { out } = save(
      UNIFORMS,
      (m) =>
        addCard(
          m,
          { tag: "Fashion pressure", quote: "Students compare clothes." },
          { kind: "claim", id: "fewer-distractions" },
        ).map,
    );
    expect(lineDiff(UNIFORMS, out)).toEqual([
      "@13",
      "+    evidence: [fashion-pressure]",
      "@28",
      "+  fashion-pressure:",
      "+    tag: Fashion pressure",
      "+    quote: Students compare clothes.",
    ]);
  });
});

describe("JSON maps keep their indentation and key order", () => {
  it("changes one line of a 4-space file when one claim changes", () => {
    const text = fixture("four-spaces.json");
    const { out } = save(text, (m) => updateClaim(m, "sleep", { text: "Homework costs sleep" }), "map.json");
    expect(lineDiff(text, out)).toEqual([
      "@10",
      '-            "text": "Homework crowds out sleep",',
      '+            "text": "Homework costs sleep",',
    ]);
  });

  it("writes a one-line text that gains a line break as a block, which the fast reader reads", () => {
    const text = [
      "version: 1",
      "title: School uniforms",
      "claims:",
      "  uniforms-help:",
      "    text: School uniforms help students learn",
      "    side: aff",
      "  fewer-distractions:",
      "    text: 'Uniforms remove fashion distractions'",
      "    supports: uniforms-help",
      "",
    ].join("\n");
    expect(readPlainYaml(text)).toBeDefined();
    for (const id of ["uniforms-help", "fewer-distractions"]) {
      const { out } = save(text, (m) => updateClaim(m, id, { text: "Two lines\nof text" }));
      expect(lineDiff(text, out).filter((line) => line.startsWith("+"))).toEqual([
        "+    text: |-",
        "+      Two lines",
        "+      of text",
      ]);
      expect(readPlainYaml(out)).toBeDefined();
    }
  });

  it("adds a claim to a tab-indented file with tabs", () => {
    const text = fixture("tabs.json");
    const { out } = save(
      text,
      (m) =>
        addClaim(m, { text: "Phones help in emergencies", relation: { type: "attack", to: "ban-phones" } })
          .map,
      "map.json",
    );
    expect(lineDiff(text, out)).toEqual([
      "@13",
      "+\t\t},",
      '+\t\t"phones-help-in-emergencies": {',
      '+\t\t\t"text": "Phones help in emergencies",',
      '+\t\t\t"attacks": "ban-phones"',
    ]);
  });

  it("edits a normalized file in place, keeping its one-line objects and key order", () => {
    const text = fixture("normalized.json");
    const { out } = save(
      text,
      (m) => updateClaim(m, "cost-burden", { text: "Uniforms cost poor families too much" }),
      "map.json",
    );
    expect(lineDiff(text, out)).toEqual([
      "@9",
      '-        { "id": "cost-burden", "side": "neg", "text": "Uniforms are a cost burden for poor families" }',
      '+        { "id": "cost-burden", "side": "neg", "text": "Uniforms cost poor families too much" }',
    ]);
  });

  it("gives back a normalized file byte for byte when an edit is undone", () => {
    const text = fixture("normalized.json");
    const { out, source } = save(
      text,
      (m) => attachCard(m, "uniform-cost", { kind: "relation", id: "cost-burden-attacks-uniforms-help" }),
      "map.json",
    );
    expect(lineDiff(text, out)).toEqual([
      "@13",
      '-        { "id": "cost-burden-attacks-uniforms-help", "type": "attack", "from": "cost-burden", "to": "uniforms-help" }',
      '+        { "id": "cost-burden-attacks-uniforms-help", "type": "attack", "from": "cost-burden", "to": "uniforms-help", "evidence": ["uniform-cost"] }',
    ]);
    expect(serializeArgumentSource(parseOk(out, "map.json"), source.map)).toBe(text);
  });

  it("adds a claim to a 4-space file with 4 spaces, and to a normalized file like its neighbours", () => {
    const text = fixture("four-spaces.json");
    const { out } = save(
      text,
      (m) => addClaim(m, { text: "Sleep matters more", relation: { type: "support", to: "sleep" } }).map,
      "map.json",
    );
    expect(lineDiff(text, out)).toEqual([
      "@13",
      '+        "sleep-matters-more": {',
      '+            "text": "Sleep matters more",',
      '+            "supports": "sleep"',
      "+        },",
    ]);
    const normalized = fixture("normalized.json");
    const added = save(
      normalized,
      (m) =>
        addClaim(m, { text: "Uniforms can be bought used", relation: { type: "attack", to: "cost-burden" } })
          .map,
      "map.json",
    );
    expect(lineDiff(normalized, added.out)).toEqual([
      "@9",
      '-        { "id": "cost-burden", "side": "neg", "text": "Uniforms are a cost burden for poor families" }',
      '+        { "id": "cost-burden", "side": "neg", "text": "Uniforms are a cost burden for poor families" },',
      '+        { "id": "uniforms-can-be-bought-used", "side": "aff", "text": "Uniforms can be bought used" }',
      "@14",
      '-        { "id": "cost-burden-attacks-uniforms-help", "type": "attack", "from": "cost-burden", "to": "uniforms-help" }',
      '+        { "id": "cost-burden-attacks-uniforms-help", "type": "attack", "from": "cost-burden", "to": "uniforms-help" },',
      '+        { "id": "uniforms-can-be-bought-used-attacks-cost-burden", "type": "attack", "from": "uniforms-can-be-bought-used", "to": "cost-burden" }',
    ]);
  });

  it("keeps a normalized export of the bundled map as 2-space JSON with one line changed", () => {
    const source = parseOk(RUSSIA_IRAN, "russia-iran.yaml");
    const exported = `${JSON.stringify(mapToNormalized({ ...source.map, slug: "russia-iran" }), null, 2)}\n`;
    const { out } = save(
      exported,
      (m) => updateClaim(m, "russia-key", { text: "Russia is the key" }),
      "x.json",
    );
    expect(lineDiff(exported, out)).toEqual([
      expect.stringMatching(/^@\d+$/),
      '-      "text": "Russia is key to isolating Iran",',
      '+      "text": "Russia is the key",',
    ]);
  });
});

describe("an empty section the author wrote", () => {
  const YAML_TEXT = [
    "version: 1",
    "title: Car bans",
    "claims:",
    "  ban:",
    "    text: Cities should ban cars",
    "    side: aff",
    "evidence: {}",
    "",
  ].join("\n");
  const JSON_TEXT = [
    "{",
    '\t"version": 1,',
    '\t"title": "Car bans",',
    '\t"claims": {',
    '\t\t"ban": {"text": "Cities should ban cars", "side": "aff"}',
    "\t},",
    '\t"evidence": {}',
    "}",
    "",
  ].join("\n");
  const rebut = (m: ArgumentMap) =>
    addClaim(m, { text: "Shops lose customers", relation: { type: "attack", to: "ban" } }).map;

  it("keeps `evidence: {}` in a YAML file when a claim is added", () => {
    const { out, source } = save(YAML_TEXT, rebut);
    expect(lineDiff(YAML_TEXT, out)).toEqual([
      "@7",
      "+  shops-lose-customers:",
      "+    text: Shops lose customers",
      "+    attacks: ban",
    ]);
    expect(serializeArgumentSource(parseOk(out), source.map)).toBe(YAML_TEXT);
  });

  it("gives back `evidence: {}` when the first card is added and then undone", () => {
    const { out, source } = save(
      YAML_TEXT,
      (m) => addCard(m, { tag: "Air", quote: "The air is cleaner." }, { kind: "claim", id: "ban" }).map,
    );
    expect(out).toContain("evidence:\n  air:\n");
    expect(serializeArgumentSource(parseOk(out), source.map)).toBe(YAML_TEXT);
  });

  it('keeps `"evidence": {}` in a JSON file when a claim changes', () => {
    const { out } = save(
      JSON_TEXT,
      (m) => updateClaim(m, "ban", { text: "Cities should ban all cars" }),
      "map.json",
    );
    expect(lineDiff(JSON_TEXT, out)).toEqual([
      "@5",
      '-\t\t"ban": {"text": "Cities should ban cars", "side": "aff"}',
      '+\t\t"ban": {"text": "Cities should ban all cars", "side": "aff"}',
    ]);
  });
});
