import { initWasm, Resvg } from "@resvg/resvg-wasm";
import { FONT_WEIGHTS, type FontSet, type RenderPlatform, setRenderPlatform } from "./render-platform";

// Literal asset references: the bundler copies each file into the build and gives its URL. The
// wasm (2.5 MB) and the fonts are fetched only when a picture or a PDF is asked for.
const WASM_URL = new URL("../../node_modules/@resvg/resvg-wasm/index_bg.wasm", import.meta.url);
const FONT_URLS: Record<(typeof FONT_WEIGHTS)[number], URL> = {
  400: new URL(
    "../../node_modules/@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf",
    import.meta.url,
  ),
  500: new URL("../../node_modules/@expo-google-fonts/inter/500Medium/Inter_500Medium.ttf", import.meta.url),
  600: new URL(
    "../../node_modules/@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf",
    import.meta.url,
  ),
  700: new URL("../../node_modules/@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf", import.meta.url),
};

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url.pathname} (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

let fontsOnce: Promise<FontSet> | undefined;
let wasmOnce: Promise<void> | undefined;

/** The browser (the export worker): the shipped fonts fetched once, resvg's wasm build loaded on first use. */
export const browserPlatform: RenderPlatform = {
  fonts: () => {
    fontsOnce ??= Promise.all(FONT_WEIGHTS.map((w) => fetchBytes(FONT_URLS[w]))).then(
      (files) => Object.fromEntries(FONT_WEIGHTS.map((w, i) => [w, files[i]])) as FontSet,
    );
    fontsOnce.catch(() => {
      fontsOnce = undefined;
    });
    return fontsOnce;
  },
  rasterize: async (svg, zoom, fonts) => {
    wasmOnce ??= initWasm(fetch(WASM_URL));
    await wasmOnce;
    const resvg = new Resvg(svg, {
      fitTo: { mode: "zoom", value: zoom },
      font: {
        fontBuffers: FONT_WEIGHTS.map((w) => fonts[w]),
        defaultFontFamily: "Inter",
        sansSerifFamily: "Inter",
      },
    });
    const image = resvg.render();
    const raster = { png: image.asPng(), width: image.width, height: image.height };
    image.free();
    resvg.free();
    return raster;
  },
};

setRenderPlatform(browserPlatform);
