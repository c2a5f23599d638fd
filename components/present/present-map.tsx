"use client";

import {
  type EdgeProps,
  type EdgeTypes,
  getViewportForBounds,
  Handle,
  type NodeProps,
  type NodeTypes,
  type Position,
  ReactFlow,
  useReactFlow,
} from "@xyflow/react";
import { createContext, memo, useContext, useEffect, useMemo, useRef } from "react";
import { edgeCurve } from "@/lib/graph/edge-path";
import type {
  AnchorFlowNode,
  ClaimFlowNode,
  FlowGraph,
  MapFlowNode,
  RelationFlowEdge,
} from "@/lib/graph/to-flow";
import type { HandleSide, HandleSpec, MapLayout } from "@/lib/layout/layout";
import { NODE_STYLES } from "@/lib/layout/node-style";
import { PALETTES } from "@/lib/layout/palette";
import { frameBox, type PresentStep, visiblePart } from "@/lib/present/steps";

/** The projector theme: the dark palette, on a background darker than the nodes. */
export const PROJECTOR = PALETTES.dark;
export const PROJECTOR_BACKGROUND = "#020617";
/** The ring around the current claim: thick, so it reads by shape as well as colour. */
const CURRENT_RING = "#facc15";

/**
 * Largest camera zoom: at 2 a claim's 14 px text is 28 px on screen. Smallest: far enough out to
 * frame a claim with a parent a few siblings away.
 */
const MAX_ZOOM = 2;
const MIN_ZOOM = 0.3;
const CAMERA_MS = 700;

const CurrentContext = createContext<{ claimId?: string; relationId?: string }>({});

const SIDE_TEXT = { aff: "AFF", neg: "NEG" } as const;

function PresentClaimView({ id, data }: NodeProps<ClaimFlowNode>) {
  const { claimId } = useContext(CurrentContext);
  const current = claimId === id;
  const style = NODE_STYLES[data.kind];
  const side = PROJECTOR.side[data.side];
  const thesis = data.kind === "thesis";
  return (
    <div
      data-testid="present-claim"
      data-claim-id={id}
      data-current={current || undefined}
      style={{
        width: "100%",
        height: "100%",
        boxSizing: "border-box",
        borderStyle: "solid",
        borderWidth: style.border,
        borderLeftWidth: style.band,
        borderColor: thesis ? PROJECTOR.node.thesisBorder : PROJECTOR.node.border,
        borderLeftColor: side.band,
        background: thesis ? PROJECTOR.node.thesisFill : PROJECTOR.node.fill,
        color: PROJECTOR.text,
        padding: `${style.paddingY}px ${style.paddingX}px`,
        borderRadius: 6,
        outline: current ? `4px solid ${CURRENT_RING}` : undefined,
        outlineOffset: current ? 3 : undefined,
        boxShadow: current ? "0 0 0 10px rgba(250, 204, 21, 0.22)" : undefined,
        transition: "box-shadow 300ms, outline-color 300ms",
      }}
    >
      <div
        className="flex items-center gap-1.5 text-[11px] leading-none"
        style={{ height: style.header, marginBottom: style.headerGap }}
      >
        <span
          className="rounded px-1.5 py-1 font-bold tracking-wide"
          style={{ background: side.labelFill, color: side.labelText }}
        >
          {SIDE_TEXT[data.side]}
        </span>
        {thesis ? (
          <span className="font-semibold uppercase tracking-wide" style={{ color: PROJECTOR.mutedText }}>
            Thesis
          </span>
        ) : null}
        <span className="flex-1" />
        {data.cards > 0 ? (
          <span
            className="rounded-full border px-1.5 py-0.5 font-medium"
            style={{ borderColor: PROJECTOR.badge.border, color: PROJECTOR.badge.text }}
          >
            {data.cards} {data.cards === 1 ? "card" : "cards"}
          </span>
        ) : null}
      </div>
      <p
        data-testid="present-claim-text"
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
      >
        {data.lines.join("\n")}
      </p>
      <Handles handles={data.handles} />
    </div>
  );
}

function PresentAnchorView({ data }: NodeProps<AnchorFlowNode>) {
  return (
    <div
      aria-hidden="true"
      className="h-full w-full rounded-full border-2"
      style={{ borderColor: PROJECTOR.relation[data.type].stroke, background: PROJECTOR.node.fill }}
    >
      <Handles handles={data.handles} />
    </div>
  );
}

/** Invisible handles exactly where the layout put them, so edges meet the boxes as laid out. */
function Handles({ handles }: { handles: HandleSpec[] }) {
  return handles.map((h) => (
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
  ));
}

