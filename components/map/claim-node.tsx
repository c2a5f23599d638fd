"use client";

import { Handle, type NodeProps, type Position, useStore } from "@xyflow/react";
import { memo } from "react";
import { ConnectHandle } from "@/components/editor/drag-connect";
import type { AnchorFlowNode, ClaimFlowNode } from "@/lib/graph/to-flow";
import type { HandleSpec } from "@/lib/layout/layout";
import { NODE_STYLES } from "@/lib/layout/node-style";
import { DETAIL_ZOOM } from "@/lib/layout/open-view";
import { ClaimNodeLite } from "./claim-node-lite";
import { useMapStore } from "./map-store";
import { useSearchMatch } from "./map-view";

const SIDE_CLASSES = {
  aff: {
    band: "border-l-blue-700 dark:border-l-blue-400",
    label: "bg-blue-700 text-white dark:bg-blue-300 dark:text-blue-950",
  },
  neg: {
    band: "border-l-red-700 dark:border-l-red-400",
    label: "bg-red-700 text-white dark:bg-red-300 dark:text-red-950",
  },
} as const;

function ClaimNodeView({ id, data }: NodeProps<ClaimFlowNode>) {
  const selected = useMapStore((s) => s.selection?.kind === "claim" && s.selection.id === id);
  const match = useSearchMatch(id);
  const matched = match !== undefined;
  const current = match === "current";
  const toggleCollapsed = useMapStore((s) => s.toggleCollapsed);
  const direction = useMapStore((s) => s.direction);
  // A boolean selector: zooming re-renders a node only when it crosses the level of detail.
  const far = useStore((s) => s.transform[2] < DETAIL_ZOOM);
  if (far)
    return (
      <>
        <ClaimNodeLite id={id} data={data} selected={selected} match={match} />
        <NodeHandles handles={data.handles} />
      </>
    );
  const style = NODE_STYLES[data.kind];
  const side = SIDE_CLASSES[data.side];
  const thesis = data.kind === "thesis";
  return (
    <div
      data-testid="claim-node"
      data-claim-id={id}
      data-selected={selected || undefined}
      data-match={matched ? (current ? "current" : "match") : undefined}
      style={{
        width: "100%",
        height: "100%",
        boxSizing: "border-box",
        borderWidth: style.border,
        borderLeftWidth: style.band,
        padding: `${style.paddingY}px ${style.paddingX}px`,
      }}
      className={[
        "rounded-md shadow-sm transition-shadow",
        side.band,
        thesis
          ? "border-slate-700 bg-white dark:border-slate-300 dark:bg-slate-800"
          : "border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900",
        matched ? "bg-yellow-50 dark:bg-yellow-950" : "",
        current ? "ring-4 ring-yellow-400 dark:ring-yellow-500" : "",
        selected ? "shadow-lg ring-4 ring-sky-500 dark:ring-sky-400" : "",
      ].join(" ")}
    >
      <div
        className="flex items-center gap-1.5 text-[11px] leading-none"
        style={{ height: style.header, marginBottom: style.headerGap }}
      >
        <span className={`rounded px-1.5 py-1 font-bold tracking-wide ${side.label}`}>
          {data.side.toUpperCase()}
        </span>
        {thesis ? (
          <span className="font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">
            Thesis
          </span>
        ) : null}
        <span className="flex-1" />
        {data.cards > 0 ? (
          <span
            data-testid="card-badge"
            title={`${data.cards} ${data.cards === 1 ? "card" : "cards"}`}
            className="rounded-full border border-slate-400 px-1.5 py-0.5 font-medium text-slate-700 dark:border-slate-500 dark:text-slate-200"
          >
            {data.cards} {data.cards === 1 ? "card" : "cards"}
          </span>
        ) : null}
        {data.descendants > 0 ? (
          <button
            type="button"
            data-testid="collapse-toggle"
            aria-expanded={!data.collapsed}
            aria-label={
              data.collapsed
                ? `Expand: show ${data.descendants} hidden ${data.descendants === 1 ? "claim" : "claims"}`
                : `Collapse: hide ${data.descendants} ${data.descendants === 1 ? "claim" : "claims"} below`
            }
            title={data.collapsed ? "Expand" : "Collapse"}
            onClick={(event) => {
              event.stopPropagation();
              toggleCollapsed(id);
            }}
            className="nodrag nopan min-w-7 rounded border border-slate-400 bg-slate-100 px-1 py-0.5 font-semibold text-slate-800 hover:bg-slate-200 dark:border-slate-500 dark:bg-slate-700 dark:text-slate-100 dark:hover:bg-slate-600"
          >
            {data.collapsed ? `+${data.descendants}` : "−"}
          </button>
        ) : null}
      </div>
      <p
        data-testid="claim-text"
        style={{
          width: data.textWidth,
          height: data.lines.length * style.lineHeight,
          fontSize: style.fontSize,
          lineHeight: `${style.lineHeight}px`,
          fontWeight: style.weight,
          whiteSpace: "pre",
          overflow: "hidden",
          margin: 0,
        }}
        className="text-slate-900 dark:text-slate-50"
      >
        {data.lines.join("\n")}
      </p>
      <NodeHandles handles={data.handles} />
      <ConnectHandle direction={direction} />
    </div>
  );
}

/** Invisible handles placed exactly where the layout put them, so measuring agrees with the layout. */
function NodeHandles({ handles }: { handles: HandleSpec[] }) {
  return (
    <>
      {handles.map((h) => (
        <Handle
          key={h.id}
          id={h.id}
          type={h.type}
          position={h.position as Position}
          isConnectable={false}
          style={{
            left: h.x,
            top: h.y,
            width: h.width,
            height: h.height,
            minWidth: 0,
            minHeight: 0,
            transform: "none",
            opacity: 0,
            border: 0,
            pointerEvents: "none",
          }}
        />
      ))}
    </>
  );
}

export const ClaimNode = memo(ClaimNodeView);

function AnchorNodeView({ data }: NodeProps<AnchorFlowNode>) {
  return (
    <div
      aria-hidden="true"
      className={`h-full w-full rounded-full border-2 ${
        data.type === "support"
          ? "border-emerald-700 bg-white dark:border-emerald-400 dark:bg-slate-900"
          : "border-red-700 bg-white dark:border-red-400 dark:bg-slate-900"
      }`}
    >
      <NodeHandles handles={data.handles} />
    </div>
  );
}

export const AnchorNode = memo(AnchorNodeView);
