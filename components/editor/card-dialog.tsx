"use client";

import { type FormEvent, useId, useRef, useState } from "react";
import { useMapStore } from "@/components/map/map-store";
import { QuoteText } from "@/components/workspace/card-view";
import {
  addCard,
  type CardTarget,
  deleteCard,
  EditError,
  markReadSpan,
  spansInQuote,
  updateCard,
} from "@/lib/model/edits";
import { type Cite, isHttpUrl } from "@/lib/model/schema";
import { useDiscardGuard } from "./discard-guard";
import { useEditorApi } from "./editor-store";
import {
  BUTTON,
  DANGER_BUTTON,
  FormError,
  formKeyDown,
  INPUT,
  LABEL,
  ModalDialog,
  PRIMARY_BUTTON,
} from "./ui";
import { useRunEdit } from "./use-run-edit";

const CITE_FIELDS: { key: keyof Cite; label: string; type?: string }[] = [
  { key: "author", label: "Author" },
  { key: "qualifications", label: "Qualifications" },
  { key: "title", label: "Title" },
  { key: "publication", label: "Publication" },
  { key: "date", label: "Date" },
  { key: "url", label: "URL", type: "url" },
  { key: "accessed", label: "Accessed" },
  { key: "pages", label: "Pages" },
  { key: "note", label: "Note" },
];

/**
 * Adds a card to a claim or relation, or edits one: tag, quote (pasted), read spans marked by
 * selecting text in the quote, and the cite.
 */
