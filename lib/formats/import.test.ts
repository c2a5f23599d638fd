import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat, importText, MAX_IMPORT_BYTES } from "./import";
import { mapToNormalized } from "./normalized-json";

const BUNDLED = path.resolve(__dirname, "../../arguments/russia-iran.yaml");

async function formatOf(text: string, file = "upload") {
  const detected = await detectFormat(text, file);
  return detected.ok ? detected.format.id : detected.message;
}

describe("detection", () => {
  it("tells every import format apart by its content", async () => {
    const yaml = readFileSync(BUNDLED, "utf8");
    expect(await formatOf(yaml)).toBe("yaml");
    const result = await importText(yaml, "russia-iran.yaml");
    if (!result.ok) throw new Error("the bundled map does not import");
    expect(await formatOf(JSON.stringify(mapToNormalized(result.value.map)))).toBe("json");
    expect(await formatOf('{"nodes": [{"nodeID": "1", "type": "I", "text": "A"}], "edges": []}')).toBe("aif");
    expect(await formatOf("Discussion Title: X\n\n1. Thesis.\n1.1. Pro: Yes.\n")).toBe("kialo");
    expect(await formatOf("[A]: text\n  - [B]: no\n")).toBe("argdown");
    expect(await formatOf("plain words", "notes.argdown")).toBe("argdown");
  });

  it("names the known formats when a file is none of them", async () => {
    const result = await importText("a,b\n1,2\n", "table.csv");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0].message).toBe(
      "not a format Clashmap can import; known formats: yaml (YAML argument file), json (Normalized JSON), argdown (Argdown), aif (AIF-JSON (OVA3, AIFdb)), kialo (Kialo discussion export)",
    );
  });

  it("a truncated JSON file (AIF cut off before its edges) gives its JSON syntax error, located", async () => {
    const aif = JSON.stringify(
      {
        AIF: {
          nodes: [
            { nodeID: "1", type: "I", text: "A" },
            { nodeID: "2", type: "I", text: "B" },
          ],
          edges: [],
        },
      },
      null,
      2,
    );
    const cut = aif.slice(0, aif.indexOf('"edges"'));
    const result = await importText(cut, "corpus.json");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0].message).toMatch(/^JSON syntax: /);
    expect(result.problems[0].line).toBe(cut.split("\n").length);
  });

  it("takes --from over the content, and refuses a format that cannot be imported", async () => {
    const forced = await importText("plain words on one line", "notes.txt", { from: "argdown" });
    expect(forced.ok).toBe(true);
    const unknown = await importText("x", "x.txt", { from: "docx" });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok)
      expect(unknown.problems[0].message).toMatch(/^unknown import format "docx"; known formats: yaml/);
  });
});

describe("our own formats", () => {
  it("imports our YAML, JSON and normalized JSON into the same map, with a report", async () => {
    const yaml = readFileSync(BUNDLED, "utf8");
    const fromYaml = await importText(yaml, "russia-iran.yaml");
    if (!fromYaml.ok) throw new Error("the bundled map does not import");
    const normalized = JSON.stringify(mapToNormalized(fromYaml.value.map), null, 2);
    const fromJson = await importText(normalized, "map.json");
    if (!fromJson.ok) throw new Error("normalized JSON does not import");
    expect(fromJson.value.map).toEqual(fromYaml.value.map);
    expect(fromYaml.value.report).toEqual([
      "Read as YAML argument file",
      "28 claims, 33 relations, 22 cards imported",
    ]);
    expect(fromYaml.value.yaml).toMatch(/^# yaml-language-server: \$schema=/);
  });

  it("reports our own file's problems with their line", async () => {
    const result = await importText(
      "version: 1\ntitle: T\nclaims:\n  a: { text: A, supports: ghost }\n",
      "mine.yaml",
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ file: "mine.yaml", line: 4 });
  });
});

describe("hostile input", () => {
  it("refuses a YAML alias bomb with a message", async () => {
    const lines = ["version: 1", "title: Bomb", 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (const [i, name] of ["b", "c", "d", "e", "f", "g"].entries()) {
      lines.push(`${name}: &${name} [${Array(10).fill(`*${"abcdef"[i]}`).join(",")}]`);
    }
    lines.push("claims: {}");
    const result = await importText(lines.join("\n"), "bomb.yaml");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toMatch(/alias/i);
  });

  it("refuses a file over the size limit", async () => {
    const result = await importText(`1. Thesis.\n1.1. Pro: ${"x".repeat(MAX_IMPORT_BYTES)}\n`, "huge.txt");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toMatch(/the import limit is 8388608$/);
  });

  it("refuses JSON or YAML nested thousands deep before parsing it", async () => {
    for (const [file, text] of [
      ["deep.json", `{"version": 1, "claims": ${"[".repeat(5000)}${"]".repeat(5000)}}`],
      ["deep.yaml", `version: 1\nclaims: ${"[".repeat(5000)}${"]".repeat(5000)}\n`],
      ["deep-aif.json", `{"nodeID": 1, "nodes": ${"[".repeat(5000)}${"]".repeat(5000)}, "edges": []}`],
    ]) {
      const result = await importText(text, file);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0].message).toMatch(/nested deeper than 64 levels$/);
    }
  });

  it("keeps claim text with markup as text, and says so", async () => {
    const result = await importText(
      "1. <img src=x onerror=alert(1)> Thesis.\n1.1. Con: </text><script>alert(1)</script>\n",
      "markup.txt",
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map.claims.map((c) => c.text)).toEqual([
      "<img src=x onerror=alert(1)> Thesis.",
      "</text><script>alert(1)</script>",
    ]);
    expect(result.value.report).toContain("2 claims with HTML-like markup kept as plain text");
  });

  it("bounds the work of one import: at most 10,000 claims, Argdown up to 1 MB", async () => {
    const lines = ["1. Thesis."];
    for (let i = 1; i <= 10_000; i++) lines.push(`1.${i}. Pro: Reason ${i}.`);
    const many = await importText(lines.join("\n"), "many.txt");
    expect(many.ok).toBe(false);
    if (!many.ok)
      expect(many.problems[0].message).toBe("10001 numbered claims; one import takes at most 10000");
    const long = await importText(`[A]: ${"word ".repeat(220_000)}`, "long.argdown");
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.problems[0].message).toMatch(/Argdown imports are limited to 1048576$/);
  });

  it("refuses a binary file", async () => {
    const result = await importText("PK\u0003\u0004\u0000\u0000binary", "archive.zip");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message).toBe("not a text file (it holds NUL bytes)");
  });
});
