"use client";

import { type PointerEvent, type ReactNode, useCallback, useRef, useState } from "react";
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
  const selected = useMapStore((s) => s.selection?.kind);
  const select = useMapStore((s) => s.select);
  // Hidden, the inspector says that something is selected for it to show.
  const waiting = !shown && selected !== undefined;
  // The sheet's handle: a drag up makes it taller, a drag down smaller and then closes it; a tap
  // or the keyboard switches between the two heights. While dragging, the sheet follows.
  const [tall, setTall] = useState(false);
  const [drag, setDrag] = useState(0);
  const dragStart = useRef<number | null>(null);
  const endDrag = (event: PointerEvent<HTMLButtonElement>) => {
    if (dragStart.current === null) return;
    const dy = event.clientY - dragStart.current;
    dragStart.current = null;
    setDrag(0);
    if (Math.abs(dy) < 8) setTall(!tall);
    else if (dy < 0) setTall(true);
    else if (tall && dy < 160) setTall(false);
    else {
      setTall(false);
      select(null);
    }
  };
  return (
    <>
      <div
        id={INSPECTOR_PANEL_ID}
        data-testid="inspector-panel"
        data-sheet={open ? "open" : "closed"}
        className={[
          "min-h-0 min-w-0",
          shown ? "lg:block" : "lg:hidden",
          tall ? "max-lg:h-[calc(100dvh-4rem)]" : "max-lg:h-[min(62dvh,34rem)]",
          drag === 0 ? "" : "max-lg:transition-none",
          "max-lg:fixed max-lg:inset-x-0 max-lg:bottom-0 max-lg:z-30 max-lg:flex max-lg:flex-col max-lg:overflow-hidden max-lg:rounded-t-2xl max-lg:border-t max-lg:border-slate-300 max-lg:bg-slate-50 max-lg:shadow-[0_-8px_30px_rgba(0,0,0,0.25)] max-lg:transition-transform max-lg:duration-200 dark:max-lg:border-slate-600 dark:max-lg:bg-slate-950",
          open ? "" : "max-lg:invisible max-lg:translate-y-full",
        ].join(" ")}
        style={drag > 0 ? { transform: `translateY(${drag}px)` } : undefined}
      >
        <div className="flex shrink-0 items-center justify-between border-b border-slate-200 px-4 py-1.5 lg:hidden dark:border-slate-700">
          <button
            type="button"
            aria-label={tall ? "Make the sheet smaller" : "Make the sheet taller"}
            aria-expanded={tall}
            data-testid="sheet-handle"
            className="flex min-h-11 flex-1 touch-none items-center rounded-md pl-1 pr-4"
            onPointerDown={(event) => {
              event.currentTarget.setPointerCapture(event.pointerId);
              dragStart.current = event.clientY;
            }}
            onPointerMove={(event) => {
              if (dragStart.current !== null) setDrag(Math.max(0, event.clientY - dragStart.current));
            }}
            onPointerUp={endDrag}
            onPointerCancel={() => {
              dragStart.current = null;
              setDrag(0);
            }}
            onClick={(event) => {
              // A pointer's tap is handled on pointer up; this is the keyboard's Enter or Space.
              if (event.detail === 0) setTall(!tall);
            }}
          >
            <span aria-hidden="true" className="h-1.5 w-10 rounded-full bg-slate-400 dark:bg-slate-500" />
          </button>
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
        className={`absolute top-2 z-10 rounded-md border bg-white/90 px-2.5 py-1 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-100 max-lg:hidden dark:bg-slate-900/90 dark:text-slate-100 dark:hover:bg-slate-800 ${
          shown ? "right-[calc(26rem+0.5rem)]" : "right-2"
        } ${waiting ? "border-blue-600 ring-2 ring-blue-600/30 dark:border-blue-400" : "border-slate-300 dark:border-slate-600"}`}
      >
        {shown ? "Hide inspector" : "Show inspector"}
        {waiting ? (
          <span className="text-blue-800 dark:text-blue-200">
            {" "}
            · {selected === "claim" ? "a claim" : "a link"} is selected
          </span>
        ) : null}
      </button>
    </>
  );
}
