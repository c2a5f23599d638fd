"use client";

import Link from "next/link";
import { useMemo } from "react";
import { EditToolbar } from "@/components/editor/edit-toolbar";
import { MapDetailsButton } from "@/components/editor/map-details-dialog";
import { SignInToEditLink } from "@/components/editor/sign-in-link";
import { LiveStatusIndicator } from "@/components/live/live-status";
import { useMapStore, useMapStoreApi } from "@/components/map/map-store";
import { useMapView } from "@/components/map/map-view";
import { PresentLinks } from "@/components/present/present-links";
import { ToolbarLabel } from "@/components/ui/toolbar-label";
import { depthsOf } from "@/lib/layout/tree";
import { AnalysisToggle } from "./analysis-panel";
import { ExportMenu } from "./export-menu";
import { SearchBox } from "./search-box";
import { ToolbarMenuButton } from "./toolbar-menu";

const BUTTON =
  "shrink-0 whitespace-nowrap rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

/** The workspace toolbar: back to the library, title, orientation, folding, search, outline and help. */
export function Toolbar({ onHelp }: { onHelp: () => void }) {
  const api = useMapStoreApi();
  const { tree } = useMapView();
  const title = useMapStore((s) => s.model.title);
  const slug = useMapStore((s) => s.slug);
  const direction = useMapStore((s) => s.direction);
  // The tree's shape outlives edits that only reword claims, and so do its depths.
  const { roots, children } = tree;
  const depths = useMemo(() => depthsOf({ roots, children }), [roots, children]);
  const maxDepth = useMemo(() => {
    let deepest = 0;
    for (const d of depths.values()) deepest = Math.max(deepest, d);
    return deepest + 1;
  }, [depths]);

  const collapseToDepth = (levels: number) => {
    const collapsed = [...depths].filter(
      ([id, d]) => d === levels - 1 && (tree.children.get(id)?.length ?? 0) > 0,
    );
    // The map shrinks: show it from the theses again rather than the empty place the view was at.
    api.getState().setCollapsed(
      collapsed.map(([id]) => id),
      { reopen: true },
    );
  };

  return (
    <header
      data-toolbar
      className="relative flex flex-wrap items-center gap-x-2 gap-y-2 border-b border-slate-200 bg-white px-4 py-2 max-[1439px]:gap-x-1.5 max-[1439px]:px-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <Link
        href="/"
        className="shrink-0 text-sm font-medium text-blue-700 hover:underline dark:text-blue-300"
      >
        ← Library
      </Link>
      <h1
        className="mr-auto min-w-0 flex-[1_1_9rem] truncate text-base font-semibold max-[1439px]:lg:flex-[1_1_0]"
        title={title}
      >
        {title}
      </h1>
      <ToolbarMenuButton />
      <EditToolbar />
      <LiveStatusIndicator />
      <MapDetailsButton />
      <SignInToEditLink />
      <fieldset className="flex shrink-0 items-center rounded-md border border-slate-300 dark:border-slate-600">
        <legend className="sr-only">Orientation</legend>
        {(
          [
            ["TB", "Top-down"],
            ["LR", "Left-to-right"],
          ] as const
        ).map(([value, label]) => (
          <button
            key={value}
            type="button"
            aria-pressed={direction === value}
            title={label}
            onClick={() => api.getState().setDirection(value)}
            className={`whitespace-nowrap px-2.5 py-1 text-sm font-medium first:rounded-l-md last:rounded-r-md ${
              direction === value
                ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900"
                : "text-slate-800 hover:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800"
            }`}
          >
            <ToolbarLabel icon={value === "TB" ? "top-down" : "left-to-right"}>{label}</ToolbarLabel>
          </button>
        ))}
      </fieldset>
      <button
        type="button"
        className={BUTTON}
        onClick={() => api.getState().setCollapsed([])}
        title="Expand all"
      >
        <ToolbarLabel icon="expand">Expand all</ToolbarLabel>
      </button>
      <label className="flex items-center gap-1 text-sm">
        <span className="sr-only">Show</span>
        <select
          aria-label="Collapse to depth"
          value=""
          onChange={(event) => {
            if (event.target.value) collapseToDepth(Number(event.target.value));
          }}
          className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
        >
          <option value="">Collapse to…</option>
          {Array.from({ length: maxDepth }, (_, i) => i + 1).map((levels) => (
            <option key={levels} value={levels}>
              {levels === 1 ? "1 level" : `${levels} levels`}
            </option>
          ))}
        </select>
      </label>
      <SearchBox />
      <AnalysisToggle />
      <ExportMenu />
      <Link href={`/maps/${slug}/outline`} className={BUTTON} title="Outline">
        <ToolbarLabel icon="outline">Outline</ToolbarLabel>
      </Link>
      <PresentLinks className={BUTTON} />
      <button
        type="button"
        className={BUTTON}
        onClick={onHelp}
        aria-haspopup="dialog"
        aria-label="Shortcuts"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
    </header>
  );
}
