"use client";

import { useCallback } from "react";
import { useMapStoreApi } from "@/components/map/map-store";
import { selectionAfter } from "@/lib/editor/selection";

/** Undo and redo that keep the selection on the same claim or relation when it survives the step. */
export function useHistory(): { undo: () => void; redo: () => void } {
  const api = useMapStoreApi();
  const step = useCallback(
    (direction: "undo" | "redo") => {
      const before = api.getState();
      before[direction]();
      const after = api.getState();
      if (after.model === before.model) return;
      const selection = selectionAfter(before.selection, before.model, after.model);
      if (selection !== before.selection) after.select(selection);
    },
    [api],
  );
  return { undo: useCallback(() => step("undo"), [step]), redo: useCallback(() => step("redo"), [step]) };
}
