"use client";

import { useState } from "react";
import { useMapStoreApi } from "@/components/map/map-store";
import { exportedFileName, exportedJson } from "@/lib/editor/export";
import { useCanEdit, useEditor } from "./editor-store";
import { BUTTON, DANGER_BUTTON } from "./ui";

/**
 * Shown when a save was refused because the map changed elsewhere: the edits on screen are kept,
 * can be downloaded or copied as normalized JSON, and the saved map can be reloaded.
 */
export function ConflictBanner() {
  const canEdit = useCanEdit();
  const conflict = useEditor((s) => s.status.state === "conflict");
  if (!canEdit || !conflict) return null;
  return <ConflictBannerInner />;
}

function ConflictBannerInner() {
  const api = useMapStoreApi();
  const [note, setNote] = useState<string>();

  function current() {
    const { model, slug } = api.getState();
    return { text: exportedJson({ ...model, slug }), name: exportedFileName(slug) };
  }

  function download() {
    const { text, name } = current();
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setNote(`Downloaded ${name}.`);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(current().text);
      setNote("Your version is on the clipboard.");
    } catch {
      setNote("The clipboard is not available here; use “Download my version” instead.");
    }
  }

  function reload() {
    if (window.confirm("Reload the saved map? The edits on this page that were not saved will be lost.")) {
      window.location.reload();
    }
  }

  return (
    <section
      role="alert"
      aria-label="Save conflict"
      data-testid="conflict-banner"
      className="border-b-2 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50"
    >
      <p className="font-semibold">Conflict: this map changed elsewhere, so your edits were not saved.</p>
      <p className="mt-1">
        Another tab, an edit of the file on disk or a git pull changed it since this page loaded. Your edits
        are still on screen: keep a copy of them, then reload the saved map and add them again.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button type="button" onClick={download} className={BUTTON}>
          Download my version
        </button>
        <button type="button" onClick={() => void copy()} className={BUTTON}>
          Copy my version
        </button>
        <button type="button" onClick={reload} className={DANGER_BUTTON}>
          Reload the saved map
        </button>
        {note ? <span className="text-sm">{note}</span> : null}
      </div>
    </section>
  );
}
