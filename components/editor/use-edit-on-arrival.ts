"use client";

import { useEffect } from "react";
import { useMapStoreApi } from "@/components/map/map-store";
import { useEditorApi } from "./editor-store";

/**
 * `?edit=<claim>` in the address (a new map's placeholder thesis) opens that claim in its editor
 * with the text selected, so typing replaces it; the parameter then leaves the address.
 */
export function useEditOnArrival(): void {
  const maps = useMapStoreApi();
  const editor = useEditorApi();
  useEffect(() => {
    const url = new URL(window.location.href);
    const id = url.searchParams.get("edit");
    if (!id) return;
    url.searchParams.delete("edit");
    window.history.replaceState(window.history.state, "", url);
    const state = maps.getState();
    if (!state.model.claims.some((c) => c.id === id)) return;
    state.select({ kind: "claim", id });
    editor.getState().open({ kind: "edit-claim", id });
    let frames = 0;
    const selectText = () => {
      const field = document.querySelector<HTMLTextAreaElement>('[data-testid="edit-claim-form"] textarea');
      if (field && document.activeElement === field) field.select();
      else if (frames++ < 30) requestAnimationFrame(selectText);
    };
    requestAnimationFrame(selectText);
  }, [maps, editor]);
}
