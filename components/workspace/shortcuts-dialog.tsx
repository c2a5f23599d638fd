"use client";

import { type RefObject, useCallback, useMemo, useRef } from "react";
import { EditingShortcutsHelp } from "@/components/editor/editing-shortcuts-help";

export const SHORTCUTS: [string, string][] = [
  ["↑ ↓ ← →", "Move to the parent, first child or a sibling claim (in left-to-right view ← is the parent)"],
  ["Enter", "Open the focused claim or link in the inspector"],
  ["Escape", "Clear the selection"],
  ["/", "Search claims and cards"],
  ["Enter / Shift+Enter in search", "Next / previous match"],
  ["c", "Collapse or expand the selected claim"],
  ["f", "Fit the whole map in view"],
  ["?", "Show these shortcuts"],
];

/** The keyboard shortcuts, in a modal dialog opened from the toolbar or with "?". */
export function ShortcutsDialog({ dialog }: { dialog: RefObject<HTMLDialogElement | null> }) {
  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-heading"
      className="m-auto max-w-lg rounded-xl border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="shortcuts-heading" className="text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([keys, action]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                {keys}
              </kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <EditingShortcutsHelp />
      <form method="dialog" className="mt-4 text-right">
        <button
          type="submit"
          className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900"
        >
          Close
        </button>
      </form>
    </dialog>
  );
}

/** A ref to the shortcuts dialog and a function that opens it. */
export function useShortcutsDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const open = useCallback(() => dialog.current?.showModal(), []);
  return useMemo(() => ({ dialog, open }), [open]);
}
