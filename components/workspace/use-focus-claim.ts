"use client";

import { useCallback } from "react";
import { useMapStoreApi } from "@/components/map/map-store";
import { useMapView } from "@/components/map/map-view";
import { ancestorsOf } from "@/lib/layout/tree";

/** Selects a claim, expands its collapsed ancestors and brings it into view (with keyboard focus when asked). */
export function useFocusClaim(): (id: string, focus: boolean) => void {
  const api = useMapStoreApi();
  const { tree } = useMapView();
  return useCallback(
    (id: string, focus: boolean) => {
      const state = api.getState();
      const ancestors = new Set(ancestorsOf(tree, id));
      if ([...state.collapsed].some((c) => ancestors.has(c))) {
        state.setCollapsed([...state.collapsed].filter((c) => !ancestors.has(c)));
      }
      state.select({ kind: "claim", id });
      state.requestReveal(id, focus);
    },
    [api, tree],
  );
}
