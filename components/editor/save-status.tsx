"use client";

import { describeStatus } from "@/lib/editor/save-status";
import { useCanEdit, useEditor } from "./editor-store";

const TONES = {
  ok: "text-emerald-800 dark:text-emerald-300",
  busy: "text-slate-700 dark:text-slate-300",
  problem: "font-semibold text-red-700 dark:text-red-300",
} as const;

const ICONS = { ok: "✓", busy: "…", problem: "!" } as const;

/** The save indicator: saving, saved, conflict or why the map was not saved. */
export function SaveStatusIndicator() {
  const canEdit = useCanEdit();
  if (!canEdit) return null;
  return <SaveStatusText />;
}

function SaveStatusText() {
  const status = useEditor((s) => s.status);
  const { text, tone } = describeStatus(status);
  return (
    <p
      role="status"
      data-testid="save-status"
      data-state={status.state}
      data-revision={status.state === "saved" ? status.revision : undefined}
      className={`flex max-w-56 items-center gap-1 truncate whitespace-nowrap text-sm ${TONES[tone]}`}
      title={text}
    >
      <span aria-hidden="true">{ICONS[tone]}</span>
      {text}
    </p>
  );
}
