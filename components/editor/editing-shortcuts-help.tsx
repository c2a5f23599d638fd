"use client";

import { CLAIM_SHORTCUTS, MODIFIER_SHORTCUTS } from "@/lib/editor/shortcuts";
import { useCanEdit } from "./editor-store";

/** The editing shortcuts, for the workspace's keyboard help; nothing when this visitor may not edit. */
export function EditingShortcutsHelp() {
  const canEdit = useCanEdit();
  if (!canEdit) return null;
  return (
    <section aria-labelledby="editing-shortcuts-heading" className="mt-4">
      <h3 id="editing-shortcuts-heading" className="text-sm font-semibold">
        Editing
      </h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {[...CLAIM_SHORTCUTS, ...MODIFIER_SHORTCUTS].map(({ keys, action }) => (
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
    </section>
  );
}
