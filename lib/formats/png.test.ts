import { readFileSync } from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { initWasm, Resvg as ResvgWasm } from "@resvg/resvg-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { layoutMap } from "../layout/layout";
import { bundledMap } from "./fixtures/export-maps";
import { formatInfo } from "./index";
import { pngZoom, serialize } from "./png";
import { nodePlatform } from "./render-node";
import { FONT_WEIGHTS } from "./render-platform";
import { mapPicture, PICTURE_MARGIN } from "./svg";

const map = bundledMap();

interface Decoded {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  pixels: Uint8Array;
}

/** A small PNG reader for the test: 8-bit RGBA, non-interlaced (what resvg writes). */
function decodePng(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString("latin1", at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]);
    } else if (type === "IDAT") idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + x] = v & 255;
    }
  }
  return { width, height, pixels };
}

/** Variance of luminance in a rectangle: zero for a blank area, large where text and borders are. */
function variance(image: Decoded, x0: number, y0: number, w: number, h: number): number {
  let sum = 0;
  let sq = 0;
  let n = 0;
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(image.height, y0 + h); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(image.width, x0 + w); x++) {
      const i = (y * image.width + x) * 4;
      const lum = 0.299 * image.pixels[i] + 0.587 * image.pixels[i + 1] + 0.114 * image.pixels[i + 2];
      sum += lum;
      sq += lum * lum;
      n++;
    }
  }
  return n === 0 ? 0 : sq / n - (sum / n) ** 2;
}

describe("png export", () => {
  it("is registered as a binary format", () => {
    expect(formatInfo("png")).toMatchObject({ extension: "png", mime: "image/png", binary: true });
  });

  it("draws the whole bundled map at 2×, at least 1,600 px wide", async () => {
    for (const direction of ["TB", "LR"] as const) {
      const image = decodePng(await serialize(map, { direction }));
      const picture = mapPicture(map, { direction });
      expect(image.width).toBe(Math.round(picture.width * 2));
      expect(image.height).toBe(Math.round(picture.height * 2));
      expect(image.width).toBeGreaterThanOrEqual(1600);
    }
  });

  it("shows every claim: the text area of each node is drawn, not blank", async () => {
    const image = decodePng(await serialize(map, { direction: "LR" }));
    const layout = layoutMap(map, { direction: "LR" });
    const z = 2;
    for (const node of layout.nodes) {
      const x = (node.x + PICTURE_MARGIN + 14) * z;
      const y = (node.y + PICTURE_MARGIN + 36) * z;
      const v = variance(image, x, y, (node.width - 28) * z, (node.height - 44) * z);
      expect(v, `claim ${node.id} looks blank`).toBeGreaterThan(200);
    }
    // Between the two thesis columns and the answers there is empty background.
    expect(variance(image, 0, 0, PICTURE_MARGIN * z - 2, PICTURE_MARGIN * z - 2)).toBe(0);
  });

  it("reports progress up to 1", async () => {
    const seen: number[] = [];
    await serialize(map, { onProgress: (f) => seen.push(f) });
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe("png export: bad input and limits", () => {
  it("refuses an unknown claim", async () => {
    await expect(serialize(map, { claimId: "nope" })).rejects.toThrow(/no claim "nope"/);
  });

  it("draws a huge map smaller rather than past the size limits", () => {
    expect(pngZoom(1000, 800)).toBe(2);
    expect(pngZoom(120_000, 2_000) * 120_000).toBeLessThanOrEqual(16_384);
    expect(pngZoom(20_000, 20_000) ** 2 * 400_000_000).toBeLessThanOrEqual(36_000_001);
  });
});

describe("png export: round trip", () => {
  beforeAll(async () => {
    await initWasm(readFileSync(path.join(process.cwd(), "node_modules/@resvg/resvg-wasm/index_bg.wasm")));
  });

  it("gives the same picture from the browser's wasm renderer as from the native one", async () => {
    const picture = mapPicture(map, {});
    const fonts = await nodePlatform.fonts();
    const native = decodePng((await nodePlatform.rasterize(picture.svg, 2, fonts)).png);
    const wasm = new ResvgWasm(picture.svg, {
      fitTo: { mode: "zoom", value: 2 },
      font: {
        fontBuffers: FONT_WEIGHTS.map((w) => fonts[w]),
        defaultFontFamily: "Inter",
        sansSerifFamily: "Inter",
      },
    })
      .render()
      .asPng();
    const browser = decodePng(wasm);
    expect([browser.width, browser.height]).toEqual([native.width, native.height]);
    let differing = 0;
    for (let i = 0; i < native.pixels.length; i++)
      if (Math.abs(native.pixels[i] - browser.pixels[i]) > 8) differing++;
    expect(differing / native.pixels.length).toBeLessThan(0.001);
  });
});
