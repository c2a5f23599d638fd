"use client";

import { useLiveMode } from "@/components/live/live-context";
import { useMapStore } from "@/components/map/map-store";
import { ToolbarLabel } from "@/components/ui/toolbar-label";
import { ariaKeyShortcuts } from "@/lib/commands/registry";
import { workspaceCommand } from "@/lib/commands/workspace";
import { useCanEdit, useEditorApi } from "./editor-store";
import { SaveStatusIndicator } from "./save-status";
import { BUTTON } from "./ui";
import { useHistory } from "./use-history";

/** Toolbar controls for editing: Add thesis, Undo, Redo, Save and the save status. */
export function EditToolbar() {
  const canEdit = useCanEdit();
  if (!canEdit) return null;
  return <EditToolbarInner />;
}

function EditToolbarInner() {
  const editor = useEditorApi();
  const canUndo = useMapStore((s) => (s.history ? s.history.canUndo : s.past.length > 0));
  const canRedo = useMapStore((s) => (s.history ? s.history.canRedo : s.future.length > 0));
  const live = useLiveMode();
  const { undo, redo } = useHistory();
  return (
    <div data-testid="edit-toolbar" className="flex shrink-0 items-center gap-1.5">
      <button
        type="button"
        onClick={() => editor.getState().open({ kind: "add-thesis" })}
        className={BUTTON}
        title="Add thesis"
      >
        <ToolbarLabel icon="add">Add thesis</ToolbarLabel>
      </button>
      <button
        type="button"
        onClick={undo}
        disabled={!canUndo}
        className={BUTTON}
        aria-label="Undo"
        title="Undo (Ctrl/⌘+Z)"
        aria-keyshortcuts={ariaKeyShortcuts(workspaceCommand("undo"))}
      >
        <span aria-hidden="true">↶</span>
      </button>
      <button
        type="button"
        onClick={redo}
        disabled={!canRedo}
        className={BUTTON}
        aria-label="Redo"
        title="Redo (Ctrl/⌘+Shift+Z)"
        aria-keyshortcuts={ariaKeyShortcuts(workspaceCommand("redo"))}
      >
        <span aria-hidden="true">↷</span>
      </button>
      {live ? null : (
        <>
          <button
            type="button"
            onClick={() => void editor.getState().save()}
            className={BUTTON}
            aria-keyshortcuts={ariaKeyShortcuts(workspaceCommand("save"))}
          >
            Save
          </button>
          <SaveStatusIndicator />
        </>
      )}
    </div>
  );
}
