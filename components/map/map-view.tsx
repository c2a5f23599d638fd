"use client";

import { createContext, type ReactNode, useContext, useMemo } from "react";
import { type FlowGraph, toFlow } from "@/lib/graph/to-flow";
import { layoutMap, type MapLayout } from "@/lib/layout/layout";
import { buildClaimTree, type ClaimTree, treeOrder } from "@/lib/layout/tree";
import { indexMap, type MapIndex } from "@/lib/model/queries";
import { useMapStore } from "./map-store";

export interface MapView {
  index: MapIndex;
  tree: ClaimTree;
  /** Every claim in reading order. */
  order: string[];
  layout: MapLayout;
  flow: FlowGraph;
}

const MapViewContext = createContext<MapView | null>(null);

/** Derives the index, tree, layout and React Flow graph of the open map once for every component below. */
export function MapViewProvider({ children }: { children: ReactNode }) {
  const model = useMapStore((s) => s.model);
  const collapsed = useMapStore((s) => s.collapsed);
  const direction = useMapStore((s) => s.direction);
  const index = useMemo(() => indexMap(model), [model]);
  const tree = useMemo(() => buildClaimTree(model), [model]);
  const order = useMemo(() => treeOrder(tree), [tree]);
  const layout = useMemo(
    () => layoutMap(model, { direction, collapsed, tree }),
    [model, direction, collapsed, tree],
  );
  const flow = useMemo(() => toFlow(layout, index), [layout, index]);
  const view = useMemo(() => ({ index, tree, order, layout, flow }), [index, tree, order, layout, flow]);
  return <MapViewContext.Provider value={view}>{children}</MapViewContext.Provider>;
}

/** The derived view of the open map. */
export function useMapView(): MapView {
  const view = useContext(MapViewContext);
  if (!view) throw new Error("useMapView must be used inside a MapViewProvider");
  return view;
}
