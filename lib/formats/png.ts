import type { ArgumentMap } from "../model/schema";
import type { ExportOptions } from "./index";
import { renderPlatform } from "./render-platform";
import { mapPicture } from "./svg";

/** Pixel density of the picture: 2× for projectors and high-density screens. */
export const PNG_DENSITY = 2;
/** Largest side and pixel count of a picture: a huge map is drawn smaller rather than not at all. */
export const PNG_MAX_SIDE = 16_384;
export const PNG_MAX_PIXELS = 36_000_000;

/** The zoom a picture of this size is rasterized at: 2×, or less when that would pass the limits. */
export function pngZoom(width: number, height: number): number {
  return Math.min(
    PNG_DENSITY,
    PNG_MAX_SIDE / Math.max(width, height),
    Math.sqrt(PNG_MAX_PIXELS / (width * height)),
  );
}

/** The whole map (not only what is in view) as a PNG at 2×, rasterized from our SVG with the shipped Inter. */
export async function serialize(map: ArgumentMap, options: ExportOptions): Promise<Uint8Array> {
  const platform = renderPlatform();
  const picture = mapPicture(map, options);
  options.onProgress?.(0.15);
  const fonts = await platform.fonts();
  options.onProgress?.(0.35);
  const raster = await platform.rasterize(picture.svg, pngZoom(picture.width, picture.height), fonts);
  options.onProgress?.(1);
  return raster.png;
}
