"use client";

import { createContext, type ReactNode, useContext, useState } from "react";
import { createStore, type StoreApi, useStore } from "zustand";
import { type Selection, selectionAfterRemote } from "@/lib/editor/selection";
import type { Direction } from "@/lib/layout/layout";
import type { ArgumentMap } from "@/lib/model/schema";

/** Most edits kept for undo. */
export const HISTORY_LIMIT = 200;

/**
 * An undo history kept outside the store (live editing keeps one per person in the shared map):
 * with one set, a local edit is handed to it, undo and redo go to it, and `past`/`future` stay empty.
 */
export interface MapHistory {
  /** A local edit took the model from `before` to `after`. */
  record: (before: ArgumentMap, after: ArgumentMap) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

export interface MapState {
  slug: string;
  model: ArgumentMap;
  /** Revision of the file the model was loaded from or last saved to. */
  revision: string;
  selection: Selection;
  collapsed: ReadonlySet<string>;
  direction: Direction;
  /** The search typed in the toolbar; its matches are derived from the model (`useSearchMatches`). */
  query: string;
  /** The match last stepped to, as an index into the derived matches; -1 before the first step. */
  matchIndex: number;
  past: ArgumentMap[];
  future: ArgumentMap[];
  history: MapHistory | null;
  setHistory: (history: MapHistory | null) => void;
  /** Replaces the model with a change made elsewhere: not undoable here; the selection follows. */
  receive: (model: ArgumentMap) => void;
  /** A claim the canvas should bring into view (and give keyboard focus when `focus`); `nonce` repeats requests. */
  reveal: { id: string; focus: boolean; nonce: number } | null;
  requestReveal: (id: string, focus: boolean) => void;
  select: (selection: Selection) => void;
  toggleCollapsed: (id: string) => void;
  /** Folds exactly these claims; `reopen` also brings the view back to the map's opening view. */
  setCollapsed: (ids: Iterable<string>, options?: { reopen?: boolean }) => void;
  /** Counts requests to show the opening view again (the canvas refits when it changes). */
  reopened: number;
  setDirection: (direction: Direction) => void;
  setSearch: (query: string) => void;
  setMatchIndex: (index: number) => void;
  setRevision: (revision: string) => void;
  /** Applies a pure edit to the model, remembering the previous model for undo. */
  apply: (edit: (model: ArgumentMap) => ArgumentMap) => void;
  undo: () => void;
  redo: () => void;
}

export interface MapStoreInit {
  slug: string;
  model: ArgumentMap;
  revision: string;
  selection?: Selection;
  collapsed?: Iterable<string>;
  direction?: Direction;
}

/** Creates the store of one open map. */
export function createMapStore(init: MapStoreInit): StoreApi<MapState> {
  return createStore<MapState>()((set, get) => ({
    slug: init.slug,
    model: init.model,
    revision: init.revision,
    selection: init.selection ?? null,
    collapsed: new Set(init.collapsed ?? []),
    direction: init.direction ?? "TB",
    query: "",
    matchIndex: -1,
    past: [],
    future: [],
    history: null,
    setHistory: (history) => set({ history, past: [], future: [] }),
    receive: (model) =>
      set((s) => {
        if (model === s.model) return {};
        const selection = selectionAfterRemote(s.selection, s.model, model);
        return selection === s.selection ? { model } : { model, selection };
      }),
    reveal: init.selection?.kind === "claim" ? { id: init.selection.id, focus: false, nonce: 0 } : null,
    requestReveal: (id, focus) => set((s) => ({ reveal: { id, focus, nonce: (s.reveal?.nonce ?? 0) + 1 } })),
    select: (selection) => set({ selection }),
    toggleCollapsed: (id) =>
      set((s) => {
        const collapsed = new Set(s.collapsed);
        if (collapsed.has(id)) collapsed.delete(id);
        else collapsed.add(id);
        return { collapsed };
      }),
    reopened: 0,
    setCollapsed: (ids, options) =>
      set((s) => ({ collapsed: new Set(ids), reopened: options?.reopen ? s.reopened + 1 : s.reopened })),
    setDirection: (direction) => set({ direction }),
    setSearch: (query) => set({ query, matchIndex: -1 }),
    setMatchIndex: (matchIndex) => set({ matchIndex }),
    setRevision: (revision) => set({ revision }),
    apply: (edit) => {
      const { model, history } = get();
      const next = edit(model);
      if (next === model) return;
      if (history) {
        set({ model: next });
        history.record(model, next);
        return;
      }
      set((s) => ({ model: next, past: [...s.past, s.model].slice(-HISTORY_LIMIT), future: [] }));
    },
    undo: () => {
      const { history } = get();
      if (history) return history.undo();
      set((s) => {
        const previous = s.past[s.past.length - 1];
        if (!previous) return {};
        return { model: previous, past: s.past.slice(0, -1), future: [s.model, ...s.future] };
      });
    },
    redo: () => {
      const { history } = get();
      if (history) return history.redo();
      set((s) => {
        const [next, ...rest] = s.future;
        if (!next) return {};
        return { model: next, past: [...s.past, s.model].slice(-HISTORY_LIMIT), future: rest };
      });
    },
  }));
}

const MapStoreContext = createContext<StoreApi<MapState> | null>(null);

/** Holds the store of one open map for the components below it. */
export function MapStoreProvider({ init, children }: { init: MapStoreInit; children: ReactNode }) {
  const [store] = useState(() => createMapStore(init));
  return <MapStoreContext.Provider value={store}>{children}</MapStoreContext.Provider>;
}

/** The store itself, for event handlers that read the latest state without subscribing. */
export function useMapStoreApi(): StoreApi<MapState> {
  const store = useContext(MapStoreContext);
  if (!store) throw new Error("useMapStore must be used inside a MapStoreProvider");
  return store;
}

/** Reads one slice of the open map's state; pass a narrow selector. */
export function useMapStore<T>(selector: (state: MapState) => T): T {
  return useStore(useMapStoreApi(), selector);
}
