"use client";

import { memo } from "react";
import type { ClaimNodeData } from "@/lib/graph/to-flow";
import { paletteVar } from "@/lib/layout/palette-css";

/** Words of a claim kept on its zoomed-out shape. */
const SHORT_WORDS = 6;

/** The first words of a claim, for the zoomed-out shape. */
export function shortLabel(lines: readonly string[]): string {
  const words = lines.join(" ").split(/\s+/).filter(Boolean);
  return words.length > SHORT_WORDS ? `${words.slice(0, SHORT_WORDS).join(" ")}…` : words.join(" ");
}

/**
 * A claim seen from far away: a box in its side's colour (a thesis with a thick border, a folded
 * claim with its count) and its first words in large type, cheap to draw by the thousand.
 */
function ClaimNodeLiteView({
  id,
  data,
  selected,
  match,
}: {
  id: string;
  data: ClaimNodeData;
  selected: boolean;
  match: "current" | "match" | undefined;
}) {
  const thesis = data.kind === "thesis";
  return (
    <div
      data-testid="claim-node"
      data-claim-id={id}
      data-detail="low"
      data-selected={selected || undefined}
      data-match={match}
      style={{
        borderColor: paletteVar(`${data.side}-band`),
        background: paletteVar(thesis ? "thesis-fill" : "node-fill"),
        color: paletteVar("text"),
        outlineColor: paletteVar(selected ? "selection" : "search-match"),
      }}
      className={[
        "flex h-full w-full items-center gap-2 overflow-hidden rounded-md px-3",
        thesis ? "border-[6px]" : "border-2",
        match || selected ? "outline outline-8" : "",
      ].join(" ")}
    >
      <span className="line-clamp-2 text-[26px] font-semibold leading-tight">
        {data.side === "aff" ? "AFF " : "NEG "}
        {shortLabel(data.lines)}
      </span>
      {data.collapsed ? (
        <span
          className="ml-auto shrink-0 rounded px-1.5 text-[24px] font-bold"
          style={{ background: paletteVar("badge-fill"), color: paletteVar("badge-text") }}
        >
          +{data.descendants}
        </span>
      ) : null}
    </div>
  );
}

export const ClaimNodeLite = memo(ClaimNodeLiteView);
