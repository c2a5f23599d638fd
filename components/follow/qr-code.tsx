"use client";

import { useMemo } from "react";
import { QR_QUIET_ZONE, qrMatrix, qrRuns } from "@/lib/present/qr";

/**
 * A QR code drawn as SVG rects from its module matrix: black on white with the quiet zone around
 * it, crisp at any size, so phones read it off a projector from the back of the room.
 */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { side, runs } = useMemo(() => {
    const matrix = qrMatrix(text);
    return { side: matrix.size + 2 * QR_QUIET_ZONE, runs: qrRuns(matrix) };
  }, [text]);
  return (
    <svg
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={label}
      data-testid="follow-qr"
      className={className}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#ffffff" />
      {runs.map((run) => (
        <rect key={`${run.x},${run.y}`} x={run.x} y={run.y} width={run.width} height={1} fill="#000000" />
      ))}
    </svg>
  );
}
