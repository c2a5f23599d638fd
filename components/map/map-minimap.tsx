"use client";

import { ControlButton, MiniMap, type MiniMapNodeProps, type Node, useStore } from "@xyflow/react";
import { type ComponentType, useSyncExternalStore } from "react";
import type { MapFlowNode } from "@/lib/graph/to-flow";
import { PALETTES, type Palette } from "@/lib/layout/palette";

const KEY = "clashmap:minimap";
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readSetting(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== "off";
  } catch {
    return true;
  }
}

function writeSetting(on: boolean): void {
  try {
    window.localStorage.setItem(KEY, on ? "on" : "off");
  } catch {
    // Private windows may refuse storage; the setting then lasts until the page closes.
  }
  memory = on;
  for (const listener of listeners) listener();
}

let memory: boolean | undefined;

/** Whether the minimap is turned on (remembered in this browser). */
function useMinimapSetting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => memory ?? readSetting(),
    () => true,
  );
}

/** The minimap draws each claim in its side's colour, and a link's anchor in its relation's. */
function minimapColor(palette: Palette) {
  return (node: Node): string => {
    const data = (node as MapFlowNode).data;
    if (!data || !("type" in data || "side" in data)) return palette.badge.border;
    if ("side" in data) return palette.side[data.side].band;
    return palette.relation[data.type].stroke;
  };
}

/**
 * The minimap, shown only while part of the map is out of view, so it never covers a fitted map;
 * hidden on phones and when turned off.
 */
export function MapMinimap({
  width,
  height,
  dark,
  nodeComponent,
}: {
  width: number;
  height: number;
  dark: boolean;
  /** Draws the nodes differently (the overview draws the whole map into its frame node). */
  nodeComponent?: ComponentType<MiniMapNodeProps>;
}) {
  const on = useMinimapSetting();
  // A boolean selector: panning re-renders this only when the answer changes.
  const wholeInView = useStore((s) => {
    const [x, y, zoom] = s.transform;
    return x >= -1 && y >= -1 && x + width * zoom <= s.width + 1 && y + height * zoom <= s.height + 1;
  });
  if (!on || wholeInView) return null;
  const palette = PALETTES[dark ? "dark" : "light"];
  return (
    <MiniMap
      pannable
      zoomable
      className="max-md:hidden"
      nodeColor={minimapColor(palette)}
      nodeComponent={nodeComponent}
      bgColor={palette.background}
      maskColor={palette.minimapMask}
      ariaLabel="Minimap of the whole map"
    />
  );
}

/** The Controls button that turns the minimap on and off. */
export function MinimapToggle() {
  const on = useMinimapSetting();
  return (
    <ControlButton
      onClick={() => writeSetting(!on)}
      aria-pressed={on}
      aria-label="Minimap"
      title={on ? "Hide the minimap" : "Show the minimap"}
      className="max-md:hidden"
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" width="12" height="12">
        <rect
          x="1"
          y="2"
          width="14"
          height="12"
          rx="1.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
        <rect x="8" y="8" width="5" height="4" fill={on ? "currentColor" : "none"} stroke="currentColor" />
      </svg>
    </ControlButton>
  );
}
