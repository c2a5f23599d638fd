"use client";

import { memo } from "react";
import type { ClaimNodeData } from "@/lib/graph/to-flow";

/** Words of a claim kept on its zoomed-out shape. */
const SHORT_WORDS = 6;

/** The first words of a claim, for the zoomed-out shape. */
export function shortLabel(lines: readonly string[]): string {
  const words = lines.join(" ").split(/\s+/).filter(Boolean);
  return words.length > SHORT_WORDS ? `${words.slice(0, SHORT_WORDS).join(" ")}…` : words.join(" ");
}

const FILL = {
  aff: "border-blue-700 bg-blue-100 text-blue-950 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-50",
  neg: "border-red-700 bg-red-100 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50",
} as const;

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
      className={[
        "flex h-full w-full items-center gap-2 overflow-hidden rounded-md px-3",
        thesis ? "border-[6px]" : "border-2",
        FILL[data.side],
        match ? "outline outline-8 outline-yellow-400" : "",
        selected ? "outline outline-8 outline-sky-500" : "",
      ].join(" ")}
    >
      <span className="line-clamp-2 text-[26px] font-semibold leading-tight">
        {data.side === "aff" ? "AFF " : "NEG "}
        {shortLabel(data.lines)}
      </span>
      {data.collapsed ? (
        <span className="ml-auto shrink-0 rounded bg-white/80 px-1.5 text-[24px] font-bold text-slate-900">
          +{data.descendants}
        </span>
      ) : null}
    </div>
  );
}

export const ClaimNodeLite = memo(ClaimNodeLiteView);
