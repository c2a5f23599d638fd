"use client";

import {
  ControlButton,
  MiniMap,
  type MiniMapNodeProps,
  type Node,
  Panel,
  useReactFlow,
  useStore,
} from "@xyflow/react";
import { type ComponentType, useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import type { MapFlowNode } from "@/lib/graph/to-flow";
import type { LayoutNode } from "@/lib/layout/layout";
import {
  atLeast,
  type MinimapFrame,
  minimapFrame,
  pointOnMap,
  rectOnMinimap,
  viewInMap,
} from "@/lib/layout/minimap";
import { PALETTES, type Palette } from "@/lib/layout/palette";
import type { Side } from "@/lib/model/schema";

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
  picture,
}: {
  width: number;
  height: number;
  dark: boolean;
  /** Draws the nodes differently (the overview draws the whole map into its frame node). */
  nodeComponent?: ComponentType<MiniMapNodeProps>;
  /** Draws these claims into one canvas instead (a big map: see PICTURE_MINIMAP_CLAIMS). */
  picture?: { nodes: readonly LayoutNode[]; sideOf: (id: string) => Side };
}) {
  const on = useMinimapSetting();
  // A boolean selector: panning re-renders this only when the answer changes.
  const wholeInView = useStore((s) => {
    const [x, y, zoom] = s.transform;
    return x >= -1 && y >= -1 && x + width * zoom <= s.width + 1 && y + height * zoom <= s.height + 1;
  });
  if (!on || wholeInView) return null;
  const palette = PALETTES[dark ? "dark" : "light"];
  if (picture)
    return (
      <PictureMinimap
        nodes={picture.nodes}
        sideOf={picture.sideOf}
        mapWidth={width}
        mapHeight={height}
        palette={palette}
      />
    );
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

/** The size of the minimap, as React Flow's own. */
const WIDTH = 200;
const HEIGHT = 150;

/**
 * The minimap of a big map: every claim drawn once into a canvas in its side's colour, the part in
 * view left clear under a veil; a click or a drag moves the view there, the wheel zooms. One
 * component follows the view, where React Flow's minimap keeps one per claim.
 */
function PictureMinimap({
  nodes,
  sideOf,
  mapWidth,
  mapHeight,
  palette,
}: {
  nodes: readonly LayoutNode[];
  sideOf: (id: string) => Side;
  mapWidth: number;
  mapHeight: number;
  palette: Palette;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const frame = useMemo(() => minimapFrame(mapWidth, mapHeight, WIDTH, HEIGHT), [mapWidth, mapHeight]);
  const reactFlow = useReactFlow();

  useEffect(() => {
    const draw = () => {
      const el = canvas.current;
      const ctx = el?.getContext("2d");
      if (!el || !ctx) return;
      const ratio = window.devicePixelRatio || 1;
      el.width = Math.round(WIDTH * ratio);
      el.height = Math.round(HEIGHT * ratio);
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.fillStyle = palette.background;
      ctx.fillRect(0, 0, WIDTH, HEIGHT);
      // One colour at a time: a fill style change per claim is what costs on a canvas.
      const neg: LayoutNode[] = [];
      ctx.fillStyle = palette.side.aff.band;
      for (const node of nodes) {
        if (sideOf(node.id) === "neg") neg.push(node);
        else fillOn(ctx, frame, node);
      }
      ctx.fillStyle = palette.side.neg.band;
      for (const node of neg) fillOn(ctx, frame, node);
    };
    // Drawn once the page is idle (a frame or two later), so an edit's own frame does not wait
    // for every claim of a big map to be drawn again.
    if (typeof window.requestIdleCallback === "function") {
      const handle = window.requestIdleCallback(draw, { timeout: 200 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = window.setTimeout(draw, 0);
    return () => window.clearTimeout(timer);
  }, [nodes, sideOf, frame, palette]);

  const view = useStore((s) => rectOnMinimap(frame, viewInMap(s.transform, s.width, s.height)), sameRect);

  // The wheel zooms the map (a passive React listener could not keep the page from scrolling).
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      void reactFlow.zoomTo(reactFlow.getZoom() * (event.deltaY < 0 ? 1.2 : 1 / 1.2));
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [reactFlow]);

  const moveTo = (event: React.PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const at = pointOnMap(frame, event.clientX - box.left, event.clientY - box.top);
    void reactFlow.setCenter(at.x, at.y, { zoom: reactFlow.getZoom() });
  };
  // At reading zoom on a big map the view is a speck: its marker keeps a size that can be seen.
  const marker = atLeast(view, 8);
  const veil = `M0,0h${WIDTH}v${HEIGHT}h${-WIDTH}z M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`;
  return (
    <Panel
      position="bottom-right"
      className="react-flow__minimap max-md:hidden"
      data-testid="picture-minimap"
    >
      <div className="relative" style={{ width: WIDTH, height: HEIGHT }}>
        <canvas ref={canvas} style={{ width: WIDTH, height: HEIGHT, display: "block" }} />
        <svg
          ref={svg}
          role="img"
          aria-label="Minimap of the whole map"
          width={WIDTH}
          height={HEIGHT}
          className="absolute inset-0 cursor-pointer"
          onPointerDown={(event) => {
            event.currentTarget.setPointerCapture(event.pointerId);
            moveTo(event);
          }}
          onPointerMove={(event) => {
            if (event.buttons & 1) moveTo(event);
          }}
        >
          <path d={veil} fillRule="evenodd" fill={palette.minimapMask} />
          <rect
            x={marker.x}
            y={marker.y}
            width={marker.width}
            height={marker.height}
            fill="none"
            stroke={palette.text}
            strokeWidth={1.5}
          />
        </svg>
      </div>
    </Panel>
  );
}

function fillOn(ctx: CanvasRenderingContext2D, frame: MinimapFrame, node: LayoutNode): void {
  const r = rectOnMinimap(frame, node);
  ctx.fillRect(r.x, r.y, Math.max(1, r.width), Math.max(1, r.height));
}

function sameRect(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
