"use client";

import { type CSSProperties, createContext, useContext, useMemo } from "react";
import { STATUS_LABELS } from "@/lib/analysis/explain";
import type { Status } from "@/lib/analysis/grounded";
import type { MapFlowNode } from "@/lib/graph/to-flow";
import { paletteVar } from "@/lib/layout/palette-css";

/** A claim's status and why, as the canvas shows it. */
export interface ClaimStatusInfo {
  status: Status;
  reason: string;
}

/** Each claim's status while the analysis is shown; null when it is off. */
const ClaimStatusContext = createContext<ReadonlyMap<string, ClaimStatusInfo> | null>(null);

/** Puts claim statuses on the canvas below it (pass null to show none). */
export const ClaimStatusProvider = ClaimStatusContext.Provider;

/** The status of a claim, when the analysis is shown. */
export function useClaimStatus(id: string): ClaimStatusInfo | undefined {
  return useContext(ClaimStatusContext)?.get(id);
}

/** Every claim's status while the analysis is shown; null when it is off. */
export function useClaimStatuses(): ReadonlyMap<string, ClaimStatusInfo> | null {
  return useContext(ClaimStatusContext);
}

/** Adds each claim's status and reason to its node's accessible name while the analysis is shown. */
export function useStatusLabels(nodes: MapFlowNode[]): MapFlowNode[] {
  const statuses = useContext(ClaimStatusContext);
  return useMemo(() => {
    if (!statuses) return nodes;
    return nodes.map((node) => {
      const info = node.type === "claim" ? statuses.get(node.id) : undefined;
      return info
        ? { ...node, ariaLabel: `${node.ariaLabel}. ${STATUS_LABELS[info.status]}: ${info.reason}` }
        : node;
    });
  }, [nodes, statuses]);
}

const BADGE_STYLES: Record<Status, CSSProperties> = {
  in: {
    background: paletteVar("status-in"),
    borderColor: paletteVar("status-in-border"),
    color: paletteVar("status-in-text"),
  },
  out: {
    background: paletteVar("status-out"),
    borderColor: paletteVar("status-out-border"),
    color: paletteVar("status-out-text"),
  },
  undecided: {
    background: paletteVar("status-undecided"),
    borderColor: paletteVar("status-undecided-border"),
    color: paletteVar("status-undecided-text"),
    borderStyle: "dashed",
  },
};

/** The status's shape: a tick for stands, a cross for refuted, a question mark for contested. */
export function StatusIcon({ status, className = "h-3 w-3" }: { status: Status; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className={className} fill="none" stroke="currentColor">
      {status === "in" ? (
        <path d="M3 8.5l3.2 3.2L13 4.8" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
      ) : status === "out" ? (
        <path d="M4 4l8 8M12 4l-8 8" strokeWidth="2.4" strokeLinecap="round" />
      ) : (
        <>
          <path
            d="M5.2 5.6a2.9 2.9 0 1 1 4.3 2.5c-.9.5-1.5 1.1-1.5 2.1v.3"
            strokeWidth="2.2"
            strokeLinecap="round"
          />
          <circle cx="8" cy="13.4" r="1.3" fill="currentColor" stroke="none" />
        </>
      )}
    </svg>
  );
}

/** A status as icon and label, never colour alone. */
export function StatusBadge({ status, className = "" }: { status: Status; className?: string }) {
  return (
    <span
      data-testid="status-badge"
      data-status={status}
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-1.5 py-0.5 text-[11px] font-bold leading-none ${className}`}
      style={BADGE_STYLES[status]}
    >
      <StatusIcon status={status} />
      {STATUS_LABELS[status]}
    </span>
  );
}
