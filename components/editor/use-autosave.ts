"use client";

import { useEffect } from "react";
import { useMapStoreApi } from "@/components/map/map-store";
import { createSaver, type SaveTransport } from "@/lib/sync/saver";
import { useEditorApi } from "./editor-store";

const transport: SaveTransport = (url, init) => fetch(url, { ...init, credentials: "same-origin" });

/**
 * Saves the open map shortly after every edit (not on load), makes Ctrl/Cmd+S save at once through
 * the editor's `save`, saves again as soon as the browser is back online, and warns before the page
 * is left while an edit has not reached the server.
 */
export function useAutosave(): void {
  const maps = useMapStoreApi();
  const editor = useEditorApi();

  useEffect(() => {
    const { slug, revision } = maps.getState();
    const saver = createSaver({
      slug,
      revision,
      transport,
      onStatus: (status) => {
        editor.getState().setStatus(status);
        if (status.state === "saved") maps.getState().setRevision(status.revision);
      },
    });
    editor.getState().setSave(() => saver.flush());
    const unsubscribe = maps.subscribe((state, previous) => {
      if (state.model !== previous.model) saver.schedule(state.model);
    });
    const warn = (event: BeforeUnloadEvent) => {
      const state = editor.getState().status.state;
      if (saver.hasUnsaved() || !["saved", "pending", "saving"].includes(state)) {
        event.preventDefault();
        event.returnValue = "";
      }
    };
    // Back online: save what is waiting now rather than at the next retry.
    const retry = () => void saver.flush();
    window.addEventListener("beforeunload", warn);
    window.addEventListener("online", retry);
    return () => {
      window.removeEventListener("online", retry);
      unsubscribe();
      window.removeEventListener("beforeunload", warn);
      editor.getState().setSave(async () => {});
      saver.dispose();
    };
  }, [maps, editor]);
}
