"use client";

import { createContext, useContext } from "react";
import { createStore, type StoreApi, useStore } from "zustand";
import type { LiveState } from "@/lib/editor/presence";

/** The live connection of the open map, as the status and the leave guard see it. */
export interface LiveStatus {
  state: LiveState;
  /** People on the map, this page included. */
  people: number;
  /** The server lets this page watch but not edit. */
  readOnly: boolean;
  /** Edits made here that the server has not confirmed yet. */
  unsynced: boolean;
  /** Why the server cannot write the map's file right now (edits wait on the server), or null. */
  fileProblem: string | null;
  /** The name others see for this page. */
  name: string;
  /** The colour others see for this page. */
  colour: string;
  /** Changes the name others see (remembered on this device); set by the connection. */
  rename: (name: string) => void;
}

/** A status store for a page that is connecting. */
export function createLiveStatusStore(readOnly: boolean): StoreApi<LiveStatus> {
  return createStore<LiveStatus>()(() => ({
    state: "connecting",
    people: 0,
    readOnly,
    unsynced: false,
    fileProblem: null,
    name: "",
    colour: "",
    rename: () => {},
  }));
}

/** The open map's live status; null when the page edits through the HTTP autosave instead. */
export const LiveContext = createContext<StoreApi<LiveStatus> | null>(null);

/** Whether the open map is edited live (the shared map) rather than saved over HTTP. */
export function useLiveMode(): boolean {
  return useContext(LiveContext) !== null;
}

/** The live status store, when the map is live. */
export function useLiveStatusApi(): StoreApi<LiveStatus> | null {
  return useContext(LiveContext);
}

const OFF = createLiveStatusStore(false);

/** Reads one slice of the live status (from an idle store when the map is not live). */
export function useLiveStatus<T>(selector: (status: LiveStatus) => T): T {
  return useStore(useContext(LiveContext) ?? OFF, selector);
}
