"use client";

import { Handle, type OnConnectEnd, Position } from "@xyflow/react";
import { type ReactNode, useCallback, useMemo } from "react";
import { type CanvasEditing, CanvasEditingProvider } from "@/components/map/canvas-editing";
import { useCanEdit, useOptionalEditorApi } from "./editor-store";

/**
 * A visible handle to drag from one claim onto another, which opens the connect dialog. Rendered
 * only when this visitor may edit, so a read-only canvas has nothing connectable.
 */
export function ConnectHandle({ direction }: { direction: "TB" | "LR" }) {
  const canEdit = useCanEdit();
  if (!canEdit) return null;
  return (
    <Handle
      id="connect"
      type="source"
      position={direction === "TB" ? Position.Bottom : Position.Right}
      isConnectable
      isConnectableEnd={false}
      title="Drag onto another claim to connect it"
      data-testid="connect-handle"
      className="!h-3 !w-3 !border-2 !border-white !bg-sky-600 opacity-60 hover:opacity-100 dark:!border-slate-900 dark:!bg-sky-400"
    />
  );
}

/** The claim under the pointer where a drag ended. */
function claimAt(event: MouseEvent | TouchEvent): string | undefined {
  const point = "changedTouches" in event ? event.changedTouches[0] : event;
  if (!point) return undefined;
  const element = document.elementFromPoint(point.clientX, point.clientY);
  return element?.closest<HTMLElement>("[data-claim-id]")?.dataset.claimId;
}

/** Ends a drag from a claim's connect handle: dropped on another claim, it asks support or attack. */
export function useDragConnect(): OnConnectEnd | undefined {
  const canEdit = useCanEdit();
  const editor = useOptionalEditorApi();
  const onConnectEnd = useCallback<OnConnectEnd>(
    (event, state) => {
      const from = state.fromNode?.id;
      const to = (state.toNode?.type === "claim" ? state.toNode.id : undefined) ?? claimAt(event);
      if (!from || !to || from === to) return;
      editor?.getState().open({ kind: "connect", from, to });
    },
    [editor],
  );
  return canEdit ? onConnectEnd : undefined;
}

/**
 * Gives the canvas below its editing affordances (the connect handle and dropping a drag on a
 * claim) when this visitor may edit; otherwise the canvas stays read-only.
 */
export function CanvasEditingFromEditor({ children }: { children: ReactNode }) {
  const canEdit = useCanEdit();
  const onConnectEnd = useDragConnect();
  const value = useMemo<CanvasEditing>(
    () => (canEdit ? { ClaimHandle: ConnectHandle, onConnectEnd } : {}),
    [canEdit, onConnectEnd],
  );
  return <CanvasEditingProvider value={value}>{children}</CanvasEditingProvider>;
}
