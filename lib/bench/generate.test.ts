import { describe, expect, it } from "vitest";
import { parseArgumentSource, serializeNewSource } from "../formats/argument-file";
import { checkMap } from "../model/validate";
import { generateMap } from "./generate";

describe("generateMap", () => {
  const map = generateMap({ claims: 1000 });

  it("is deterministic and valid", () => {
    expect(generateMap({ claims: 1000 })).toEqual(map);
    expect(checkMap(map)).toEqual([]);
    const parsed = parseArgumentSource(serializeNewSource(map, "yaml"), "gen.yaml");
    expect(parsed.ok).toBe(true);
  });

  it("has the mix the benchmark promises", () => {
    expect(map.claims).toHaveLength(1000);
    const withCards = map.relations.filter((r) => r.evidence?.length).length / map.relations.length;
    expect(withCards).toBeGreaterThan(0.25);
    expect(withCards).toBeLessThan(0.42);
    const sources = new Map<string, number>();
    for (const r of map.relations) sources.set(r.from, (sources.get(r.from) ?? 0) + 1);
    const second = [...sources.values()].filter((n) => n > 1).length / map.claims.length;
    expect(second).toBeGreaterThan(0.03);
    expect(second).toBeLessThan(0.08);
    const rebuttals = map.relations.filter(
      (r) => r.type === "attack" && map.relations.some((p) => p.from === r.to && p.type === "attack"),
    );
    expect(rebuttals.length).toBeGreaterThan(100);
    const lengths = map.claims.map((c) => c.text.length);
    expect(Math.min(...lengths)).toBeGreaterThan(15);
    expect(Math.max(...lengths)).toBeGreaterThan(120);
  });
});
