"use client";

import { Handle, type NodeProps, type Position, useStore } from "@xyflow/react";
import { memo } from "react";
import { STATUS_LABELS } from "@/lib/analysis/explain";
import type { AnchorFlowNode, ClaimFlowNode } from "@/lib/graph/to-flow";
import type { HandleSpec } from "@/lib/layout/layout";
import { NODE_STYLES } from "@/lib/layout/node-style";
import { DETAIL_ZOOM } from "@/lib/layout/open-view";
import { paletteVar } from "@/lib/layout/palette-css";
import { useCanvasEditing } from "./canvas-editing";
import { ClaimNodeLite } from "./claim-node-lite";
import { StatusBadge, useClaimStatus } from "./claim-status";
import { useMapStore } from "./map-store";
import { useSearchMatch } from "./map-view";
import { PresenceOutline } from "./presence";

/** The side's colours from the palette (as CSS variables, so both schemes follow it). */
const SIDE_COLOURS = {
  aff: {
    band: paletteVar("aff-band"),
    label: paletteVar("aff-label"),
    labelText: paletteVar("aff-label-text"),
  },
  neg: {
    band: paletteVar("neg-band"),
    label: paletteVar("neg-label"),
    labelText: paletteVar("neg-label-text"),
  },
} as const;

/** A claim, with other people's selection of it outlined around it when editing live. */
function ClaimNodeView(props: NodeProps<ClaimFlowNode>) {
  return (
    <>
      <ClaimNodeBody {...props} />
      <PresenceOutline id={props.id} />
    </>
  );
}

function ClaimNodeBody({ id, data }: NodeProps<ClaimFlowNode>) {
  const selected = useMapStore((s) => s.selection?.kind === "claim" && s.selection.id === id);
  const match = useSearchMatch(id);
  const matched = match !== undefined;
  const current = match === "current";
  const toggleCollapsed = useMapStore((s) => s.toggleCollapsed);
  const direction = useMapStore((s) => s.direction);
  const { ClaimHandle } = useCanvasEditing();
  const verdict = useClaimStatus(id);
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
  const side = SIDE_COLOURS[data.side];
  const thesis = data.kind === "thesis";
  return (
    <div
      data-testid="claim-node"
      data-claim-id={id}
      data-status={verdict?.status}
      title={verdict ? `${STATUS_LABELS[verdict.status]}: ${verdict.reason}` : undefined}
      data-selected={selected || undefined}
      data-match={matched ? (current ? "current" : "match") : undefined}
      style={{
        width: "100%",
        height: "100%",
        boxSizing: "border-box",
        borderWidth: style.border,
        borderLeftWidth: style.band,
        padding: `${style.paddingY}px ${style.paddingX}px`,
        borderColor: paletteVar(thesis ? "thesis-border" : "node-border"),
        borderLeftColor: side.band,
        // A match is tinted with the search colour over the node's own fill.
        background: matched
          ? `color-mix(in srgb, ${paletteVar("search-match")} 14%, ${paletteVar(thesis ? "thesis-fill" : "node-fill")})`
          : paletteVar(thesis ? "thesis-fill" : "node-fill"),
      }}
      className={[
        "rounded-md shadow-sm transition-shadow",
        current ? "ring-4 ring-(--cm-search-match)" : "",
        selected ? "shadow-lg ring-4 ring-(--cm-selection)" : "",
      ].join(" ")}
    >
      <div
        className="flex items-center gap-1.5 text-[11px] leading-none"
        style={{ height: style.header, marginBottom: style.headerGap }}
      >
        <span
          className="rounded px-1.5 py-1 font-bold tracking-wide"
          style={{ background: side.label, color: side.labelText }}
        >
          {data.side.toUpperCase()}
        </span>
        {thesis ? (
          <span className="font-semibold uppercase tracking-wide" style={{ color: paletteVar("muted-text") }}>
            Thesis
          </span>
        ) : null}
        <span className="flex-1" />
        {data.cards > 0 ? (
          <span
            data-testid="card-badge"
            title={`${data.cards} ${data.cards === 1 ? "card" : "cards"}`}
            className="rounded-full border px-1.5 py-0.5 font-medium"
            style={{ borderColor: paletteVar("badge-border"), color: paletteVar("badge-text") }}
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
          color: paletteVar("text"),
        }}
      >
        {data.lines.join("\n")}
      </p>
      {verdict ? (
        <StatusBadge status={verdict.status} className="pointer-events-none absolute -top-2.5 right-3" />
      ) : null}
      <NodeHandles handles={data.handles} />
      {ClaimHandle ? <ClaimHandle direction={direction} /> : null}
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
      className="h-full w-full rounded-full border-2"
      style={{ borderColor: paletteVar(data.type), background: paletteVar("node-fill") }}
    >
      <NodeHandles handles={data.handles} />
    </div>
  );
}

export const AnchorNode = memo(AnchorNodeView);
