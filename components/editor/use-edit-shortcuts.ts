"use client";

import { useMapStoreApi } from "@/components/map/map-store";
import { type CommandHandler, useCommandKeys } from "@/components/ui/use-command-keys";
import { WORKSPACE_COMMANDS, type WorkspaceCommandId } from "@/lib/commands/workspace";
import { useEditorApi } from "./editor-store";
import { useHistory } from "./use-history";

/**
 * Binds the workspace's editing commands (`WORKSPACE_COMMANDS`, group Editing and History):
 * undo, redo and save; on the focused or selected claim, add a rebuttal, a support or a card,
 * edit, delete.
 */
export function useEditShortcuts(): void {
  const maps = useMapStoreApi();
  const editor = useEditorApi();
  const { undo, redo } = useHistory();

  /** The claim a key acts on: the one focused on the canvas, else the selected one. */
  const targetClaim = (event: KeyboardEvent): string | undefined => {
    const { selection, model } = maps.getState();
    const node =
      event.target instanceof Element ? event.target.closest('[aria-roledescription="node"]') : null;
    const focused = node?.getAttribute("data-id");
    const id = focused ?? (selection?.kind === "claim" ? selection.id : undefined);
    return id && model.claims.some((c) => c.id === id) ? id : undefined;
  };
  const onClaim =
    (act: (id: string) => void): CommandHandler =>
    (event) => {
      const id = targetClaim(event);
      if (!id) return false;
      // The inspector shows the claim acted on, with the form that opens on it.
      const state = maps.getState();
      if (state.selection?.kind !== "claim" || state.selection.id !== id) state.select({ kind: "claim", id });
      act(id);
      return true;
    };
  const open = editor.getState().open;
  const handlers: Partial<Record<WorkspaceCommandId, CommandHandler>> = {
    save: () => {
      void editor.getState().save();
      return true;
    },
    undo: () => {
      undo();
      return true;
    },
    redo: () => {
      redo();
      return true;
    },
    // Opened by a key: once the claim is added, focus goes to it on the canvas.
    "add-rebuttal": onClaim((to) => open({ kind: "add-claim", type: "attack", to, viaKey: true })),
    "add-support": onClaim((to) => open({ kind: "add-claim", type: "support", to, viaKey: true })),
    "add-card": onClaim((id) => open({ kind: "card", target: { kind: "claim", id } })),
    "edit-claim": onClaim((id) => open({ kind: "edit-claim", id })),
    "delete-claim": onClaim((id) => open({ kind: "delete-claim", id })),
  };
  useCommandKeys(WORKSPACE_COMMANDS, handlers, (event) => ({
    canEdit: true,
    claimSelected: targetClaim(event) !== undefined,
    formOpen: editor.getState().form !== null,
  }));
}
