"use client";

import { useReactFlow } from "@xyflow/react";
import { type RefObject, useEffect, useRef } from "react";
import type { Direction, MapLayout } from "@/lib/layout/layout";
import { openingViewport } from "@/lib/layout/open-view";
import { useMapStore } from "./map-store";

/**
 * Sets the view the map opens at (the theses at reading zoom, or the whole map when it fits),
 * and again whenever the orientation changes or the map asks for it (folded to a depth); a claim
 * requested in the address opens instead.
 */
export function useOpeningView(
  container: RefObject<HTMLElement | null>,
  layout: MapLayout,
  revealing: boolean,
): void {
  const reactFlow = useReactFlow();
  const reopened = useMapStore((s) => s.reopened);
  const opened = useRef<{ direction: Direction; reopened: number } | null>(null);
  useEffect(() => {
    const last = opened.current;
    if (last && last.direction === layout.direction && last.reopened === reopened) return;
    const first = last === null;
    opened.current = { direction: layout.direction, reopened };
    if (first && revealing) return;
    const rect = container.current?.getBoundingClientRect();
    const view = openingViewport(layout, { width: rect?.width || 1000, height: rect?.height || 800 });
    void reactFlow.setViewport(view, first ? undefined : { duration: 250 });
  }, [layout, reactFlow, revealing, container, reopened]);
}
