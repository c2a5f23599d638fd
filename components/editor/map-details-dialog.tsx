"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { z } from "zod";
import { useMapStore } from "@/components/map/map-store";
import { ToolbarLabel } from "@/components/ui/toolbar-label";
import { isSlug, slugify } from "@/lib/model/ids";
import { updateMapDetails } from "@/lib/model/map-details";
import { useCanEdit, useEditorApi } from "./editor-store";
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

const errorSchema = z.object({ error: z.string() });
const renamedSchema = z.object({ slug: z.string() });
const deletedSchema = z.object({ name: z.string() });

/** The toolbar's "Map details" button and its dialog; nothing for visitors who may not edit. */
export function MapDetailsButton() {
  const canEdit = useCanEdit();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (!canEdit) return null;
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className={BUTTON}
        aria-haspopup="dialog"
        aria-label="Map details"
        title="Map details: title, resolution, address, delete"
        onClick={() => setOpen(true)}
      >
        <ToolbarLabel icon="details">Details</ToolbarLabel>
      </button>
      {open ? <MapDetailsDialog onClose={close} /> : null}
    </>
  );
}

/** Why a request failed, in the server's words when it gave some. */
async function failure(response: Response, what: string): Promise<string> {
  const body = errorSchema.safeParse(await response.json().catch(() => undefined));
  return body.success ? `${what}: ${body.data.error}.` : `${what} (the server answered ${response.status}).`;
}

/**
 * Edits the title, resolution and description (saved like any edit, and undoable), renames the
 * map's address and deletes the map into the trash after a confirmation.
 */
function MapDetailsDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const model = useMapStore((s) => s.model);
  const slug = useMapStore((s) => s.slug);
  const editor = useEditorApi();
  const run = useRunEdit();
  const [title, setTitle] = useState(model.title);
  const [resolution, setResolution] = useState(model.resolution ?? "");
  const [description, setDescription] = useState(model.description ?? "");
  const [address, setAddress] = useState(slug);
  const [error, setError] = useState<string>();
  const [addressError, setAddressError] = useState<string>();
  const [deleteError, setDeleteError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // The confirmation replaces the button that asked for it: focus moves there and back.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (asked.current) deleteButton.current?.focus();
    asked.current ||= confirming;
  }, [confirming]);

  function saveDetails(event: FormEvent) {
    event.preventDefault();
    const problem = run((m) => updateMapDetails(m, { title, resolution, description }));
    if (problem) setError(problem);
    else onClose();
  }

  /** Saves pending edits first, so a rename or delete never leaves an edit behind. */
  async function savedFirst(): Promise<boolean> {
    await editor.getState().save();
    return editor.getState().status.state === "saved";
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    const wanted = address.trim();
    if (wanted === slug) {
      setAddressError("That is already this map's address.");
      return;
    }
    if (!isSlug(wanted)) {
      setAddressError(
        `Use lowercase letters, digits and single hyphens, like “${slugify(wanted || model.title, "my-map", 60)}”.`,
      );
      return;
    }
    setBusy(true);
    setAddressError(undefined);
    try {
      if (!(await savedFirst())) {
        setAddressError("Your latest edits are not saved yet; rename once they are.");
        return;
      }
      const response = await fetch(`/api/maps/${slug}/rename`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ slug: wanted }),
      });
      const renamed = renamedSchema.safeParse(
        await response
          .clone()
          .json()
          .catch(() => undefined),
      );
      if (response.ok && renamed.success) {
        window.location.assign(`/maps/${renamed.data.slug}`);
        return;
      }
      setAddressError(await failure(response, "The map was not renamed"));
    } catch {
      setAddressError("The map was not renamed: the server cannot be reached.");
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setDeleteError(undefined);
    try {
      if (!(await savedFirst())) {
        setDeleteError("Your latest edits are not saved yet; delete once they are.");
        return;
      }
      const response = await fetch(`/api/maps/${slug}`, { method: "DELETE" });
      const deleted = deletedSchema.safeParse(
        await response
          .clone()
          .json()
          .catch(() => undefined),
      );
      if (response.ok && deleted.success) {
        window.location.assign(`/?deleted=${encodeURIComponent(deleted.data.name)}`);
        return;
      }
      setDeleteError(await failure(response, "The map was not deleted"));
    } catch {
      setDeleteError("The map was not deleted: the server cannot be reached.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <ModalDialog title="Map details" onClose={onClose} wide testId="map-details-dialog">
      <form
        aria-label="Title and description"
        onSubmit={saveDetails}
        onKeyDown={formKeyDown(onClose)}
        noValidate
        className="mt-3 space-y-3"
      >
        <div>
          <label htmlFor={`${id}-title`} className={LABEL}>
            Title
          </label>
          <input
            id={`${id}-title`}
            data-autofocus
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className={`${INPUT} mt-1`}
          />
        </div>
        <div>
          <label htmlFor={`${id}-resolution`} className={LABEL}>
            Resolution <span className="font-normal">(optional: the motion debated)</span>
          </label>
          <textarea
            id={`${id}-resolution`}
            rows={2}
            value={resolution}
            onChange={(e) => setResolution(e.target.value)}
            className={`${INPUT} mt-1 resize-y`}
          />
        </div>
        <div>
          <label htmlFor={`${id}-description`} className={LABEL}>
            Description <span className="font-normal">(optional; Ctrl+Enter saves)</span>
          </label>
          <textarea
            id={`${id}-description`}
            data-multiline
            rows={4}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            className={`${INPUT} mt-1 resize-y`}
          />
        </div>
        <FormError id={`${id}-error`} message={error} />
        <div className="flex gap-2">
          <button type="submit" className={PRIMARY_BUTTON}>
            Save details
          </button>
          <button type="button" onClick={onClose} className={BUTTON}>
            Cancel
          </button>
        </div>
      </form>

      <section
        aria-labelledby={`${id}-address-heading`}
        className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-700"
      >
        <h3 id={`${id}-address-heading`} className="text-base font-semibold">
          Address
        </h3>
        <form aria-label="Rename map" onSubmit={rename} noValidate className="mt-2">
          <label htmlFor={`${id}-address`} className={LABEL}>
            Address of this map (its file name)
          </label>
          <div className="mt-1 flex items-center gap-2">
            <span aria-hidden="true" className="font-mono text-sm text-slate-600 dark:text-slate-400">
              /maps/
            </span>
            <input
              id={`${id}-address`}
              value={address}
              maxLength={80}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setAddress(e.target.value)}
              aria-invalid={addressError ? true : undefined}
              aria-describedby={`${id}-address-hint${addressError ? ` ${id}-address-error` : ""}`}
              className={`${INPUT} font-mono`}
            />
            <button type="submit" className={BUTTON} disabled={busy}>
              Rename
            </button>
          </div>
          <p id={`${id}-address-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Links to /maps/{slug} will lead to the new address.
          </p>
          <FormError id={`${id}-address-error`} message={addressError} />
        </form>
      </section>

      <section
        aria-labelledby={`${id}-delete-heading`}
        className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-700"
      >
        <h3 id={`${id}-delete-heading`} className="text-base font-semibold">
          Delete
        </h3>
        {confirming ? (
          <fieldset className="mt-2 space-y-2">
            <legend className="sr-only">Confirm deletion</legend>
            <p className="text-sm">
              Delete “{model.title}”? Its file moves to the trash of the arguments folder; you can restore it
              from the library under “Recently deleted”.
            </p>
            <div className="flex gap-2">
              <button
                ref={confirmButton}
                type="button"
                className={DANGER_BUTTON}
                onClick={() => void remove()}
                disabled={busy}
              >
                Delete map
              </button>
              <button type="button" className={BUTTON} onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </div>
          </fieldset>
        ) : (
          <button
            ref={deleteButton}
            type="button"
            className={`${BUTTON} mt-2 text-red-800 dark:text-red-200`}
            onClick={() => setConfirming(true)}
          >
            Delete map…
          </button>
        )}
        <FormError message={deleteError} />
      </section>
    </ModalDialog>
  );
}
