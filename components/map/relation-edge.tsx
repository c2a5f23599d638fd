"use client";

import { EdgeLabelRenderer, type EdgeProps, useStore } from "@xyflow/react";
import { memo, useMemo } from "react";
import { edgeCurve, routeCurve } from "@/lib/graph/edge-path";
import { edgeNameId, type RelationFlowEdge, relationLabel } from "@/lib/graph/to-flow";
import type { HandleSide } from "@/lib/layout/layout";
import { DETAIL_ZOOM } from "@/lib/layout/open-view";
import { PALETTES } from "@/lib/layout/palette";
import { paletteVar } from "@/lib/layout/palette-css";
import { useMapStore } from "./map-store";
import { useOptionalMapView } from "./map-view";

const MARKER_IDS = { support: "clashmap-support-end", attack: "clashmap-attack-end" } as const;

/** Width and dash are the same in both schemes; colours come from the palette's CSS variables. */
const STROKE = PALETTES.light.stroke;

function RelationEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
}: EdgeProps<RelationFlowEdge>) {
  const selected = useMapStore((s) => s.selection?.kind === "relation" && s.selection.id === id);
  const select = useMapStore((s) => s.select);
  // Zoomed out, card badges are unreadable and cost a DOM element each, so they are left out.
  const far = useStore((s) => s.transform[2] < DETAIL_ZOOM);
  const type = data?.type ?? "support";
  // Kept between renders: an edit re-renders every edge in view (its name may have changed).
  const routed = data?.route;
  const curve = useMemo(
    () =>
      routed
        ? routeCurve(routed)
        : edgeCurve(
            { x: sourceX, y: sourceY },
            sourcePosition as HandleSide,
            { x: targetX, y: targetY },
            targetPosition as HandleSide,
          ),
    [routed, sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition],
  );
  // The middle of an undercut relation holds the anchor, so its badge moves towards the source.
  // A routed edge's badge sits where the line meets its answer, one per answer down the column.
  const route = data?.route && data.route.length > 2 ? data.route : undefined;
  const badgeAt = route ? route[1] : curve.pointAt(data?.undercut ? 0.25 : 0.5);
  // In a column of answers the badge ends where the line enters its answer, on the spine, so the
  // answer's card does not cover half of it.
  const besideAnswer =
    route !== undefined && route[1].x < route[0].x - 4 && Math.abs(route[1].y - route[0].y) < 1;
  const badgeTransform = besideAnswer
    ? `translate(-100%, -50%) translate(${route[0].x - 3}px, ${route[0].y}px)`
    : `translate(-50%, -50%) translate(${badgeAt.x}px, ${badgeAt.y}px)`;
  const cards = data?.cards ?? 0;
  // The edge's name comes from the map, not its object: rewording a claim leaves edges as they were.
  const index = useOptionalMapView()?.index;
  const name = useMemo(() => (index ? relationLabel(index, id) : undefined), [index, id]);
  return (
    <>
      {name !== undefined ? <title id={edgeNameId(id)}>{name}</title> : null}
      {selected ? (
        <path
          d={curve.path}
          fill="none"
          style={{ stroke: paletteVar("selection") }}
          strokeOpacity={0.55}
          strokeWidth={9}
        />
      ) : null}
      <path
        d={curve.path}
        fill="none"
        className="edge-focus-ring"
        style={{ stroke: paletteVar("focus") }}
        strokeWidth={10}
        strokeLinecap="round"
      />
      <path
        d={curve.path}
        fill="none"
        style={{ stroke: paletteVar(type) }}
        strokeWidth={STROKE[type].width}
        strokeDasharray={STROKE[type].dash}
        markerEnd={`url(#${MARKER_IDS[type]})`}
        data-testid="relation-edge"
        data-relation-type={type}
      />
      <path
        d={curve.path}
        fill="none"
        stroke="transparent"
        strokeWidth={18}
        className="react-flow__edge-interaction"
      />
      {cards > 0 && !far ? (
        <EdgeLabelRenderer>
          <button
            type="button"
            tabIndex={-1}
            aria-hidden="true"
            data-testid="edge-badge"
            onClick={() => select({ kind: "relation", id })}
            className="nodrag nopan pointer-events-auto absolute inline-flex items-center gap-1 rounded-full border px-1.5 py-0.5 text-[11px] font-semibold leading-none shadow-sm"
            style={{
              transform: badgeTransform,
              // Where the line's middle passes under a claim (a second target, an undercut) or
              // the room beside an answer is narrow, the badge is drawn over the claim's edge.
              zIndex: 1,
              borderColor: paletteVar(type),
              color: paletteVar(`${type}-text`),
              background: paletteVar("badge-fill"),
            }}
          >
            <RelationIcon type={type} />
            {cards} {cards === 1 ? "card" : "cards"}
          </button>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const RelationEdge = memo(RelationEdgeView);

/** Arrowheads: a filled triangle for support, a bar with an open chevron for attack (distinct in greyscale). */
export function EdgeMarkers() {
  return (
    <svg aria-hidden="true" width="0" height="0" style={{ position: "absolute" }}>
      <defs>
        <marker
          id={MARKER_IDS.support}
          viewBox="0 0 12 12"
          refX="11"
          refY="6"
          markerWidth="14"
          markerHeight="14"
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L12,6 L0,12 z" style={{ fill: paletteVar("support") }} />
        </marker>
        <marker
          id={MARKER_IDS.attack}
          viewBox="0 0 14 14"
          refX="13"
          refY="7"
          markerWidth="16"
          markerHeight="16"
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path
            d="M12,0 L12,14 M1,2 L8,7 L1,12"
            fill="none"
            strokeWidth="2.5"
            style={{ stroke: paletteVar("attack") }}
          />
        </marker>
      </defs>
    </svg>
  );
}

/**
 * The relation's line in small, as on the canvas: a solid line with an arrowhead for support, a
 * dashed one ending in a bar for attack; in a badge it says whose cards these are without a sign.
 */
export function RelationIcon({ type }: { type: "support" | "attack" }) {
  const colour = { stroke: paletteVar(type) };
  return (
    <svg aria-hidden="true" width="16" height="10" viewBox="0 0 16 10" data-testid={`relation-icon-${type}`}>
      {type === "support" ? (
        <>
          <path d="M1,5 L10,5" fill="none" strokeWidth="2" style={colour} />
          <path d="M9,1 L15,5 L9,9 z" style={{ fill: paletteVar(type) }} />
        </>
      ) : (
        <>
          <path d="M1,5 L12,5" fill="none" strokeWidth="2" strokeDasharray="3 2" style={colour} />
          <path d="M14,1 L14,9" fill="none" strokeWidth="2.5" style={colour} />
        </>
      )}
    </svg>
  );
}
