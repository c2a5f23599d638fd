"use client";

import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import { createStore, type StoreApi, useStore } from "zustand";
import type { CardTarget } from "@/lib/model/edits";
import type { RelationType } from "@/lib/model/schema";
import type { SaveStatus } from "@/lib/sync/saver";

/** The one editing form or dialog open at a time. */
export type EditorForm =
  | { kind: "add-claim"; type: RelationType; to: string; viaKey?: boolean }
  | { kind: "add-thesis" }
  | { kind: "edit-claim"; id: string }
  | { kind: "delete-claim"; id: string }
  | { kind: "connect"; from: string; to?: string }
  | { kind: "card"; target?: CardTarget; cardId?: string }
  | { kind: "attach-card"; target: CardTarget };

export interface EditorState {
  form: EditorForm | null;
  /** Where keyboard focus goes back to when the form closes. */
  returnFocus: HTMLElement | null;
  status: SaveStatus;
  /** Saves now (Ctrl/Cmd+S); set by the autosave hook. */
  save: () => Promise<void>;
  open: (form: EditorForm) => void;
  /**
   * Closes the form; focus goes back where it was, or to `fallback` when that element is gone.
   * With `restoreFocus: false` focus is left to the caller (it moves to a new claim).
   */
  close: (fallback?: HTMLElement | null, options?: { restoreFocus?: boolean }) => void;
  setStatus: (status: SaveStatus) => void;
  setSave: (save: () => Promise<void>) => void;
}

/** The inspector heading, where focus lands when the element that opened a form is gone. */
const HEADING_ID = "inspector-heading";

function restoreFocus(target: HTMLElement | null, fallback?: HTMLElement | null) {
  requestAnimationFrame(() => {
    const el =
      (target?.isConnected ? target : null) ??
      (fallback?.isConnected ? fallback : null) ??
      document.getElementById(HEADING_ID);
    el?.focus({ preventScroll: true });
  });
}

function createEditorStore(revision: string): StoreApi<EditorState> {
  return createStore<EditorState>()((set, get) => ({
    form: null,
    returnFocus: null,
    status: { state: "saved", revision },
    save: async () => {},
    open: (form) => {
      const active = document.activeElement;
      set({
        form,
        returnFocus: get().form ? get().returnFocus : active instanceof HTMLElement ? active : null,
      });
    },
    close: (fallback, options) => {
      if (!get().form) return;
      const target = get().returnFocus;
      set({ form: null, returnFocus: null });
      if (options?.restoreFocus !== false) restoreFocus(target, fallback);
    },
    setStatus: (status) => set({ status }),
    setSave: (save) => set({ save }),
  }));
}

interface EditorContextValue {
  canEdit: boolean;
  signIn: boolean;
  store: StoreApi<EditorState>;
}

const EditorContext = createContext<EditorContextValue | null>(null);

/**
 * Holds the editing state of one open map. With `canEdit` false every editing control renders
 * nothing, so a read-only visitor sees the map without a single editing button.
 */
export function EditorProvider({
  canEdit,
  signIn = false,
  revision,
  children,
}: {
  canEdit: boolean;
  /** Editing needs the edit token and this visitor has not signed in: offer the sign-in link. */
  signIn?: boolean;
  revision: string;
  children: ReactNode;
}) {
  const [store] = useState(() => createEditorStore(revision));
  const value = useMemo(() => ({ canEdit, signIn, store }), [canEdit, signIn, store]);
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

/** Whether to offer this visitor the sign-in link instead of editing controls. */
export function useSignInToEdit(): boolean {
  return useContext(EditorContext)?.signIn ?? false;
}

/** Whether this visitor may edit the open map (false outside an EditorProvider). */
export function useCanEdit(): boolean {
  return useContext(EditorContext)?.canEdit ?? false;
}

/** The editor store, for handlers that read the latest state without subscribing. */
export function useEditorApi(): StoreApi<EditorState> {
  const context = useContext(EditorContext);
  if (!context) throw new Error("useEditor must be used inside an EditorProvider");
  return context.store;
}

/** The editor store when there is one: parts of the map shared with read-only views use this. */
export function useOptionalEditorApi(): StoreApi<EditorState> | undefined {
  return useContext(EditorContext)?.store;
}

/** Reads one slice of the editing state; pass a narrow selector. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorApi(), selector);
}
