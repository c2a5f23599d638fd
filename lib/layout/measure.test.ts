import { describe, expect, it } from "vitest";
import { measureText, wrapText } from "./measure";

const style = { fontSize: 14, weight: 400 } as const;

describe("measureText", () => {
  it("adds the advance widths of the characters at the font size", () => {
    expect(measureText("", style)).toBe(0);
    expect(measureText("ab", style)).toBeCloseTo(measureText("a", style) + measureText("b", style));
    expect(measureText("Hello", { fontSize: 28, weight: 400 })).toBeCloseTo(2 * measureText("Hello", style));
  });

  it("measures bold text wider than regular text", () => {
    expect(measureText("Russia is key", { fontSize: 14, weight: 700 })).toBeGreaterThan(
      measureText("Russia is key", style),
    );
  });

  it("measures curly quotes, dashes and the ellipsis from the font, and unknown wide characters as one em", () => {
    expect(measureText("“—…”", style)).toBeGreaterThan(0);
    expect(measureText("漢", style)).toBe(14);
  });
});

describe("wrapText", () => {
  it("keeps every line within the width and every word in order", () => {
    const text = "Iran cannot be isolated without Russia's full cooperation, and that is the point";
    const lines = wrapText(text, 120, style);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(measureText(line, style)).toBeLessThanOrEqual(120);
    expect(lines.join(" ")).toBe(text);
  });

  it("breaks a word longer than the line", () => {
    const lines = wrapText("a supercalifragilisticexpialidocious word", 60, style);
    for (const line of lines) expect(measureText(line, style)).toBeLessThanOrEqual(60);
    expect(lines.join("").replace(/ /g, "")).toBe("asupercalifragilisticexpialidociousword");
  });

  it("collapses whitespace and gives one empty line for empty text", () => {
    expect(wrapText("  two\n words ", 500, style)).toEqual(["two words"]);
    expect(wrapText("", 100, style)).toEqual([""]);
  });
});
