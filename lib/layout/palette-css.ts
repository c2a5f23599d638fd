import { PALETTES, type Palette } from "./palette";

/** Each colour of a palette, by the short name the canvas's styles use for it. */
function colours(palette: Palette) {
  return {
    background: palette.background,
    text: palette.text,
    "muted-text": palette.mutedText,
    "node-fill": palette.node.fill,
    "node-border": palette.node.border,
    "thesis-fill": palette.node.thesisFill,
    "thesis-border": palette.node.thesisBorder,
    "aff-band": palette.side.aff.band,
    "aff-label": palette.side.aff.labelFill,
    "aff-label-text": palette.side.aff.labelText,
    "neg-band": palette.side.neg.band,
    "neg-label": palette.side.neg.labelFill,
    "neg-label-text": palette.side.neg.labelText,
    support: palette.relation.support.stroke,
    "support-text": palette.relation.support.badgeText,
    attack: palette.relation.attack.stroke,
    "attack-text": palette.relation.attack.badgeText,
    "badge-fill": palette.badge.fill,
    "badge-border": palette.badge.border,
    "badge-text": palette.badge.text,
    "status-in": palette.status.in.fill,
    "status-in-border": palette.status.in.border,
    "status-in-text": palette.status.in.text,
    "status-out": palette.status.out.fill,
    "status-out-border": palette.status.out.border,
    "status-out-text": palette.status.out.text,
    "status-undecided": palette.status.undecided.fill,
    "status-undecided-border": palette.status.undecided.border,
    "status-undecided-text": palette.status.undecided.text,
    focus: palette.focus,
    selection: palette.selection,
    "search-match": palette.searchMatch,
  };
}

export type PaletteColour = keyof ReturnType<typeof colours>;

/** The palette's colours as CSS custom properties (`--cm-support: #047857`). */
export function paletteVariables(palette: Palette): Record<`--cm-${PaletteColour}`, string> {
  return Object.fromEntries(
    Object.entries(colours(palette)).map(([name, value]) => [`--cm-${name}`, value]),
  ) as Record<`--cm-${PaletteColour}`, string>;
}

/** A palette colour as the canvas's styles refer to it: `var(--cm-support)`. */
export function paletteVar(name: PaletteColour): string {
  return `var(--cm-${name})`;
}

const block = (selector: string, palette: Palette) =>
  `${selector}{${Object.entries(paletteVariables(palette))
    .map(([name, value]) => `${name}:${value}`)
    .join(";")}}`;

/**
 * A style sheet that gives `selector` the light palette, and the dark one when the system asks
 * for dark: rendered with the canvas, so server-rendered markup has the right colours at once.
 */
export function paletteCss(selector: string): string {
  return `${block(selector, PALETTES.light)}@media (prefers-color-scheme: dark){${block(selector, PALETTES.dark)}}`;
}
