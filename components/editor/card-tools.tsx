"use client";

import { useState } from "react";
import { useMapStore } from "@/components/map/map-store";
import { type CardTarget, detachCard } from "@/lib/model/edits";
import { useCanEdit, useEditorApi } from "./editor-store";
import { BUTTON, FormError } from "./ui";
import { useRunEdit } from "./use-run-edit";

/** Card editing for a claim or relation: edit or detach each attached card, add a new one, attach an existing one. */
export function CardTools({ target }: { target: CardTarget }) {
  const canEdit = useCanEdit();
  if (!canEdit) return null;
  return <CardToolsInner target={target} />;
}

function CardToolsInner({ target }: { target: CardTarget }) {
  const editor = useEditorApi();
  const run = useRunEdit();
  const [error, setError] = useState<string>();
  const list = useMapStore((s) =>
    target.kind === "claim"
      ? s.model.claims.find((c) => c.id === target.id)?.evidence
      : s.model.relations.find((r) => r.id === target.id)?.evidence,
  );
  const evidence = useMapStore((s) => s.model.evidence);
  const cards = (list ?? []).map((id) => evidence.find((c) => c.id === id)).filter((c) => c !== undefined);
  const hasOthers = evidence.length > cards.length;

  return (
    <section aria-label="Card editing" data-testid="card-tools" className="mt-3">
      {cards.length > 0 ? (
        <ul className="space-y-1">
          {cards.map((card) => (
            <li key={card.id} className="flex items-center gap-1.5 text-sm">
              <span className="min-w-0 flex-1 truncate" title={card.tag}>
                {card.tag}
              </span>
              <button
                type="button"
                aria-label={`Edit card: ${card.tag}`}
                onClick={() => editor.getState().open({ kind: "card", cardId: card.id })}
                className={BUTTON}
              >
                Edit
              </button>
              <button
                type="button"
                aria-label={`Detach card: ${card.tag}`}
                onClick={() => setError(run((m) => detachCard(m, card.id, target)))}
                className={BUTTON}
              >
                Detach
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => editor.getState().open({ kind: "card", target })}
          className={BUTTON}
        >
          Add card
        </button>
        {hasOthers ? (
          <button
            type="button"
            onClick={() => editor.getState().open({ kind: "attach-card", target })}
            className={BUTTON}
          >
            Attach existing card
          </button>
        ) : null}
      </div>
      <FormError message={error} />
    </section>
  );
}
