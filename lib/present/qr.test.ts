import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { QR_QUIET_ZONE, type QrMatrix, qrMatrix, qrRuns } from "./qr";

/** Paints the runs the way the presentation draws them (black on white), as RGBA pixels. */
function paint(matrix: QrMatrix, scale: number) {
  const side = (matrix.size + 2 * QR_QUIET_ZONE) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const run of qrRuns(matrix)) {
    for (let y = run.y * scale; y < (run.y + 1) * scale; y++) {
      for (let x = run.x * scale; x < (run.x + run.width) * scale; x++) {
        const at = (y * side + x) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
    }
  }
  return { pixels, side };
}

describe("qrMatrix and qrRuns", () => {
  it("draw a code a scanner reads back as the follow link", () => {
    const url = "http://192.168.1.20:3000/maps/russia-iran/follow";
    const { pixels, side } = paint(qrMatrix(url), 6);
    expect(jsQR(pixels, side, side)?.data).toBe(url);
  });

  it("keep every dark module, and only those, inside the quiet zone", () => {
    const matrix = qrMatrix("https://example.org/maps/a/follow");
    const drawn = new Set<string>();
    for (const run of qrRuns(matrix)) {
      for (let x = run.x; x < run.x + run.width; x++) drawn.add(`${x},${run.y}`);
    }
    const expected = new Set<string>();
    matrix.dark.forEach((dark, i) => {
      if (dark)
        expected.add(`${(i % matrix.size) + QR_QUIET_ZONE},${Math.floor(i / matrix.size) + QR_QUIET_ZONE}`);
    });
    expect(drawn).toEqual(expected);
    const min = Math.min(...[...drawn].map((p) => Number(p.split(",")[0])));
    expect(min).toBe(QR_QUIET_ZONE);
  });

  it("merge neighbouring modules into runs", () => {
    const matrix = qrMatrix("http://127.0.0.1:3000/maps/x/follow");
    const darkCount = matrix.dark.filter(Boolean).length;
    const runs = qrRuns(matrix);
    expect(runs.reduce((n, r) => n + r.width, 0)).toBe(darkCount);
    expect(runs.length).toBeLessThan(darkCount);
    // The finder pattern's top edge is one run of seven.
    expect(runs[0]).toEqual({ x: QR_QUIET_ZONE, y: QR_QUIET_ZONE, width: 7 });
  });

  it("encodes a long address with a non-ASCII slug", () => {
    const url = `http://classroom.example:3000/maps/${encodeURIComponent("débat-école")}/follow`;
    const { pixels, side } = paint(qrMatrix(url), 4);
    expect(jsQR(pixels, side, side)?.data).toBe(url);
  });
});
