"use client";

import { type ReactNode, useCallback, useState } from "react";
import { useMapStore } from "@/components/map/map-store";
import { ariaKeyShortcuts, keysLabel } from "@/lib/commands/registry";
import { workspaceCommand } from "@/lib/commands/workspace";

export const INSPECTOR_PANEL_ID = "inspector-panel";
/** How the help and the button write the key that hides and shows the inspector. */
const INSPECTOR_KEY = keysLabel(workspaceCommand("toggle-inspector"));

/** Whether the inspector is shown beside the map; the workspace binds its key in the command registry. */
export function useInspectorPanel(): { shown: boolean; toggle: () => void } {
  const [shown, setShown] = useState(true);
  return { shown, toggle: useCallback(() => setShown((s) => !s), []) };
}

/**
 * Holds the inspector: a column beside the map on wide screens (hidden and shown with a button
 * or `i`), and on phones and tablets a sheet that slides up over the map when a claim or a link
 * is selected.
 */
export function InspectorPanel({
  shown,
  onToggle,
  children,
}: {
  shown: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  const open = useMapStore((s) => s.selection !== null);
  const select = useMapStore((s) => s.select);
  return (
    <>
      <div
        id={INSPECTOR_PANEL_ID}
        data-testid="inspector-panel"
        data-sheet={open ? "open" : "closed"}
        className={[
          "min-h-0 min-w-0",
          shown ? "lg:block" : "lg:hidden",
          "max-lg:fixed max-lg:inset-x-0 max-lg:bottom-0 max-lg:z-30 max-lg:flex max-lg:h-[min(62dvh,34rem)] max-lg:flex-col max-lg:overflow-hidden max-lg:rounded-t-2xl max-lg:border-t max-lg:border-slate-300 max-lg:bg-slate-50 max-lg:shadow-[0_-8px_30px_rgba(0,0,0,0.25)] max-lg:transition-transform max-lg:duration-200 dark:max-lg:border-slate-600 dark:max-lg:bg-slate-950",
          open ? "" : "max-lg:invisible max-lg:translate-y-full",
        ].join(" ")}
      >
        <div className="flex shrink-0 items-center justify-between border-b border-slate-200 px-4 py-1.5 lg:hidden dark:border-slate-700">
          <span aria-hidden="true" className="h-1.5 w-10 rounded-full bg-slate-300 dark:bg-slate-600" />
          <button
            type="button"
            onClick={() => select(null)}
            className="min-h-11 rounded-md px-3 text-sm font-medium text-slate-800 hover:bg-slate-200 dark:text-slate-100 dark:hover:bg-slate-800"
          >
            Close
          </button>
        </div>
        <div className="min-h-0 flex-1 max-lg:overflow-hidden lg:h-full">{children}</div>
      </div>
      <button
        type="button"
        onClick={onToggle}
        aria-expanded={shown}
        aria-controls={INSPECTOR_PANEL_ID}
        aria-keyshortcuts={ariaKeyShortcuts(workspaceCommand("toggle-inspector"))}
        title={`${shown ? "Hide" : "Show"} the inspector (${INSPECTOR_KEY})`}
        className={`absolute top-2 z-10 rounded-md border border-slate-300 bg-white/90 px-2.5 py-1 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-100 max-lg:hidden dark:border-slate-600 dark:bg-slate-900/90 dark:text-slate-100 dark:hover:bg-slate-800 ${
          shown ? "right-[calc(26rem+0.5rem)]" : "right-2"
        }`}
      >
        {shown ? "Hide inspector" : "Show inspector"}
      </button>
    </>
  );
}