export function CardDialog({ target, cardId }: { target?: CardTarget; cardId?: string }) {
  const id = useId();
  const card = useMapStore((s) => (cardId ? s.model.evidence.find((c) => c.id === cardId) : undefined));
  const editor = useEditorApi();
  const run = useRunEdit();
  const quoteRef = useRef<HTMLTextAreaElement>(null);
  const [tag, setTag] = useState(card?.tag ?? "");
  const [quote, setQuote] = useState(card?.quote ?? "");
  const [read, setRead] = useState<string[]>(card?.read ?? []);
  const [cite, setCite] = useState<Partial<Record<keyof Cite, string>>>(card?.cite ?? {});
  const [error, setError] = useState<string>();
  const [spanError, setSpanError] = useState<string>();
  const close = () => editor.getState().close();
  const initialCite = card?.cite ?? {};
  const citeChanged = CITE_FIELDS.some(({ key }) => (cite[key] ?? "") !== (initialCite[key] ?? ""));
  const dirty =
    tag !== (card?.tag ?? "") ||
    quote !== (card?.quote ?? "") ||
    read.join("\n") !== (card?.read ?? []).join("\n") ||
    citeChanged;
  const guard = useDiscardGuard(dirty, close);
  if (cardId && !card) return null;
  const editing = cardId !== undefined;
  const url = cite.url?.trim() ?? "";
  // The field an edit error is about, so it can point at the error.
  const invalid = !error ? undefined : url && !isHttpUrl(url) ? "url" : !tag.trim() ? "tag" : undefined;
  const errorId = `${id}-error`;
  const fieldError = (field: string) =>
    invalid === field ? { "aria-invalid": true, "aria-describedby": errorId } : {};

  function markRead() {
    const area = quoteRef.current;
    if (!area) return;
    try {
      setRead(markReadSpan(quote, read, { start: area.selectionStart, end: area.selectionEnd }));
      setSpanError(undefined);
    } catch (e) {
      setSpanError(e instanceof EditError ? e.message : String(e));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    // Spans kept while the quote was being edited are dropped only now, if it still lacks them.
    const input = { tag, quote, read: spansInQuote(quote, read), cite: cite as Cite };
    const failure = run((m) =>
      cardId ? updateCard(m, cardId, { ...input, cite: input.cite }) : addCard(m, input, target).map,
    );
    if (failure) setError(failure);
    else close();
  }

  function remove() {
    if (!cardId) return;
    const failure = run((m) => deleteCard(m, cardId));
    if (failure) setError(failure);
    else close();
  }

  return (
    <ModalDialog title={editing ? "Edit card" : "New card"} onClose={guard.cancel} wide testId="card-dialog">
      <form
        onSubmit={submit}
        onKeyDown={formKeyDown(guard.cancel)}
        noValidate
        aria-label={editing ? "Edit card" : "New card"}
        className="mt-3 space-y-3"
      >
        <div>
          <label htmlFor={`${id}-tag`} className={LABEL}>
            Tag <span className="font-normal">(what the card proves)</span>
          </label>
          <input
            id={`${id}-tag`}
            type="text"
            data-autofocus
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            {...fieldError("tag")}
            className={`${INPUT} mt-1`}
          />
        </div>
        <div>
          <label htmlFor={`${id}-quote`} className={LABEL}>
            Quote <span className="font-normal">(paste the text; Ctrl+Enter saves the card)</span>
          </label>
          <textarea
            ref={quoteRef}
            id={`${id}-quote`}
            data-multiline
            rows={6}
            value={quote}
            onChange={(e) => setQuote(e.target.value)}
            aria-describedby={spanError ? `${id}-quote-help ${id}-span-error` : `${id}-quote-help`}
            className={`${INPUT} mt-1 resize-y font-serif leading-relaxed`}
          />
          <p id={`${id}-quote-help`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            To mark what is read aloud, select it in the quote, then press “Mark selection as read”.
          </p>
          <button type="button" onClick={markRead} className={`${BUTTON} mt-2`}>
            Mark selection as read
          </button>
          <FormError id={`${id}-span-error`} message={spanError} />
        </div>
        <section aria-labelledby={`${id}-read-heading`}>
          <h3 id={`${id}-read-heading`} className={LABEL}>
            Read aloud ({read.length} {read.length === 1 ? "span" : "spans"})
          </h3>
          {read.length > 0 ? (
            <>
              <ul className="mt-1 space-y-1" data-testid="read-spans">
                {read.map((span) => (
                  <li key={span} className="flex items-start gap-2 text-sm">
                    {quote.includes(span) ? (
                      <mark className="flex-1 rounded-sm bg-yellow-200 px-1 text-slate-950 dark:bg-yellow-300">
                        {span}
                      </mark>
                    ) : (
                      <span className="flex-1 rounded-sm border border-dashed border-slate-400 px-1 text-slate-700 dark:border-slate-500 dark:text-slate-300">
                        <s>{span}</s> <em className="text-xs font-semibold not-italic">(not in the quote)</em>
                      </span>
                    )}
                    <button
                      type="button"
                      aria-label={`Remove read span: ${span}`}
                      onClick={() => setRead(read.filter((s) => s !== span))}
                      className={BUTTON}
                    >
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-xs font-semibold text-slate-700 dark:text-slate-300">Preview</p>
              <p className="mt-1 rounded-md border border-slate-200 p-2 text-sm leading-relaxed dark:border-slate-700">
                <QuoteText quote={quote} read={read} />
              </p>
            </>
          ) : (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Nothing marked yet.</p>
          )}
        </section>
        <fieldset className="rounded-md border border-slate-300 p-3 dark:border-slate-600">
          <legend className={`${LABEL} px-1`}>Cite</legend>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            {CITE_FIELDS.map((field) => (
              <div
                key={field.key}
                className={field.key === "note" || field.key === "title" ? "sm:col-span-2" : ""}
              >
                <label htmlFor={`${id}-${field.key}`} className={LABEL}>
                  {field.label}
                </label>
                <input
                  id={`${id}-${field.key}`}
                  type={field.type ?? "text"}
                  value={cite[field.key] ?? ""}
                  onChange={(e) => setCite({ ...cite, [field.key]: e.target.value })}
                  {...fieldError(field.key)}
                  className={`${INPUT} mt-1`}
                />
              </div>
            ))}
          </div>
        </fieldset>
        <FormError id={errorId} message={error} />
        {guard.prompt}
        <div className="flex flex-wrap justify-end gap-2">
          {editing ? (
            <button type="button" onClick={remove} className={`${DANGER_BUTTON} mr-auto`}>
              Delete card
            </button>
          ) : null}
          <button type="button" onClick={close} className={BUTTON}>
            Cancel
          </button>
          <button type="submit" className={PRIMARY_BUTTON}>
            {editing ? "Apply" : "Add"}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
