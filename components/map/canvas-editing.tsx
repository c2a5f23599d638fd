"use client";

import type { OnConnectEnd } from "@xyflow/react";
import { type ComponentType, createContext, type ReactNode, useContext } from "react";
import type { Direction } from "@/lib/layout/layout";

/**
 * What an editor adds to the canvas: a handle drawn on each claim and what happens when a drag
 * from it ends. Without a provider the canvas is read-only (the presentation, picture exports).
 */
export interface CanvasEditing {
  /** Drawn inside every claim node, e.g. the handle to drag a new relation from. */
  ClaimHandle?: ComponentType<{ direction: Direction }>;
  onConnectEnd?: OnConnectEnd;
}

const READ_ONLY: CanvasEditing = {};

const CanvasEditingContext = createContext<CanvasEditing>(READ_ONLY);

/** Fills the canvas with editing affordances; the editor renders it around the canvas. */
export function CanvasEditingProvider({ value, children }: { value: CanvasEditing; children: ReactNode }) {
  return <CanvasEditingContext.Provider value={value}>{children}</CanvasEditingContext.Provider>;
}

/** The editing affordances the canvas was given; none when it is shown read-only. */
export function useCanvasEditing(): CanvasEditing {
  return useContext(CanvasEditingContext);
}
