"use client";

import { type FormEvent, useId, useState } from "react";
import { useMapStore } from "@/components/map/map-store";
import { attachCard, type CardTarget } from "@/lib/model/edits";
import { useEditorApi } from "./editor-store";
import { BUTTON, FormError, formKeyDown, INPUT, LABEL, ModalDialog, PRIMARY_BUTTON } from "./ui";
import { useRunEdit } from "./use-run-edit";

/** Attaches one of the map's existing cards to a claim or relation (cards are reusable). */
export function AttachCardDialog({ target }: { target: CardTarget }) {
  const id = useId();
  const model = useMapStore((s) => s.model);
  const editor = useEditorApi();
  const run = useRunEdit();
  const attached = new Set(
    (target.kind === "claim"
      ? model.claims.find((c) => c.id === target.id)?.evidence
      : model.relations.find((r) => r.id === target.id)?.evidence) ?? [],
  );
  const cards = model.evidence.filter((c) => !attached.has(c.id));
  const [cardId, setCardId] = useState(cards[0]?.id ?? "");
  const [error, setError] = useState<string>();
  const close = () => editor.getState().close();

  function submit(event: FormEvent) {
    event.preventDefault();
    const failure = run((m) => attachCard(m, cardId, target));
    if (failure) setError(failure);
    else close();
  }

  return (
    <ModalDialog title="Attach a card" onClose={close} testId="attach-card-dialog">
      {cards.length === 0 ? (
        <>
          <p className="mt-3 text-sm">Every card of this map is already attached here.</p>
          <div className="mt-4 flex justify-end">
            <button type="button" onClick={close} className={BUTTON}>
              Close
            </button>
          </div>
        </>
      ) : (
        <form
          onSubmit={submit}
          onKeyDown={formKeyDown(close)}
          noValidate
          aria-label="Attach a card"
          className="mt-3 space-y-3"
        >
          <div>
            <label htmlFor={`${id}-card`} className={LABEL}>
              Card
            </label>
            <select
              id={`${id}-card`}
              value={cardId}
              onChange={(e) => setCardId(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className={`${INPUT} mt-1`}
            >
              {cards.map((card) => (
                <option key={card.id} value={card.id}>
                  {card.tag}
                </option>
              ))}
            </select>
          </div>
          <FormError id={`${id}-error`} message={error} />
          <div className="flex justify-end gap-2">
            <button type="button" onClick={close} className={BUTTON}>
              Cancel
            </button>
            <button type="submit" className={PRIMARY_BUTTON}>
              Attach
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
