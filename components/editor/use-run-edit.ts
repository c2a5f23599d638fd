"use client";

import { useCallback } from "react";
import { useMapStoreApi } from "@/components/map/map-store";
import { EditError } from "@/lib/model/edits";
import type { ArgumentMap } from "@/lib/model/schema";

/**
 * Applies a pure edit to the open map (undoable). Returns the message to show inline when the edit
 * cannot be applied, so an edit never throws into the page.
 */
export function useRunEdit(): (edit: (model: ArgumentMap) => ArgumentMap) => string | undefined {
  const api = useMapStoreApi();
  return useCallback(
    (edit) => {
      try {
        api.getState().apply(edit);
        return undefined;
      } catch (error) {
        if (error instanceof EditError) return error.message;
        return `This edit failed: ${error instanceof Error ? error.message : String(error)}`;
      }
    },
    [api],
  );
}
