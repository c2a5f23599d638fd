import { create } from "qrcode";

/**
 * A QR code as data: which modules are dark, in rows. Drawn by the presentation as SVG rects, so
 * no image or markup string is ever built from the text it encodes.
 */
export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Row-major: `dark[y * size + x]`. */
  dark: boolean[];
}

/** The light border scanners need around a code: four modules, as the QR standard asks. */
export const QR_QUIET_ZONE = 4;

/**
 * Encodes text at error correction level M (about 15% of the code may be lost), which survives a
 * projector's blur and glare while keeping modules large.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel: "M" });
  return { size: modules.size, dark: Array.from(modules.data, (bit) => bit !== 0) };
}

/** A horizontal run of dark modules, in module units with the quiet zone added. */
export interface QrRun {
  x: number;
  y: number;
  width: number;
}

/** The dark modules merged into runs along each row: a few hundred rects instead of a thousand. */
export function qrRuns(matrix: QrMatrix, quietZone = QR_QUIET_ZONE): QrRun[] {
  const runs: QrRun[] = [];
  for (let y = 0; y < matrix.size; y++) {
    let start = -1;
    for (let x = 0; x <= matrix.size; x++) {
      const dark = x < matrix.size && matrix.dark[y * matrix.size + x];
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        runs.push({ x: start + quietZone, y: y + quietZone, width: x - start });
        start = -1;
      }
    }
  }
  return runs;
}
