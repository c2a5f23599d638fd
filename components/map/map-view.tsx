"use client";

import { createContext, type ReactNode, useContext, useMemo, useRef } from "react";
import { reuseFlow } from "@/lib/graph/flow-reuse";
import { searchClaims } from "@/lib/graph/search";
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

/** The claims matching the search, derived from the current model so edits and undo update them. */
export interface SearchMatches {
  /** Matching claims in reading order. */
  matches: readonly string[];
  /** The match stepped to, or -1 (also when an edit removed the match it pointed at). */
  current: number;
  /** The same matches as a set, for each node's lookup. */
  matchSet?: ReadonlySet<string>;
}

const MapViewContext = createContext<MapView | null>(null);
const SearchContext = createContext<SearchMatches | null>(null);

/** Derives the index, tree, layout and React Flow graph of the open map once for every component below. */
export function MapViewProvider({ children }: { children: ReactNode }) {
  const model = useMapStore((s) => s.model);
  const collapsed = useMapStore((s) => s.collapsed);
  const direction = useMapStore((s) => s.direction);
  const index = useMemo(() => indexMap(model), [model]);
  const tree = useMemo(() => buildClaimTree(model, index), [model, index]);
  const order = useMemo(() => treeOrder(tree), [tree]);
  const layout = useMemo(
    () => layoutMap(model, { direction, collapsed, tree }),
    [model, direction, collapsed, tree],
  );
  // Unchanged claims keep their node objects, so memoised nodes skip them after an edit.
  const previousFlow = useRef<FlowGraph | undefined>(undefined);
  const flow = useMemo(() => {
    const next = reuseFlow(previousFlow.current, toFlow(layout, index, order));
    previousFlow.current = next;
    return next;
  }, [layout, index, order]);
  const view = useMemo(() => ({ index, tree, order, layout, flow }), [index, tree, order, layout, flow]);
  const query = useMapStore((s) => s.query);
  const matchIndex = useMapStore((s) => s.matchIndex);
  const matches = useMemo(() => searchClaims(index, order, query), [index, order, query]);
  const search = useMemo(
    () => ({ matches, current: matchIndex < matches.length ? matchIndex : -1, matchSet: new Set(matches) }),
    [matches, matchIndex],
  );
  return (
    <MapViewContext.Provider value={view}>
      <SearchContext.Provider value={search}>{children}</SearchContext.Provider>
    </MapViewContext.Provider>
  );
}

/** The derived view of the open map. */
export function useMapView(): MapView {
  const view = useContext(MapViewContext);
  if (!view) throw new Error("useMapView must be used inside a MapViewProvider");
  return view;
}

/** The search's matches in the current model and the one stepped to. */
export function useSearchMatches(): SearchMatches {
  const search = useContext(SearchContext);
  if (!search) throw new Error("useSearchMatches must be used inside a MapViewProvider");
  return search;
}

/** How a claim takes part in the search: the match stepped to, another match, or not at all. */
export function useSearchMatch(id: string): "current" | "match" | undefined {
  const { matches, current, matchSet } = useSearchMatches();
  if (current >= 0 && matches[current] === id) return "current";
  return (matchSet ? matchSet.has(id) : matches.includes(id)) ? "match" : undefined;
}
