"use client";

import { useId, useState } from "react";
import { useMapStore, useMapStoreApi } from "@/components/map/map-store";
import { deleteRelation, updateRelation } from "@/lib/model/edits";
import type { RelationType } from "@/lib/model/schema";
import { NewClaimForm } from "./claim-forms";
import { useCanEdit, useEditor, useEditorApi } from "./editor-store";
import { BUTTON, FormError, LABEL } from "./ui";
import { useRunEdit } from "./use-run-edit";

/** Editing of the selected relation: its type, Add undercut, Delete relation. */
export function RelationEditor({ id }: { id: string }) {
  const canEdit = useCanEdit();
  if (!canEdit) return null;
  return <RelationEditorInner id={id} />;
}

function RelationEditorInner({ id }: { id: string }) {
  const name = useId();
  const relation = useMapStore((s) => s.model.relations.find((r) => r.id === id));
  const undercut = useMapStore((s) =>
    relation ? s.model.relations.some((r) => r.id === relation.to) : false,
  );
  const form = useEditor((s) => s.form);
  const editor = useEditorApi();
  const api = useMapStoreApi();
  const run = useRunEdit();
  const [error, setError] = useState<string>();
  if (!relation) return null;
  const undercutOpen = form?.kind === "add-claim" && form.to === id;

  function changeType(type: RelationType) {
    let next = id;
    const failure = run((m) => {
      const result = updateRelation(m, id, { type });
      next = result.relationId;
      return result.map;
    });
    setError(failure);
    if (!failure && next !== id) api.getState().select({ kind: "relation", id: next });
  }

  function remove() {
    const failure = run((m) => deleteRelation(m, id));
    if (failure) {
      setError(failure);
      return;
    }
    api.getState().select({ kind: "claim", id: relation?.from ?? "" });
    requestAnimationFrame(() => document.getElementById("inspector-heading")?.focus());
  }

  return (
    <section aria-label="Edit this relation" data-testid="relation-editor" className="mt-3">
      <fieldset>
        <legend className={LABEL}>Relation type</legend>
        <div className="mt-1 flex gap-4 text-sm">
          {(["support", "attack"] as const).map((type) => (
            <label key={type} className="flex items-center gap-1.5">
              <input
                type="radio"
                name={name}
                value={type}
                checked={relation.type === type}
                disabled={undercut && type === "support"}
                onChange={() => changeType(type)}
                className="h-4 w-4"
              />
              {type === "support" ? "Support (+)" : "Attack (−)"}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-2 flex flex-wrap gap-1.5">
        <button
          type="button"
          onClick={() => editor.getState().open({ kind: "add-claim", type: "attack", to: id })}
          className={BUTTON}
        >
          Add undercut
        </button>
        <button type="button" onClick={remove} className={`${BUTTON} text-red-800 dark:text-red-200`}>
          Delete relation
        </button>
      </div>
      <FormError message={error} />
      {undercutOpen ? <NewClaimForm key={id} target={{ kind: "answer", type: "attack", to: id }} /> : null}
    </section>
  );
}
