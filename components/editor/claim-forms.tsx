"use client";

import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useMapStore, useMapStoreApi } from "@/components/map/map-store";
import { formatTags, parseTags } from "@/lib/editor/tags";
import { addClaim, addThesis, updateClaim } from "@/lib/model/edits";
import { sideForNewThesis } from "@/lib/model/map-details";
import { opposite } from "@/lib/model/queries";
import { sameValue } from "@/lib/model/same-value";
import type { ArgumentMap, RelationType, Side } from "@/lib/model/schema";
import { useDiscardGuard } from "./discard-guard";
import { useEditorApi } from "./editor-store";
import { BUTTON, FormError, formKeyDown, INPUT, LABEL, PRIMARY_BUTTON, useFocusFirst } from "./ui";
import { useRunEdit } from "./use-run-edit";

/** What a new claim answers: nothing (a thesis), or a claim or relation it supports or attacks. */
export type NewClaimTarget = { kind: "thesis" } | { kind: "answer"; type: RelationType; to: string };

/** The noun for a new claim: rebuttal, support, undercut or thesis. */
function newClaimNoun(model: ArgumentMap, target: NewClaimTarget): string {
  if (target.kind === "thesis") return "thesis";
  if (target.type === "support") return "support";
  return model.relations.some((r) => r.id === target.to) ? "undercut" : "rebuttal";
}

function defaultSide(model: ArgumentMap, target: NewClaimTarget): Side {
  if (target.kind === "thesis") return sideForNewThesis(model);
  const relation = model.relations.find((r) => r.id === target.to);
  const targetClaim = model.claims.find((c) => c.id === (relation ? relation.from : target.to));
  const side = targetClaim?.side ?? "aff";
  return target.type === "support" ? side : opposite(side);
}

/** The text area of a claim form; it points at the form's error while there is one. */
function ClaimTextField({
  id,
  label,
  rows,
  value,
  onChange,
  errorId,
}: {
  id: string;
  label: string;
  rows: number;
  value: string;
  onChange: (text: string) => void;
  errorId?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <textarea
        id={id}
        data-autofocus
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className={`${INPUT} mt-1 resize-y`}
      />
    </div>
  );
}

function SideField({ id, value, onChange }: { id: string; value: Side; onChange: (side: Side) => void }) {
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className={LABEL}>
        Side
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as Side)}
        className={`${INPUT} w-auto`}
      >
        <option value="aff">Aff</option>
        <option value="neg">Neg</option>
      </select>
    </div>
  );
}

