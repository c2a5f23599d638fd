"use client";

import { Background, Controls, type EdgeTypes, type NodeTypes, ReactFlow, useReactFlow } from "@xyflow/react";
import { useEffect, useMemo, useRef } from "react";
import type { MapFlowNode, RelationFlowEdge } from "@/lib/graph/to-flow";
import type { MapLayout } from "@/lib/layout/layout";
import { PICTURE_MINIMAP_CLAIMS } from "@/lib/layout/minimap";
import { FIT_PADDING, minZoomFor } from "@/lib/layout/open-view";
import { paletteCss } from "@/lib/layout/palette-css";
import { useCanvasEditing } from "./canvas-editing";
import { AnchorNode, ClaimNode } from "./claim-node";
import { useStatusLabels } from "./claim-status";
import { MapMinimap, MinimapToggle } from "./map-minimap";
import {
  OverviewCanvas,
  OverviewFrame,
  type OverviewFrameNode,
  OverviewMinimapNode,
  OverviewMinimapScope,
  useOverview,
} from "./map-overview";
import { useMapStore } from "./map-store";
import { useMapView } from "./map-view";
import { EdgeMarkers, RelationEdge } from "./relation-edge";
import { useColorScheme } from "./use-color-scheme";
import { useOpeningView } from "./use-opening-view";

const NODE_TYPES: NodeTypes = { claim: ClaimNode, anchor: AnchorNode, frame: OverviewFrame };
const EDGE_TYPES: EdgeTypes = { relation: RelationEdge };

/** Zoom at which claim text reads comfortably; the first view and reveals never go below it. */
const READING_ZOOM = 0.8;

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

/**
 * How much of the canvas the inspector covers where it is a sheet over the map (phones and
 * tablets: the panel marked `data-sheet` is fixed there), else 0. The sheet's top is read without
 * its slide-in transform, so it is right while the sheet is still sliding up.
 */
function sheetCover(container: HTMLElement | null): number {
  const sheet = document.querySelector<HTMLElement>("[data-sheet]");
  if (!container || !sheet || getComputedStyle(sheet).position !== "fixed") return 0;
  return Math.max(0, container.getBoundingClientRect().bottom - sheet.offsetTop);
}

function boxOf(layout: MapLayout, id: string) {
  return layout.nodes.find((n) => n.id === id);
}

/** The React Flow canvas of the open map. */
export function MapCanvas() {
  const { flow, layout, index } = useMapView();
  const select = useMapStore((s) => s.select);
  const reveal = useMapStore((s) => s.reveal);
  const { onConnectEnd } = useCanvasEditing();
  const reactFlow = useReactFlow<MapFlowNode, RelationFlowEdge>();
  const container = useRef<HTMLDivElement>(null);
  // React Flow's own "system" mode can stay light after hydration, so the scheme is passed explicitly.
  const colorScheme = useColorScheme();
  const nodes = useStatusLabels(flow.nodes);
  // Claims are the canvas's Tab stops. Edges come first in React Flow's DOM, so they are made
  // outside the Tab order but focusable (a click focuses one; the inspector's "Open link" buttons
  // select it).
  const { edges } = flow;

  // Zoomed out on a big map, one canvas draws the claims and React Flow holds only the frame and the selection.
  const overview = useOverview(layout, index, nodes, edges);

  // The first view: the theses at reading size, or the requested claim; refitted on a new orientation.
  useOpeningView(container, layout, reveal !== null);
  const minZoom = useMemo(() => minZoomFor(layout), [layout]);
  const picture = useMemo(
    () => ({ nodes: layout.nodes, sideOf: (id: string) => index.claims.get(id)?.side ?? ("aff" as const) }),
    [layout.nodes, index],
  );

  // Bring a requested claim to the middle of the canvas, after any relayout it caused.
  useEffect(() => {
    if (!reveal) return;
    const box = boxOf(layout, reveal.id);
    if (!box) return;
    const zoom = Math.max(reactFlow.getZoom(), READING_ZOOM);
    // Centred in the part of the canvas the inspector's sheet leaves free.
    const cover = sheetCover(container.current);
    void reactFlow.setCenter(box.x + box.width / 2, box.y + box.height / 2 + cover / 2 / zoom, { zoom });
    if (reveal.focus) requestAnimationFrame(() => focusNode(container.current, reveal.id));
  }, [reveal, layout, reactFlow]);

  // On a phone or tablet the selected claim's sheet slides up over the lower part of the map: a
  // claim tapped there moves up into the room above the sheet.
  const selected = useMapStore((s) => (s.selection?.kind === "claim" ? s.selection.id : null));
  useEffect(() => {
    if (!selected) return;
    const cover = sheetCover(container.current);
    const rect = container.current?.getBoundingClientRect();
    const box = boxOf(layout, selected);
    if (!cover || !rect || !box) return;
    const { x, y, zoom } = reactFlow.getViewport();
    const top = box.y * zoom + y;
    const bottom = (box.y + box.height) * zoom + y;
    const left = box.x * zoom + x;
    const right = (box.x + box.width) * zoom + x;
    if (top >= 0 && bottom <= rect.height - cover && left >= 0 && right <= rect.width) return;
    void reactFlow.setCenter(box.x + box.width / 2, box.y + box.height / 2 + cover / 2 / zoom, {
      zoom,
      duration: 200,
    });
  }, [selected, layout, reactFlow]);

  return (
    <div
      ref={container}
      className="clashmap-canvas relative h-full w-full"
      data-testid="map-canvas"
      data-overview={overview.active || undefined}
      onDoubleClickCapture={(event) => {
        // A double click on a claim's spot in the overview opens it at reading zoom (instead of zooming 2×).
        if (
          overview.active &&
          (event.target as Element).closest(".react-flow__pane") &&
          overview.openAt(event)
        )
          event.stopPropagation();
      }}
    >
      <style>{CANVAS_CSS}</style>
      <EdgeMarkers />
      <ReactFlow<MapFlowNode | OverviewFrameNode, RelationFlowEdge>
        nodes={overview.nodes}
        edges={overview.edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onlyRenderVisibleElements
        colorMode={colorScheme}
        minZoom={minZoom}
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
        onPaneClick={(event) => {
          if (!overview.active || !overview.selectAt(event)) select(null);
        }}
        ariaLabelConfig={{
          "node.a11yDescription.default":
            "Press Enter to open this claim in the inspector; arrow keys move between claims.",
          "edge.a11yDescription.default": "Press Enter to open this relation in the inspector.",
        }}
      >
        <Background gap={24} />
        {overview.active && overview.scene ? (
          <OverviewCanvas scene={overview.scene} dark={colorScheme === "dark"} />
        ) : null}
        <Controls showInteractive={false} fitViewOptions={{ padding: FIT_PADDING }}>
          <MinimapToggle />
        </Controls>
        <OverviewMinimapScope
          scene={overview.active ? overview.scene : undefined}
          dark={colorScheme === "dark"}
        >
          <MapMinimap
            width={layout.width}
            height={layout.height}
            dark={colorScheme === "dark"}
            nodeComponent={overview.active ? OverviewMinimapNode : undefined}
            picture={!overview.active && layout.nodes.length > PICTURE_MINIMAP_CLAIMS ? picture : undefined}
          />
        </OverviewMinimapScope>
      </ReactFlow>
    </div>
  );
}
