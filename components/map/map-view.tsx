"use client";

import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef } from "react";
import { deriveMapView, type MapView } from "@/lib/graph/map-view";
import { searchClaims } from "@/lib/graph/search";
import { measureClaimBoxes } from "@/lib/layout/node-style";
import { useMapStore, useMapStoreApi } from "./map-store";

export type { MapView } from "@/lib/graph/map-view";

/** The derived view of the open map, or null outside a MapViewProvider. */
export function useOptionalMapView(): MapView | null {
  return useContext(MapViewContext);
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
  // Each view is derived from the one before, so an edit redoes only what it changed and
  // unchanged claims keep their node objects (memoised nodes and React Flow skip them). Edges are
  // named by their component, so a reworded claim leaves every edge object as it was.
  const previous = useRef<MapView | undefined>(undefined);
  const view = useMemo(() => {
    const next = deriveMapView(model, { direction, collapsed, edgeNames: false }, previous.current);
    previous.current = next;
    return next;
  }, [model, direction, collapsed]);
  const { index, order } = view;
  // A big map opens folded: its hidden claims' texts are measured once while the page is idle, so
  // unfolding them (Expand all) does not wait for thousands of texts to be measured. Claims written
  // later are measured as they are laid out.
  const api = useMapStoreApi();
  useEffect(() => {
    if (typeof window.requestIdleCallback !== "function") return;
    const opened = api.getState().model;
    let at = 0;
    let handle = 0;
    const work = (deadline: IdleDeadline) => {
      at = measureClaimBoxes(opened, at, () => deadline.timeRemaining() > 2);
      if (at < opened.claims.length) handle = window.requestIdleCallback(work);
    };
    // Begun a moment after opening, so it never holds up the first frames of the map.
    const timer = window.setTimeout(() => {
      handle = window.requestIdleCallback(work);
    }, 1500);
    return () => {
      window.clearTimeout(timer);
      window.cancelIdleCallback(handle);
    };
  }, [api]);
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
