"use client";

import { useEffect } from "react";
import { useMapStoreApi } from "@/components/map/map-store";
import { fieldTakesKey, shortcutFor } from "@/lib/editor/shortcuts";
import { useEditorApi } from "./editor-store";
import { useHistory } from "./use-history";

/**
 * Editing keys: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, Ctrl/Cmd+S save; on a selected
 * claim, R adds a rebuttal, S a support, E edits and Delete/Backspace asks to delete. Single keys
 * stay quiet while typing, while a form or dialog is open, and inside other dialogs.
 */
export function useEditShortcuts(): void {
  const maps = useMapStoreApi();
  const editor = useEditorApi();
  const { undo, redo } = useHistory();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || (event.repeat && !(event.ctrlKey || event.metaKey))) return;
      const state = maps.getState();
      const selection = state.selection;
      const formOpen = editor.getState().form !== null;
      const inDialog =
        event.target instanceof Element && event.target.closest("dialog, [role=dialog]") !== null;
      const action = shortcutFor(event, {
        inTextField: event.target instanceof HTMLElement && fieldTakesKey(event.target, event.key),
        claimSelected: selection?.kind === "claim" && !formOpen && !inDialog,
      });
      if (!action) return;
      if ((action === "undo" || action === "redo") && (formOpen || inDialog)) return;
      event.preventDefault();
      const open = editor.getState().open;
      switch (action) {
        case "save":
          void editor.getState().save();
          return;
        case "undo":
          undo();
          return;
        case "redo":
          redo();
          return;
      }
      if (selection?.kind !== "claim" || !state.model.claims.some((c) => c.id === selection.id)) return;
      const id = selection.id;
      if (action === "add-rebuttal") open({ kind: "add-claim", type: "attack", to: id });
      else if (action === "add-support") open({ kind: "add-claim", type: "support", to: id });
      else if (action === "edit-claim") open({ kind: "edit-claim", id });
      else open({ kind: "delete-claim", id });
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [maps, editor, undo, redo]);
}
