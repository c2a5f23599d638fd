"use client";

import { type KeyboardEvent, useId } from "react";
import { useMapStore, useMapStoreApi } from "@/components/map/map-store";
import { useSearchMatches } from "@/components/map/map-view";
import { useFocusClaim } from "./use-focus-claim";

export const SEARCH_INPUT_ID = "map-search";

/** Search over claims and their cards: highlights matches; Enter and Shift+Enter step through them. */
export function SearchBox() {
  const api = useMapStoreApi();
  const query = useMapStore((s) => s.query);
  const { matches, current: at } = useSearchMatches();
  const count = matches.length;
  const focusClaim = useFocusClaim();
  const statusId = useId();

  const step = (delta: number) => {
    if (matches.length === 0) return;
    const next =
      at < 0 ? (delta > 0 ? 0 : matches.length - 1) : (at + delta + matches.length) % matches.length;
    api.getState().setMatchIndex(next);
    focusClaim(matches[next], false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      api.getState().setSearch("");
    }
  };

  return (
    <search className="relative flex shrink-0 items-center">
      <label htmlFor={SEARCH_INPUT_ID} className="sr-only">
        Search claims and cards
      </label>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        value={query}
        placeholder="Search  ( / )"
        aria-describedby={statusId}
        onChange={(event) => api.getState().setSearch(event.target.value)}
        onKeyDown={onKeyDown}
        className="w-56 rounded-md border border-slate-300 bg-white py-1 pr-28 pl-2 text-sm text-slate-900 placeholder:text-slate-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
      />
      {/* Status and step buttons sit inside the field's right end, so typing never moves the toolbar. */}
      <span className="absolute inset-y-0 right-1 flex items-center gap-1">
        <span
          id={statusId}
          role="status"
          data-testid="search-status"
          className="text-xs tabular-nums whitespace-nowrap text-slate-700 dark:text-slate-300"
        >
          {query.trim() ? (count === 0 ? "No matches" : `${at < 0 ? 0 : at + 1} of ${count}`) : ""}
        </span>
        <span className={`flex items-center gap-0.5 ${query.trim() ? "" : "invisible"}`}>
          <button
            type="button"
            aria-label="Previous match"
            disabled={count === 0}
            onClick={() => step(-1)}
            className="rounded border border-slate-300 bg-white px-1 py-0 text-sm leading-5 disabled:opacity-40 dark:border-slate-600 dark:bg-slate-900"
          >
            ↑
          </button>
          <button
            type="button"
            aria-label="Next match"
            disabled={count === 0}
            onClick={() => step(1)}
            className="rounded border border-slate-300 bg-white px-1 py-0 text-sm leading-5 disabled:opacity-40 dark:border-slate-600 dark:bg-slate-900"
          >
            ↓
          </button>
        </span>
      </span>
    </search>
  );
}
