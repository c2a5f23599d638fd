"use client";

import { useMapStoreApi } from "@/components/map/map-store";
import { type CommandHandler, useCommandKeys } from "@/components/ui/use-command-keys";
import { WORKSPACE_COMMANDS, type WorkspaceCommandId } from "@/lib/commands/workspace";
import { useEditorApi } from "./editor-store";
import { useHistory } from "./use-history";

/**
 * Binds the workspace's editing commands (`WORKSPACE_COMMANDS`, group Editing and History):
 * undo, redo and save; on a selected claim, add a rebuttal, a support or a card, edit, delete.
 */
export function useEditShortcuts(): void {
  const maps = useMapStoreApi();
  const editor = useEditorApi();
  const { undo, redo } = useHistory();

  const selectedClaim = (): string | undefined => {
    const { selection, model } = maps.getState();
    return selection?.kind === "claim" && model.claims.some((c) => c.id === selection.id)
      ? selection.id
      : undefined;
  };
  const onClaim =
    (act: (id: string) => void): CommandHandler =>
    () => {
      const id = selectedClaim();
      if (!id) return false;
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
  useCommandKeys(WORKSPACE_COMMANDS, handlers, () => ({
    canEdit: true,
    claimSelected: selectedClaim() !== undefined,
    formOpen: editor.getState().form !== null,
  }));
}
