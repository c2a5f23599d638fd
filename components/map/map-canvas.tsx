"use client";

import {
  Background,
  Controls,
  type EdgeTypes,
  MiniMap,
  type Node,
  type NodeTypes,
  ReactFlow,
  useReactFlow,
} from "@xyflow/react";
import { useEffect, useMemo, useRef } from "react";
import type { MapFlowNode, RelationFlowEdge } from "@/lib/graph/to-flow";
import type { MapLayout } from "@/lib/layout/layout";
import { PALETTES, type Palette } from "@/lib/layout/palette";
import { paletteCss } from "@/lib/layout/palette-css";
import { useCanvasEditing } from "./canvas-editing";
import { AnchorNode, ClaimNode } from "./claim-node";
import { useStatusLabels } from "./claim-status";
import { useMapStore } from "./map-store";
import { useMapView } from "./map-view";
import { EdgeMarkers, RelationEdge } from "./relation-edge";
import { useColorScheme } from "./use-color-scheme";

const NODE_TYPES: NodeTypes = { claim: ClaimNode, anchor: AnchorNode };
const EDGE_TYPES: EdgeTypes = { relation: RelationEdge };

/** Zoom at which claim text reads comfortably; the first view and reveals never go below it. */
const READING_ZOOM = 0.8;
const MIN_ZOOM = 0.04;

/** The minimap draws each claim in its side's colour, and a link's anchor in its relation's. */
function minimapColor(palette: Palette) {
  return (node: Node): string => {
    const data = (node as MapFlowNode).data;
    if (!data) return palette.badge.border;
    if ("side" in data) return palette.side[data.side].band;
    return palette.relation[data.type].stroke;
  };
}

/** The palette as CSS variables for everything inside the canvas (both schemes, from the server on). */
const CANVAS_CSS = paletteCss(".clashmap-canvas");

/** Finds a node's or an edge's element in the canvas (rendered only once it is in view). */
function nodeElement(container: HTMLElement | null, id: string): HTMLElement | null {
  if (!container) return null;
  for (const el of container.querySelectorAll<HTMLElement>("[data-id]")) if (el.dataset.id === id) return el;
  return null;
}

/** Gives a node or an edge keyboard focus once it has been rendered (it may need a frame or two after panning). */
export function focusNode(container: HTMLElement | null, id: string, tries = 20): void {
  const el = nodeElement(container, id);
  if (el) {
    el.focus({ preventScroll: true });
    return;
  }
  if (tries > 0) requestAnimationFrame(() => focusNode(container, id, tries - 1));
}

function boxOf(layout: MapLayout, id: string) {
  return layout.nodes.find((n) => n.id === id);
}

/** The React Flow canvas of the open map. */
export function MapCanvas() {
  const { flow, layout } = useMapView();
  const select = useMapStore((s) => s.select);
  const reveal = useMapStore((s) => s.reveal);
  const { onConnectEnd } = useCanvasEditing();
  const reactFlow = useReactFlow<MapFlowNode, RelationFlowEdge>();
  const container = useRef<HTMLDivElement>(null);
  const initialised = useRef(false);
  // React Flow's own "system" mode can stay light after hydration, so the scheme is passed explicitly.
  const colorScheme = useColorScheme();
  const palette = PALETTES[colorScheme];
  const nodes = useStatusLabels(flow.nodes);
  // Claims are the canvas's Tab stops. Edges come first in React Flow's DOM, so they leave the Tab
  // order but stay focusable (a click focuses one; the inspector's "Open link" buttons select it).
  const edges = useMemo(
    () => flow.edges.map((edge) => ({ ...edge, domAttributes: { ...edge.domAttributes, tabIndex: -1 } })),
    [flow.edges],
  );

  // The first view: the theses at reading size, or the requested claim.
  useEffect(() => {
    if (initialised.current || reveal) return;
    initialised.current = true;
    const rect = container.current?.getBoundingClientRect();
    const width = rect?.width ?? 1000;
    const theses = layout.tree.roots.map((id) => boxOf(layout, id)).filter((n) => n !== undefined);
    if (theses.length === 0) return;
    const left = Math.min(...theses.map((n) => n.x));
    const right = Math.max(...theses.map((n) => n.x + n.width));
    const fitsAll =
      layout.width * READING_ZOOM <= width && layout.height * READING_ZOOM <= (rect?.height ?? 800);
    if (fitsAll) {
      void reactFlow.fitView({ padding: 0.08, maxZoom: 1 });
      return;
    }
    const first = theses[0];
    const centreX =
      (right - left) * READING_ZOOM <= width * 0.9 ? (left + right) / 2 : first.x + first.width / 2;
    const top = layout.direction === "TB" ? 0 : first.y;
    void reactFlow.setViewport({
      x: width / 2 - centreX * READING_ZOOM,
      y: 40 - top * READING_ZOOM,
      zoom: READING_ZOOM,
    });
  }, [layout, reactFlow, reveal]);

  // Bring a requested claim to the middle of the canvas, after any relayout it caused.
  useEffect(() => {
    if (!reveal) return;
    const box = boxOf(layout, reveal.id);
    if (!box) return;
    initialised.current = true;
    const zoom = Math.max(reactFlow.getZoom(), READING_ZOOM);
    void reactFlow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom });
    if (reveal.focus) requestAnimationFrame(() => focusNode(container.current, reveal.id));
  }, [reveal, layout, reactFlow]);

  return (
    <div ref={container} className="clashmap-canvas relative h-full w-full" data-testid="map-canvas">
      <style>{CANVAS_CSS}</style>
      <EdgeMarkers />
      <ReactFlow<MapFlowNode, RelationFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onlyRenderVisibleElements
        colorMode={colorScheme}
        minZoom={MIN_ZOOM}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={onConnectEnd !== undefined}
        onConnectEnd={onConnectEnd}
        elementsSelectable={false}
        nodesFocusable
        edgesFocusable
        onNodeClick={(_, node) => {
          if (node.type === "claim") select({ kind: "claim", id: node.id });
        }}
        onEdgeClick={(_, edge) => select({ kind: "relation", id: edge.id })}
        onPaneClick={() => select(null)}
        ariaLabelConfig={{
          "node.a11yDescription.default":
            "Press Enter to open this claim in the inspector; arrow keys move between claims.",
          "edge.a11yDescription.default": "Press Enter to open this relation in the inspector.",
        }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} fitViewOptions={{ padding: 0.05 }} />
        <MiniMap
          pannable
          zoomable
          nodeColor={minimapColor(palette)}
          bgColor={palette.background}
          maskColor={palette.minimapMask}
          ariaLabel="Minimap of the whole map"
        />
      </ReactFlow>
    </div>
  );
}
