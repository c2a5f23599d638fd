"use client";

import { ShortcutList } from "@/components/workspace/shortcuts-dialog";
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
      <ShortcutList shortcuts={[...CLAIM_SHORTCUTS, ...MODIFIER_SHORTCUTS]} />
    </section>
  );
}
