/** The weights of Inter the pictures and documents use. */
export const FONT_WEIGHTS = [400, 500, 600, 700] as const;
export type FontWeightName = (typeof FONT_WEIGHTS)[number];

/** The shipped static Inter TTFs (`@expo-google-fonts/inter`), by weight: resvg and pdfkit need TTF, not woff2. */
export const INTER_FILES: Record<FontWeightName, string> = {
  400: "400Regular/Inter_400Regular.ttf",
  500: "500Medium/Inter_500Medium.ttf",
  600: "600SemiBold/Inter_600SemiBold.ttf",
  700: "700Bold/Inter_700Bold.ttf",
};

export type FontSet = Record<FontWeightName, Uint8Array>;

/** A rasterized picture. */
export interface Raster {
  png: Uint8Array;
  width: number;
  height: number;
}

/**
 * What the picture formats need from where they run: the font files, and an SVG rasterizer.
 * Node (command line, API) uses resvg's native build; the browser's export worker uses its wasm
 * build. Both draw with the same fonts, so both give the same picture.
 */
export interface RenderPlatform {
  fonts: () => Promise<FontSet>;
  rasterize: (svg: string, zoom: number, fonts: FontSet) => Promise<Raster>;
}

let current: RenderPlatform | undefined;

/** Sets the platform; `render-node.ts` and `render-browser.ts` each set theirs when imported. */
export function setRenderPlatform(platform: RenderPlatform): void {
  current = platform;
}

/** The platform set by the entry point (the command line, the API or the export worker). */
export function renderPlatform(): RenderPlatform {
  if (!current) throw new Error("no renderer: import lib/formats/render-node or render-browser first");
  return current;
}
