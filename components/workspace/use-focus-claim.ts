"use client";

import { useCallback } from "react";
import { useMapStoreApi } from "@/components/map/map-store";
import { useMapView } from "@/components/map/map-view";
import { unfoldPathTo } from "@/lib/layout/open-view";

/** Selects a claim, unfolds its path and brings it into view (with keyboard focus when asked). */
export function useFocusClaim(): (id: string, focus: boolean) => void {
  const api = useMapStoreApi();
  const { tree } = useMapView();
  return useCallback(
    (id: string, focus: boolean) => {
      const state = api.getState();
      // Only the path unfolds: the branches beside it stay folded, so a claim deep in a big map
      // opens at once, with its path and its own answers.
      const unfolded = unfoldPathTo(tree, state.collapsed, id);
      if (unfolded) state.setCollapsed(unfolded);
      state.select({ kind: "claim", id });
      state.requestReveal(id, focus);
    },
    [api, tree],
  );
}
