"use client";

import { useReactFlow } from "@xyflow/react";
import { type RefObject, useEffect, useRef } from "react";
import type { Direction, MapLayout } from "@/lib/layout/layout";
import { openingViewport } from "@/lib/layout/open-view";

/**
 * Sets the view the map opens at (the theses at reading zoom, or the whole map when it fits),
 * and again whenever the orientation changes; a claim requested in the address opens instead.
 */
export function useOpeningView(
  container: RefObject<HTMLElement | null>,
  layout: MapLayout,
  revealing: boolean,
): void {
  const reactFlow = useReactFlow();
  const opened = useRef<Direction | null>(null);
  useEffect(() => {
    if (opened.current === layout.direction) return;
    const first = opened.current === null;
    opened.current = layout.direction;
    if (first && revealing) return;
    const rect = container.current?.getBoundingClientRect();
    const view = openingViewport(layout, { width: rect?.width || 1000, height: rect?.height || 800 });
    void reactFlow.setViewport(view, first ? undefined : { duration: 250 });
  }, [layout, reactFlow, revealing, container]);
}
