import { readFile } from "node:fs/promises";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import {
  FONT_WEIGHTS,
  type FontSet,
  INTER_FILES,
  type RenderPlatform,
  setRenderPlatform,
} from "./render-platform";

/** Where the shipped fonts live: the package folder under the working directory (the project root). */
export function interPath(file: string): string {
  return path.join(
    /*turbopackIgnore: true*/ process.cwd(),
    "node_modules",
    "@expo-google-fonts",
    "inter",
    file,
  );
}

let fontsOnce: Promise<FontSet> | undefined;

/** Node: fonts read from the package, rasterized by resvg's native build without the system's fonts. */
export const nodePlatform: RenderPlatform = {
  fonts: () => {
    fontsOnce ??= Promise.all(FONT_WEIGHTS.map((w) => readFile(interPath(INTER_FILES[w])))).then(
      (files) => Object.fromEntries(FONT_WEIGHTS.map((w, i) => [w, new Uint8Array(files[i])])) as FontSet,
    );
    return fontsOnce;
  },
  rasterize: async (svg, zoom) => {
    const resvg = new Resvg(svg, {
      fitTo: { mode: "zoom", value: zoom },
      font: {
        loadSystemFonts: false,
        fontFiles: FONT_WEIGHTS.map((w) => interPath(INTER_FILES[w])),
        defaultFontFamily: "Inter",
        sansSerifFamily: "Inter",
      },
    });
    const image = resvg.render();
    return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
  },
};

setRenderPlatform(nodePlatform);
