"use client";

import { useLiveMode } from "@/components/live/live-context";
import { AttachCardDialog } from "./attach-card-dialog";
import { CardDialog } from "./card-dialog";
import { NewClaimForm } from "./claim-forms";
import { ConnectDialog } from "./connect-dialog";
import { DeleteClaimDialog } from "./delete-claim-dialog";
import { useCanEdit, useEditor, useEditorApi } from "./editor-store";
import { ModalDialog } from "./ui";
import { useAutosave } from "./use-autosave";
import { useEditOnArrival } from "./use-edit-on-arrival";
import { useEditShortcuts } from "./use-edit-shortcuts";

/**
 * The editing machinery of the workspace: autosave, shortcuts and the dialogs (new thesis,
 * delete, connect, cards). Renders nothing when this visitor may not edit.
 */
export function EditorHost() {
  const canEdit = useCanEdit();
  if (!canEdit) return null;
  return <EditorHostInner />;
}

function EditorHostInner() {
  // A live map is kept by the shared map's connection; the HTTP autosave is for servers without it.
  useAutosave(!useLiveMode());
  useEditShortcuts();
  useEditOnArrival();
  const form = useEditor((s) => s.form);
  const editor = useEditorApi();
  if (!form) return null;
  switch (form.kind) {
    case "add-thesis":
      return (
        <ModalDialog title="New thesis" onClose={() => editor.getState().close()} testId="thesis-dialog">
          <NewClaimForm target={{ kind: "thesis" }} />
        </ModalDialog>
      );
    case "delete-claim":
      return <DeleteClaimDialog key={form.id} id={form.id} />;
    case "connect":
      return <ConnectDialog key={`${form.from}-${form.to ?? ""}`} from={form.from} to={form.to} />;
    case "card":
      return (
        <CardDialog
          key={form.cardId ?? `${form.target?.kind}-${form.target?.id}`}
          target={form.target}
          cardId={form.cardId}
        />
      );
    case "attach-card":
      return <AttachCardDialog key={form.target.id} target={form.target} />;
    default:
      return null;
  }
}
