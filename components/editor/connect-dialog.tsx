"use client";

import { type FormEvent, useId, useMemo, useState } from "react";
import { useMapStore, useMapStoreApi } from "@/components/map/map-store";
import { connectTargets } from "@/lib/editor/connect-targets";
import { connect } from "@/lib/model/edits";
import type { RelationType } from "@/lib/model/schema";
import { useEditorApi } from "./editor-store";
import { BUTTON, FormError, formKeyDown, INPUT, LABEL, ModalDialog, PRIMARY_BUTTON } from "./ui";
import { useRunEdit } from "./use-run-edit";

const TARGETS_SHOWN = 50;

/**
 * Joins two claims with a support or an attack. Opened by dragging from one claim to another
 * (both ends known) or by "Connect to…" on a claim, where the target is picked from a searchable list.
 */
export function ConnectDialog({ from, to }: { from: string; to?: string }) {
  const id = useId();
  const model = useMapStore((s) => s.model);
  const api = useMapStoreApi();
  const editor = useEditorApi();
  const run = useRunEdit();
  const [type, setType] = useState<RelationType>("attack");
  const [query, setQuery] = useState("");
  const [target, setTarget] = useState<string | undefined>(to);
  const [error, setError] = useState<string>();
  const source = model.claims.find((c) => c.id === from);
  const fixed = to ? model.claims.find((c) => c.id === to) : undefined;
  const targets = useMemo(() => (to ? [] : connectTargets(model, from, query)), [model, from, to, query]);
  const close = () => editor.getState().close();
  if (!source) return null;
  const errorId = `${id}-error`;
  const describedByError = error ? errorId : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!target) {
      setError("Choose the claim to connect to.");
      return;
    }
    let created = "";
    const failure = run((m) => {
      const result = connect(m, { from, to: target, type });
      created = result.relationId;
      return result.map;
    });
    if (failure) {
      setError(failure);
      return;
    }
    api.getState().select({ kind: "relation", id: created });
    close();
  }

  return (
    <ModalDialog title="Connect claims" onClose={close} wide={!to} testId="connect-dialog">
      <form
        onSubmit={submit}
        onKeyDown={formKeyDown(close)}
        noValidate
        aria-label="Connect claims"
        className="mt-3 space-y-3"
      >
        <p className="text-sm">
          From <strong>“{source.text}”</strong>
        </p>
        <fieldset aria-describedby={fixed ? describedByError : undefined}>
          <legend className={LABEL}>Relation</legend>
          <div className="mt-1 flex gap-4 text-sm">
            {(["attack", "support"] as const).map((value) => (
              <label key={value} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name={`${id}-type`}
                  value={value}
                  checked={type === value}
                  onChange={() => setType(value)}
                  data-autofocus={value === "attack" ? true : undefined}
                  className="h-4 w-4"
                />
                {value === "attack" ? "Attacks (−)" : "Supports (+)"}
              </label>
            ))}
          </div>
        </fieldset>
        {fixed ? (
          <p className="text-sm">
            To <strong>“{fixed.text}”</strong>
          </p>
        ) : (
          <div>
            <label htmlFor={`${id}-search`} className={LABEL}>
              Find the target claim
            </label>
            <input
              id={`${id}-search`}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              className={`${INPUT} mt-1`}
            />
            <fieldset className="mt-2" aria-describedby={describedByError}>
              <legend className={LABEL}>
                Target claim ({targets.length} {targets.length === 1 ? "match" : "matches"})
              </legend>
              <ul className="mt-1 max-h-64 space-y-0.5 overflow-y-auto rounded-md border border-slate-300 p-1 dark:border-slate-600">
                {targets.slice(0, TARGETS_SHOWN).map((claim) => (
                  <li key={claim.id}>
                    <label className="flex cursor-pointer items-start gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
                      <input
                        type="radio"
                        name={`${id}-target`}
                        value={claim.id}
                        checked={target === claim.id}
                        onChange={() => setTarget(claim.id)}
                        className="mt-0.5 h-4 w-4 shrink-0"
                      />
                      <span>
                        <span
                          className={`mr-1 rounded px-1 text-[10px] font-bold ${
                            claim.side === "aff"
                              ? "bg-blue-700 text-white dark:bg-blue-300 dark:text-blue-950"
                              : "bg-red-700 text-white dark:bg-red-300 dark:text-red-950"
                          }`}
                        >
                          {claim.side.toUpperCase()}
                        </span>
                        {claim.text}
                      </span>
                    </label>
                  </li>
                ))}
                {targets.length > TARGETS_SHOWN ? (
                  <li className="px-1.5 py-1 text-xs text-slate-600 dark:text-slate-400">
                    {targets.length - TARGETS_SHOWN} more: narrow the search.
                  </li>
                ) : null}
                {targets.length === 0 ? (
                  <li className="px-1.5 py-1 text-sm text-slate-600 dark:text-slate-400">
                    No claim matches.
                  </li>
                ) : null}
              </ul>
            </fieldset>
          </div>
        )}
        <FormError id={errorId} message={error} />
        <div className="flex justify-end gap-2">
          <button type="button" onClick={close} className={BUTTON}>
            Cancel
          </button>
          <button type="submit" className={PRIMARY_BUTTON}>
            Connect
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
