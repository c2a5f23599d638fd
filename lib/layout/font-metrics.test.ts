import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatFontMetrics, generateFontMetrics } from "@/scripts/gen-font-metrics";

describe("font-metrics.json", () => {
  it("matches the metrics extracted from the shipped Inter font (run scripts/gen-font-metrics.ts when it does not)", () => {
    const committed = readFileSync(path.join(process.cwd(), "lib", "layout", "font-metrics.json"), "utf8");
    expect(committed).toBe(formatFontMetrics(generateFontMetrics()));
  });
});
