"use client";

import { useEffect, useId, useState } from "react";
import { describeStatus } from "@/lib/editor/save-status";
import { useCanEdit, useEditor } from "./editor-store";
import { BUTTON } from "./ui";

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
  const popoverId = useId();
  // Screen readers hear settled states only, not the pending/saving flicker of every edit.
  const [announced, setAnnounced] = useState(tone === "busy" ? "" : text);
  useEffect(() => {
    if (tone !== "busy") setAnnounced(text);
  }, [text, tone]);
  const problems = status.state === "invalid" ? status.problems : [];
  const label = (
    <>
      <span aria-hidden="true">{ICONS[tone]}</span>
      <span className="min-w-0 truncate">{text}</span>
    </>
  );
  return (
    <>
      <div
        data-testid="save-status"
        data-state={status.state}
        data-revision={status.state === "saved" ? status.revision : undefined}
        className={`flex min-w-0 max-w-64 items-center text-sm ${TONES[tone]}`}
      >
        {problems.length > 0 ? (
          <>
            <button
              type="button"
              popoverTarget={popoverId}
              className="inline-flex items-center gap-1 rounded px-1 underline decoration-dotted underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 dark:focus-visible:ring-sky-400"
            >
              {label}
            </button>
            <div
              id={popoverId}
              popover="auto"
              role="dialog"
              aria-labelledby={`${popoverId}-title`}
              data-testid="save-problems"
              className="m-auto max-h-[80vh] w-[min(32rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border border-slate-300 bg-white p-4 text-sm text-slate-900 shadow-xl backdrop:bg-slate-950/30 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
            >
              <h2 id={`${popoverId}-title`} className="text-base font-semibold">
                The server refused the map
              </h2>
              <ul className="mt-2 space-y-1.5">
                {problems.map((problem, i) => (
                  <li key={`${problem.path}-${i}`}>
                    {problem.line !== undefined ? (
                      <code className="font-mono text-xs">
                        {problem.file}:{problem.line}:{problem.col ?? 1}
                      </code>
                    ) : null}{" "}
                    {problem.path ? <code className="font-mono text-xs">{problem.path}</code> : null}{" "}
                    {problem.message}
                  </li>
                ))}
              </ul>
              <div className="mt-3 flex justify-end">
                <button type="button" popoverTarget={popoverId} popoverTargetAction="hide" className={BUTTON}>
                  Close
                </button>
              </div>
            </div>
          </>
        ) : (
          <p className="flex min-w-0 items-center gap-1 whitespace-nowrap" title={text}>
            {label}
          </p>
        )}
      </div>
      <p role="status" className="sr-only">
        {announced}
      </p>
    </>
  );
}
