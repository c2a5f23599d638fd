import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PALETTES } from "./palette";
import { paletteCss, paletteVariables } from "./palette-css";

const CANVAS = path.join(__dirname, "..", "..", "components", "map");

/** Relative luminance of a #rrggbb colour (WCAG 2). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe("the palette", () => {
  it.each(["light", "dark"] as const)("%s: every colour reaches the canvas as a CSS variable", (scheme) => {
    const css = paletteCss(".canvas");
    for (const [name, value] of Object.entries(paletteVariables(PALETTES[scheme]))) {
      expect(value).toMatch(/^#[0-9a-f]{6}$/);
      expect(css).toContain(`${name}:${value}`);
    }
    expect(css).toContain("@media (prefers-color-scheme: dark)");
  });

  it.each(["light", "dark"] as const)("%s: text is readable on what it sits on", (scheme) => {
    const p = PALETTES[scheme];
    expect(contrast(p.text, p.node.fill)).toBeGreaterThanOrEqual(7);
    expect(contrast(p.text, p.node.thesisFill)).toBeGreaterThanOrEqual(7);
    expect(contrast(p.mutedText, p.node.fill)).toBeGreaterThanOrEqual(4.5);
    for (const side of ["aff", "neg"] as const) {
      expect(contrast(p.side[side].labelText, p.side[side].labelFill)).toBeGreaterThanOrEqual(4.5);
    }
    for (const type of ["support", "attack"] as const) {
      expect(contrast(p.relation[type].badgeText, p.badge.fill)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.relation[type].stroke, p.background)).toBeGreaterThanOrEqual(3);
    }
  });

  it("tells support from attack by line style, not colour alone", () => {
    for (const p of Object.values(PALETTES)) {
      expect(p.stroke.support.dash).toBeUndefined();
      expect(p.stroke.attack.dash).toBeTruthy();
    }
  });

  it("is the only source of the canvas's colours: no colour literal or colour class in components/map", () => {
    const files = readdirSync(CANVAS).filter((f) => /\.tsx?$/.test(f) && !f.includes(".test."));
    expect(files.length).toBeGreaterThan(3);
    const offending = files.flatMap((file) =>
      readFileSync(path.join(CANVAS, file), "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(({ line }) =>
          /#[0-9a-f]{3,8}\b|rgba?\(|\b(?:bg|text|border|border-l|ring|stroke|fill)-(?:red|blue|emerald|green|sky|yellow|amber)-\d/i.test(
            line,
          ),
        )
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });
});