/** The frame both claim forms share: Escape cancels, the error, then submit and Cancel. */
function ClaimForm({
  label,
  testId,
  submitLabel,
  error,
  errorId,
  onSubmit,
  onCancel,
  onEscape,
  children,
  prompt,
}: {
  label: string;
  testId: string;
  submitLabel: string;
  error: string | undefined;
  errorId: string;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
  children: ReactNode;
  /** Escape: asks before typed text is discarded (Cancel discards at once). */
  onEscape: () => void;
  /** Shown above the buttons: the question Escape asks. */
  prompt?: ReactNode;
}) {
  const ref = useFocusFirst<HTMLFormElement>();
  return (
    <form
      ref={ref}
      aria-label={label}
      data-testid={testId}
      onSubmit={onSubmit}
      onKeyDown={formKeyDown(onEscape)}
      noValidate
      className="mt-3 space-y-2 rounded-md border border-slate-300 bg-white p-3 dark:border-slate-600 dark:bg-slate-900"
    >
      {children}
      <FormError id={errorId} message={error} />
      {prompt}
      <div className="flex gap-2 pt-1">
        <button type="submit" className={PRIMARY_BUTTON}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel} className={BUTTON}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Adds a thesis, or a claim answering a claim or relation; the new claim is then selected and shown. */
export function NewClaimForm({ target }: { target: NewClaimTarget }) {
  const id = useId();
  const model = useMapStore((s) => s.model);
  const api = useMapStoreApi();
  const editor = useEditorApi();
  const run = useRunEdit();
  const [text, setText] = useState("");
  const [side, setSide] = useState<Side>(() => defaultSide(model, target));
  const [error, setError] = useState<string>();
  const noun = newClaimNoun(model, target);
  const guard = useDiscardGuard(text.trim() !== "", () => editor.getState().close());

  function submit(event: FormEvent) {
    event.preventDefault();
    let created = "";
    const failure = run((m) => {
      if (target.kind === "thesis") {
        const result = addThesis(m, { text, side });
        created = result.id;
        return result.map;
      }
      const result = addClaim(m, { text, side, relation: { type: target.type, to: target.to } });
      created = result.claimId;
      return result.map;
    });
    if (failure) {
      setError(failure);
      return;
    }
    const state = api.getState();
    if (target.kind === "answer" && state.collapsed.has(target.to)) {
      state.setCollapsed([...state.collapsed].filter((c) => c !== target.to));
    }
    const form = editor.getState().form;
    // Added by a key from the canvas: focus goes to the new claim there, so Enter opens it.
    const viaKey = form?.kind === "add-claim" && form.viaKey === true;
    state.select({ kind: "claim", id: created });
    state.requestReveal(created, viaKey);
    editor.getState().close(undefined, { restoreFocus: !viaKey });
  }

  const errorId = `${id}-error`;
  return (
    <ClaimForm
      label={`New ${noun}`}
      testId="new-claim-form"
      submitLabel="Add"
      error={error}
      errorId={errorId}
      onSubmit={submit}
      onCancel={() => editor.getState().close()}
      onEscape={guard.cancel}
      prompt={guard.prompt}
    >
      <ClaimTextField
        id={`${id}-text`}
        label={`${noun[0].toUpperCase() + noun.slice(1)} text`}
        rows={2}
        value={text}
        onChange={setText}
        errorId={error ? errorId : undefined}
      />
      <SideField id={`${id}-side`} value={side} onChange={setSide} />
    </ClaimForm>
  );
}

/** Edits a claim's text, side, tags and notes in place. */
export function EditClaimForm({ id: claimId }: { id: string }) {
  const id = useId();
  const claim = useMapStore((s) => s.model.claims.find((c) => c.id === claimId));
  const editor = useEditorApi();
  const run = useRunEdit();
  const [text, setText] = useState(claim?.text ?? "");
  const [side, setSide] = useState<Side>(claim?.side ?? "aff");
  const [tags, setTags] = useState(formatTags(claim?.tags));
  const [notes, setNotes] = useState(claim?.notes ?? "");
  const [error, setError] = useState<string>();
  const dirty =
    claim !== undefined &&
    (text !== claim.text ||
      side !== claim.side ||
      tags !== formatTags(claim.tags) ||
      notes !== (claim.notes ?? ""));
  const guard = useDiscardGuard(dirty, () => editor.getState().close());
  if (!claim) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const failure = run((m) => {
      const next = updateClaim(m, claimId, { text, side, tags: parseTags(tags), notes });
      // Applying the form unchanged is no edit (and leaves nothing to undo).
      const unchanged = sameValue(
        m.claims.find((c) => c.id === claimId),
        next.claims.find((c) => c.id === claimId),
      );
      return unchanged ? m : next;
    });
    if (failure) setError(failure);
    else editor.getState().close();
  }

  const errorId = `${id}-error`;
  return (
    <ClaimForm
      label="Edit claim"
      testId="edit-claim-form"
      submitLabel="Apply"
      error={error}
      errorId={errorId}
      onSubmit={submit}
      onCancel={() => editor.getState().close()}
      onEscape={guard.cancel}
      prompt={guard.prompt}
    >
      <ClaimTextField
        id={`${id}-text`}
        label="Claim text"
        rows={3}
        value={text}
        onChange={setText}
        errorId={error ? errorId : undefined}
      />
      <SideField id={`${id}-side`} value={side} onChange={setSide} />
      <div>
        <label htmlFor={`${id}-tags`} className={LABEL}>
          Tags <span className="font-normal">(comma-separated)</span>
        </label>
        <input
          id={`${id}-tags`}
          type="text"
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          className={`${INPUT} mt-1`}
        />
      </div>
      <div>
        <label htmlFor={`${id}-notes`} className={LABEL}>
          Notes <span className="font-normal">(Ctrl+Enter applies)</span>
        </label>
        <textarea
          id={`${id}-notes`}
          data-multiline
          rows={3}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          className={`${INPUT} mt-1 resize-y`}
        />
      </div>
    </ClaimForm>
  );
}
