"use client";

import { useMapStore } from "@/components/map/map-store";
import { EditClaimForm, NewClaimForm } from "./claim-forms";
import { useCanEdit, useEditor, useEditorApi } from "./editor-store";
import { BUTTON } from "./ui";

/** The editing actions of the selected claim, with the inline form that is open on it. */
export function ClaimEditor({ id }: { id: string }) {
  const canEdit = useCanEdit();
  if (!canEdit) return null;
  return <ClaimEditorInner id={id} />;
}

function ClaimEditorInner({ id }: { id: string }) {
  const exists = useMapStore((s) => s.model.claims.some((c) => c.id === id));
  const form = useEditor((s) => s.form);
  const editor = useEditorApi();
  if (!exists) return null;
  const open = editor.getState().open;
  const addOpen = form?.kind === "add-claim" && form.to === id ? form : undefined;
  const editOpen = form?.kind === "edit-claim" && form.id === id;

  return (
    <section aria-label="Edit this claim" data-testid="claim-editor" className="mt-3">
      <div className="flex flex-wrap gap-1.5">
        <button
          type="button"
          onClick={() => open({ kind: "add-claim", type: "attack", to: id })}
          className={BUTTON}
        >
          <span aria-hidden="true" className="font-bold text-red-700 dark:text-red-300">
            −
          </span>
          Add rebuttal
        </button>
        <button
          type="button"
          onClick={() => open({ kind: "add-claim", type: "support", to: id })}
          className={BUTTON}
        >
          <span aria-hidden="true" className="font-bold text-emerald-700 dark:text-emerald-300">
            +
          </span>
          Add support
        </button>
        <button type="button" onClick={() => open({ kind: "edit-claim", id })} className={BUTTON}>
          Edit claim
        </button>
        <button type="button" onClick={() => open({ kind: "connect", from: id })} className={BUTTON}>
          Connect to…
        </button>
        <button
          type="button"
          onClick={() => open({ kind: "delete-claim", id })}
          className={`${BUTTON} text-red-800 dark:text-red-200`}
        >
          Delete claim
        </button>
      </div>
      {addOpen ? (
        <NewClaimForm key={`${addOpen.type}-${id}`} target={{ kind: "answer", type: addOpen.type, to: id }} />
      ) : null}
      {editOpen ? <EditClaimForm key={id} id={id} /> : null}
    </section>
  );
}
