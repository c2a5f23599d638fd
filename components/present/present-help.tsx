"use client";

import { type RefObject, useImperativeHandle, useRef } from "react";
import { keysLabel } from "@/lib/commands/registry";
import { PRESENT_COMMANDS } from "@/lib/present/keys";

/** Opens the presentation's shortcuts help. */
export type OpenHelp = () => void;

/** The presentation's keys, listed from the same records the key handling reads. */
export function PresentHelp({ open }: { open: RefObject<OpenHelp | null> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useImperativeHandle(open, () => () => dialog.current?.showModal(), []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="present-help-title"
      className="m-auto max-w-2xl rounded-2xl border border-slate-600 bg-slate-900 p-8 text-slate-50 backdrop:bg-black/70"
    >
      <h2 id="present-help-title" className="text-2xl font-bold">
        Presentation keys
      </h2>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-3 text-lg">
        {PRESENT_COMMANDS.filter((c) => c.id !== "jump").map((command) => (
          <div key={command.id} className="contents">
            <dt>
              <kbd className="rounded border border-slate-500 bg-slate-800 px-2 py-0.5 font-mono text-base">
                {keysLabel(command)}
              </kbd>
            </dt>
            <dd>{command.label}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-6 text-right">
        <button
          type="submit"
          className="rounded-lg border border-slate-500 bg-slate-800 px-4 py-2 text-lg font-medium hover:bg-slate-700"
        >
          Close
        </button>
      </form>
    </dialog>
  );
}
