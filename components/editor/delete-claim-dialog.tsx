"use client";

import { useId, useMemo, useState } from "react";
import { useMapStore, useMapStoreApi } from "@/components/map/map-store";
import { deleteClaim, deletionPlan } from "@/lib/model/edits";
import type { ArgumentMap } from "@/lib/model/schema";
import { useEditorApi } from "./editor-store";
import { BUTTON, DANGER_BUTTON, FormError, ModalDialog } from "./ui";
import { useRunEdit } from "./use-run-edit";

function claimText(model: ArgumentMap, id: string): string {
  return model.claims.find((c) => c.id === id)?.text ?? id;
}

function relationText(model: ArgumentMap, id: string): string {
  const relation = model.relations.find((r) => r.id === id);
  if (!relation) return id;
  const target = model.relations.find((r) => r.id === relation.to);
  const verb = target ? "undercuts" : relation.type === "support" ? "supports" : "attacks";
  const to = target
    ? `the link from “${claimText(model, target.from)}”`
    : `“${claimText(model, relation.to)}”`;
  return `“${claimText(model, relation.from)}” ${verb} ${to}`;
}

/** Asks before deleting a claim, listing the relations that go with it and, if chosen, its descendants. */
export function DeleteClaimDialog({ id }: { id: string }) {
  const checkboxId = useId();
  const model = useMapStore((s) => s.model);
  const api = useMapStoreApi();
  const editor = useEditorApi();
  const run = useRunEdit();
  const [withDescendants, setWithDescendants] = useState(false);
  const [error, setError] = useState<string>();
  const exists = model.claims.some((c) => c.id === id);
  const plans = useMemo(
    () =>
      exists ? { alone: deletionPlan(model, id, false), all: deletionPlan(model, id, true) } : undefined,
    [model, id, exists],
  );
  const close = () => editor.getState().close();
  if (!plans) return null;
  const plan = withDescendants ? plans.all : plans.alone;
  const descendants = plans.all.claims.length;

  function confirm() {
    const failure = run((m) => deleteClaim(m, id, { withDescendants }));
    if (failure) {
      setError(failure);
      return;
    }
    api.getState().select(null);
    close();
  }

  return (
    <ModalDialog title="Delete this claim?" onClose={close} testId="delete-claim-dialog">
      <p className="mt-2 text-sm">
        “{claimText(model, id)}”{plans.alone.thesis ? " is a thesis of this map." : ""}
      </p>
      {plan.relations.length > 0 ? (
        <>
          <p className="mt-3 text-sm font-semibold">
            {plan.relations.length === 1
              ? "This relation goes with it:"
              : `These ${plan.relations.length} relations go with it:`}
          </p>
          <ul
            className="mt-1 max-h-40 list-disc overflow-y-auto pl-5 text-sm"
            data-testid="deleted-relations"
          >
            {plan.relations.map((r) => (
              <li key={r}>{relationText(model, r)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-3 text-sm">No relation goes with it.</p>
      )}
      {descendants > 0 ? (
        <div className="mt-3">
          <div className="flex items-center gap-2">
            <input
              id={checkboxId}
              type="checkbox"
              checked={withDescendants}
              onChange={(e) => setWithDescendants(e.target.checked)}
              className="h-4 w-4 accent-red-700"
            />
            <label htmlFor={checkboxId} className="text-sm">
              Also delete {descendants} descendant {descendants === 1 ? "claim" : "claims"}
            </label>
          </div>
          {withDescendants ? (
            <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5 text-sm" data-testid="deleted-claims">
              {plan.claims.map((c) => (
                <li key={c}>{claimText(model, c)}</li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              Otherwise {descendants === 1 ? "it stays" : "they stay"} on the map, no longer linked to it.
            </p>
          )}
        </div>
      ) : null}
      <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
        Cards stay in the map. Undo brings it all back.
      </p>
      <FormError message={error} />
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" onClick={close} className={BUTTON} data-autofocus>
          Cancel
        </button>
        <button type="button" onClick={confirm} className={DANGER_BUTTON}>
          Delete
        </button>
      </div>
    </ModalDialog>
  );
}