const MARKERS = { support: "present-support-end", attack: "present-attack-end" } as const;

function PresentEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
}: EdgeProps<RelationFlowEdge>) {
  const { relationId } = useContext(CurrentContext);
  const type = data?.type ?? "support";
  const curve = edgeCurve(
    { x: sourceX, y: sourceY },
    sourcePosition as HandleSide,
    { x: targetX, y: targetY },
    targetPosition as HandleSide,
  );
  const stroke = PROJECTOR.stroke[type];
  const current = relationId === id;
  return (
    <path
      d={curve.path}
      fill="none"
      stroke={PROJECTOR.relation[type].stroke}
      strokeWidth={(current ? 2 : 1.4) * stroke.width}
      strokeDasharray={stroke.dash}
      markerEnd={`url(#${MARKERS[type]})`}
      data-testid="present-edge"
      data-relation-id={id}
      data-relation-type={type}
    />
  );
}

/** Arrowheads: a filled triangle for support, a bar with a chevron for attack (apart in greyscale too). */
function Markers() {
  return (
    <svg aria-hidden="true" width="0" height="0" style={{ position: "absolute" }}>
      <defs>
        <marker
          id={MARKERS.support}
          viewBox="0 0 12 12"
          refX="11"
          refY="6"
          markerWidth="16"
          markerHeight="16"
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L12,6 L0,12 z" fill={PROJECTOR.relation.support.stroke} />
        </marker>
        <marker
          id={MARKERS.attack}
          viewBox="0 0 14 14"
          refX="13"
          refY="7"
          markerWidth="18"
          markerHeight="18"
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path
            d="M12,0 L12,14 M1,2 L8,7 L1,12"
            fill="none"
            strokeWidth="2.5"
            stroke={PROJECTOR.relation.attack.stroke}
          />
        </marker>
      </defs>
    </svg>
  );
}

const NODE_TYPES: NodeTypes = { claim: memo(PresentClaimView), anchor: memo(PresentAnchorView) };
const EDGE_TYPES: EdgeTypes = { relation: memo(PresentEdgeView) };

function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/**
 * The map as far as the presentation has come: the whole map is laid out once, so nothing moves
 * as claims appear, and only the revealed claims and the relations between them are drawn. The
 * camera glides to frame the current claim with the claim it answers.
 */
export function PresentMap({
  layout,
  flow,
  steps,
  step,
  revealed,
}: {
  layout: MapLayout;
  flow: FlowGraph;
  steps: readonly PresentStep[];
  step: number;
  revealed: ReadonlySet<string>;
}) {
  const reactFlow = useReactFlow<MapFlowNode, RelationFlowEdge>();
  const container = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  const visible = useMemo(() => visiblePart(layout, revealed), [layout, revealed]);
  const nodes = useMemo(
    () => flow.nodes.filter((n) => visible.claims.has(n.id) || visible.anchors.has(n.id)),
    [flow.nodes, visible],
  );
  const edges = useMemo(() => flow.edges.filter((e) => visible.edges.has(e.id)), [flow.edges, visible]);
  const current = steps[step];
  const currentIds = useMemo(
    () => ({ claimId: current?.claimId, relationId: current?.relationId }),
    [current?.claimId, current?.relationId],
  );

  useEffect(() => {
    const el = container.current;
    if (!el || !current) return;
    const frame = () => {
      const box = frameBox(layout, current, revealed);
      const rect = el.getBoundingClientRect();
      if (!box || rect.width === 0 || rect.height === 0) return;
      const viewport = getViewportForBounds(box, rect.width, rect.height, MIN_ZOOM, MAX_ZOOM, 0.12);
      const duration = moved.current && !prefersReducedMotion() ? CAMERA_MS : 0;
      moved.current = true;
      void reactFlow.setViewport(viewport, { duration });
    };
    frame();
    // Going full screen or resizing the window changes the canvas: frame the claim again.
    let size = `${el.clientWidth}x${el.clientHeight}`;
    const observer = new ResizeObserver(() => {
      const now = `${el.clientWidth}x${el.clientHeight}`;
      if (now === size) return;
      size = now;
      frame();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [layout, current, revealed, reactFlow]);

  return (
    <div ref={container} className="relative h-full w-full" data-testid="present-canvas">
      <Markers />
      <CurrentContext.Provider value={currentIds}>
        <ReactFlow<MapFlowNode, RelationFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          colorMode="dark"
          style={{ background: PROJECTOR_BACKGROUND }}
          minZoom={MIN_ZOOM}
          maxZoom={MAX_ZOOM}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          disableKeyboardA11y
          zoomOnDoubleClick={false}
        />
      </CurrentContext.Provider>
    </div>
  );
}
