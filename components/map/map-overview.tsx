"use client";

import {
  type MiniMapNodeProps,
  type Node,
  type NodeProps,
  useReactFlow,
  useStore,
  useStoreApi,
} from "@xyflow/react";
import {
  createContext,
  type MouseEvent,
  memo,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
} from "react";
import type { Status } from "@/lib/analysis/grounded";
import type { MapFlowNode, RelationFlowEdge } from "@/lib/graph/to-flow";
import type { MapLayout } from "@/lib/layout/layout";
import { TOP_BAND } from "@/lib/layout/open-view";
import {
  boxesIn,
  hitClaim,
  OVERVIEW_LABEL,
  OVERVIEW_LAYERS,
  type OverviewLayer,
  type OverviewScene,
  overviewLabel,
  overviewScene,
  overviewShown,
  statusMarks,
} from "@/lib/layout/overview";
import { PALETTES, type Palette } from "@/lib/layout/palette";
import type { MapIndex } from "@/lib/model/queries";
import { useClaimStatuses } from "./claim-status";
import { useMapStore } from "./map-store";
import { useSearchMatches } from "./map-view";

/** The one React Flow node of the overview: the map's bounds, so "fit" and the minimap see the whole map. */
export const OVERVIEW_FRAME_ID = "overview:frame";

export type OverviewFrameNode = Node<Record<string, never>, "frame">;

/** Draws nothing: the overview canvas draws the map; this node only holds its bounds. */
function OverviewFrameView(_: NodeProps<OverviewFrameNode>) {
  return null;
}
export const OverviewFrame = memo(OverviewFrameView);

/** Labels are drawn once their type is at least this many pixels tall. */
const LABEL_PX = 6;
/** Labels drawn per frame at most (the rest of a crowded view stays shapes). */
const LABEL_MAX = 1200;
/** Room around a click that still picks a claim a few pixels wide. */
const CLICK_SLOP_PX = 6;
const FONT = '"Inter Variable", ui-sans-serif, system-ui, sans-serif';

export interface Overview {
  /** True while the map is drawn as the overview picture. */
  active: boolean;
  scene: OverviewScene | undefined;
  nodes: (MapFlowNode | OverviewFrameNode)[];
  edges: RelationFlowEdge[];
  /** Selects the claim under a click on the pane; false when none is there. */
  selectAt: (event: MouseEvent) => boolean;
  /** Zooms to the claim under a double click; false when none is there. */
  openAt: (event: MouseEvent) => boolean;
}

/**
 * Switches the canvas to the overview when zoomed out on a big map: React Flow then holds only
 * the frame and the selected claim (whose real node stays focusable), and the canvas draws the
 * rest. The scene is built once per layout, and only when the overview is first needed.
 */
export function useOverview(
  layout: MapLayout,
  index: MapIndex,
  nodes: MapFlowNode[],
  edges: RelationFlowEdge[],
): Overview {
  const claims = layout.nodes.length;
  // A boolean selector: panning and zooming re-render the canvas only when the answer changes.
  const active = useStore((s) => overviewShown(s.transform[2], claims));
  const selectedId = useMapStore((s) => (s.selection?.kind === "claim" ? s.selection.id : undefined));
  const select = useMapStore((s) => s.select);
  const requestReveal = useMapStore((s) => s.requestReveal);
  const reactFlow = useReactFlow();
  const cache = useRef<{ layout: MapLayout; index: MapIndex; scene: OverviewScene } | null>(null);
  const scene = useMemo(() => {
    if (!active) return undefined;
    const hit = cache.current;
    if (hit && hit.layout === layout && hit.index === index) return hit.scene;
    const built = overviewScene(layout, {
      sideOf: (id) => index.claims.get(id)?.side ?? "aff",
      typeOf: (id) => index.relations.get(id)?.type ?? "support",
    });
    cache.current = { layout, index, scene: built };
    return built;
  }, [active, layout, index]);

  // A zoom into the overview must never draw every claim as a node first: React Flow takes its
  // nodes from this component only after rendering the new zoom, so on a big map the first
  // frame out would mount thousands of nodes and edges (seconds). The zoom's own store update
  // therefore hands React Flow just the selected claim, before anything renders; the frame and
  // the picture follow with this component's next render.
  const storeApi = useStoreApi();
  const latest = useRef({ claims, nodes, selectedId });
  useLayoutEffect(() => {
    latest.current = { claims, nodes, selectedId };
  });
  useEffect(
    () =>
      storeApi.subscribe((state, prev) => {
        const zoom = state.transform[2];
        const { claims: shown, nodes: all, selectedId: picked } = latest.current;
        if (
          zoom === prev.transform[2] ||
          !overviewShown(zoom, shown) ||
          overviewShown(prev.transform[2], shown)
        )
          return;
        const selected = picked ? all.find((node) => node.id === picked) : undefined;
        // A fit in progress (React Flow fits inside its own setNodes) must not fit again to these.
        const fitting = storeApi.getState().fitViewQueued;
        if (fitting) storeApi.setState({ fitViewQueued: false });
        state.setNodes(selected ? [selected] : []);
        state.setEdges([]);
        if (fitting) storeApi.setState({ fitViewQueued: true });
      }),
    [storeApi],
  );

  const shownNodes = useMemo(() => {
    if (!active || !scene) return nodes;
    const { bounds } = scene;
    const frame: OverviewFrameNode = {
      id: OVERVIEW_FRAME_ID,
      type: "frame",
      position: { x: bounds.x, y: bounds.y },
      width: bounds.width,
      height: bounds.height,
      measured: { width: bounds.width, height: bounds.height },
      data: {},
      draggable: false,
      connectable: false,
      selectable: false,
      focusable: false,
      deletable: false,
      zIndex: -1,
      style: { pointerEvents: "none" },
      domAttributes: { "aria-hidden": true },
    };
    const selected = selectedId ? nodes.find((node) => node.id === selectedId) : undefined;
    return selected ? [frame, selected] : [frame];
  }, [active, scene, nodes, selectedId]);

  const hitAt = useCallback(
    (event: MouseEvent) => {
      if (!scene) return undefined;
      const point = reactFlow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      return hitClaim(scene, point, CLICK_SLOP_PX / reactFlow.getZoom());
    },
    [scene, reactFlow],
  );
  const selectAt = useCallback(
    (event: MouseEvent) => {
      const id = hitAt(event);
      if (!id) return false;
      select({ kind: "claim", id });
      return true;
    },
    [hitAt, select],
  );
  const openAt = useCallback(
    (event: MouseEvent) => {
      const id = hitAt(event);
      if (!id) return false;
      select({ kind: "claim", id });
      requestReveal(id, true);
      return true;
    },
    [hitAt, select, requestReveal],
  );

  return {
    active: active && scene !== undefined,
    scene,
    nodes: shownNodes,
    edges: active ? NO_EDGES : edges,
    selectAt,
    openAt,
  };
}

const NO_EDGES: RelationFlowEdge[] = [];

type CellPaths = Partial<Record<OverviewLayer, Path2D>>[];

interface Extras {
  selectedId?: string;
  matchPath?: Path2D;
  currentMatch?: { x: number; y: number; width: number; height: number };
  statusOf?: (claimId: string) => Status | undefined;
}

function drawOverview(
  canvas: HTMLCanvasElement,
  view: { transform: [number, number, number]; width: number; height: number },
  scene: OverviewScene,
  paths: CellPaths,
  palette: Palette,
  extras: Extras,
  labels: Map<number, string[]>,
  /** The part of the drawing that is on screen (the rest is margin for panning). */
  screen = { left: 0, top: 0, width: view.width, height: view.height },
): void {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const dpr = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(view.width * dpr));
  const height = Math.max(1, Math.round(view.height * dpr));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const [tx, ty, zoom] = view.transform;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
  // One screen pixel in map units: lines keep a readable width at every zoom.
  const px = 1 / zoom;
  const vx0 = -tx / zoom;
  const vy0 = -ty / zoom;
  const vx1 = (view.width - tx) / zoom;
  const vy1 = (view.height - ty) / zoom;
  const shown: number[] = [];
  scene.cells.forEach((c, i) => {
    if (c.x1 >= vx0 && c.x0 <= vx1 && c.y1 >= vy0 && c.y0 <= vy1) shown.push(i);
  });
  const layer = (name: OverviewLayer, paint: (p: Path2D) => void) => {
    for (const i of shown) {
      const p = paths[i][name];
      if (p) paint(p);
    }
  };
  ctx.lineJoin = "round";

  ctx.strokeStyle = palette.relation.support.stroke;
  ctx.lineWidth = Math.max(1, palette.stroke.support.width * zoom) * px;
  ctx.setLineDash([]);
  layer("support", (p) => ctx.stroke(p));
  ctx.strokeStyle = palette.relation.attack.stroke;
  ctx.lineWidth = Math.max(1, palette.stroke.attack.width * zoom) * px;
  ctx.setLineDash([Math.max(7 * zoom, 4) * px, Math.max(5 * zoom, 3) * px]);
  layer("attack", (p) => ctx.stroke(p));
  ctx.setLineDash([]);
  // Arrowheads and anchors once they are a few pixels wide.
  if (zoom >= 0.12) {
    ctx.fillStyle = palette.relation.support.stroke;
    layer("supportHead", (p) => ctx.fill(p));
    ctx.strokeStyle = palette.relation.attack.stroke;
    ctx.lineWidth = Math.max(1.5, 2.5 * zoom) * px;
    layer("attackHead", (p) => ctx.stroke(p));
    ctx.fillStyle = palette.node.fill;
    ctx.strokeStyle = palette.mutedText;
    ctx.lineWidth = Math.max(1, 2 * zoom) * px;
    layer("anchor", (p) => {
      ctx.fill(p);
      ctx.stroke(p);
    });
  }

  // A folded claim is a stack: a sheet behind its box.
  ctx.fillStyle = palette.node.fill;
  ctx.strokeStyle = palette.mutedText;
  ctx.lineWidth = px;
  layer("folded", (p) => {
    ctx.fill(p);
    ctx.stroke(p);
  });
  for (const side of ["aff", "neg"] as const) {
    // An opaque box (edges end under it) tinted with its side's colour.
    ctx.strokeStyle = palette.side[side].band;
    ctx.lineWidth = Math.max(1, 2 * zoom) * px;
    layer(side, (p) => {
      ctx.fillStyle = palette.background;
      ctx.fill(p);
      ctx.globalAlpha = 0.22;
      ctx.fillStyle = palette.side[side].band;
      ctx.fill(p);
      ctx.globalAlpha = 1;
      ctx.stroke(p);
    });
    ctx.fillStyle = palette.side[side].band;
    layer(side === "aff" ? "affMark" : "negMark", (p) => ctx.fill(p));
  }
  ctx.strokeStyle = palette.node.thesisBorder;
  ctx.lineWidth = Math.max(2.5, 6 * zoom) * px;
  layer("thesis", (p) => ctx.stroke(p));

  if (extras.statusOf) {
    // Marks about four pixels across on screen, larger once the boxes have room.
    const marks = statusMarks(scene, extras.statusOf, Math.max(12, 4 * px));
    for (const status of ["in", "out", "undecided"] as const) {
      if (!marks[status]) continue;
      const p = new Path2D(marks[status]);
      ctx.fillStyle = palette.status[status].fill;
      ctx.strokeStyle = palette.status[status].border;
      ctx.lineWidth = px;
      ctx.fill(p);
      ctx.stroke(p);
    }
  }
  if (extras.matchPath) {
    ctx.strokeStyle = palette.searchMatch;
    ctx.lineWidth = 3 * px;
    ctx.stroke(extras.matchPath);
  }
  if (extras.currentMatch) {
    const b = extras.currentMatch;
    ctx.strokeStyle = palette.searchMatch;
    ctx.lineWidth = 5 * px;
    ctx.strokeRect(b.x - 4 * px, b.y - 4 * px, b.width + 8 * px, b.height + 8 * px);
  }

  // Labels where they can be read, from the claims in view.
  const fontPx = OVERVIEW_LABEL.fontSize * zoom;
  if (fontPx >= LABEL_PX) {
    const inView = boxesIn(scene, vx0, vy0, vx1, vy1).slice(0, LABEL_MAX);
    ctx.font = `${OVERVIEW_LABEL.weight} ${OVERVIEW_LABEL.fontSize}px ${FONT}`;
    ctx.textBaseline = "middle";
    ctx.fillStyle = palette.text;
    for (const i of inView) {
      const b = scene.boxes[i];
      let lines = labels.get(i);
      if (!lines) {
        lines = overviewLabel(b);
        labels.set(i, lines);
      }
      const left = b.x + Math.min(40, b.height * 0.55) + 10;
      const top = b.y + b.height / 2 - ((lines.length - 1) * OVERVIEW_LABEL.lineHeight) / 2;
      lines.forEach((line, k) => {
        ctx.fillText(line, left, top + k * OVERVIEW_LABEL.lineHeight);
      });
      if (b.collapsed) {
        const count = `+${b.descendants}`;
        ctx.fillStyle = palette.badge.text;
        ctx.fillText(count, b.x + b.width - 14 - ctx.measureText(count).width, b.y + 20);
        ctx.fillStyle = palette.text;
      }
    }
  }

  // Screen-space work: the selection ring and the theses' names at any zoom.
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const toScreen = (b: { x: number; y: number; width: number; height: number }) => ({
    x: tx + b.x * zoom,
    y: ty + b.y * zoom,
    width: b.width * zoom,
    height: b.height * zoom,
  });
  if (fontPx < LABEL_PX) {
    ctx.font = `600 13px ${FONT}`;
    ctx.textBaseline = "middle";
    const tags: { box: (typeof scene.boxes)[number]; x: number; y: number }[] = [];
    for (const b of scene.boxes) {
      if (!b.thesis || tags.length >= 24) continue;
      const s = toScreen(b);
      if (s.x + s.width < 0 || s.x > view.width || s.y + s.height < 0 || s.y > view.height) continue;
      const above = s.y - 30;
      tags.push({
        box: b,
        x: Math.max(screen.left + 4, s.x),
        // Below the thesis when above it would reach into the canvas's top band (the inspector's button).
        y: above >= screen.top + TOP_BAND ? above : s.y + s.height + 6,
      });
    }
    tags.sort((p, q) => p.y - q.y || p.x - q.x);
    tags.forEach((tag, i) => {
      // Each name stops short of the next one on its row.
      let room = screen.left + screen.width - 4 - tag.x;
      for (const other of tags.slice(i + 1))
        if (Math.abs(other.y - tag.y) < 26 && other.x > tag.x) room = Math.min(room, other.x - tag.x - 6);
      const all = tag.box.text.split(/\s+/).filter(Boolean);
      const words = all.slice(0, 8);
      const head = `${tag.box.side.toUpperCase()} THESIS`;
      let text = `${head} · ${words.join(" ")}${all.length > words.length ? "…" : ""}`;
      while (words.length > 0 && ctx.measureText(text).width + 16 > room) {
        words.pop();
        text = words.length > 0 ? `${head} · ${words.join(" ")}…` : head;
      }
      const w = ctx.measureText(text).width + 16;
      if (w > room) return;
      ctx.fillStyle = palette.background;
      ctx.strokeStyle = palette.side[tag.box.side].band;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.roundRect(tag.x, tag.y, w, 24, 6);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = palette.text;
      ctx.fillText(text, tag.x + 8, tag.y + 12.5);
    });
  }
  const selected = extras.selectedId ? scene.boxes.find((b) => b.id === extras.selectedId) : undefined;
  if (selected) {
    const s = toScreen(selected);
    ctx.strokeStyle = palette.selection;
    ctx.lineWidth = 4;
    ctx.strokeRect(s.x - 5, s.y - 5, s.width + 10, s.height + 10);
  }
}

/** The last full drawing of the overview, larger than the view, reused while the view pans. */
interface Picture {
  canvas: HTMLCanvasElement;
  /** The view's transform the picture was drawn with (its top-left is the picture's origin). */
  tx: number;
  ty: number;
  zoom: number;
  width: number;
  height: number;
  version: object;
}

/** Room drawn beyond each side of the view, as a share of its size. */
const MARGIN = 0.25;
/** After a zoom, the picture is drawn sharp again once the view has rested this long. */
const SHARPEN_MS = 120;

/**
 * The zoomed-out map on one canvas, under React Flow's own layers and in step with its view:
 * redrawn in the next animation frame after the view, the scene, the colours, the selection, the
 * search or the analysis change. Hidden from assistive technology: the claims are reachable as
 * real nodes at reading zoom, in the outline and through search.
 */
export function OverviewCanvas({ scene, dark }: { scene: OverviewScene; dark: boolean }) {
  const store = useStoreApi();
  const canvas = useRef<HTMLCanvasElement>(null);
  const selectedId = useMapStore((s) => (s.selection?.kind === "claim" ? s.selection.id : undefined));
  const { matches, current, matchSet } = useSearchMatches();
  const statuses = useClaimStatuses();
  const palette = PALETTES[dark ? "dark" : "light"];

  const paths = useMemo<CellPaths>(
    () =>
      scene.cells.map((cell) => {
        const out: Partial<Record<OverviewLayer, Path2D>> = {};
        for (const layer of OVERVIEW_LAYERS)
          if (cell.paths[layer]) out[layer] = new Path2D(cell.paths[layer]);
        return out;
      }),
    [scene],
  );
  const labels = useMemo(() => {
    void scene;
    return new Map<number, string[]>();
  }, [scene]);
  const extras = useMemo<Extras>(() => {
    let matchPath: Path2D | undefined;
    if (matchSet && matchSet.size > 0) {
      matchPath = new Path2D();
      for (const b of scene.boxes) if (matchSet.has(b.id)) matchPath.rect(b.x, b.y, b.width, b.height);
    }
    const currentId = current >= 0 ? matches[current] : undefined;
    const currentMatch = currentId ? scene.boxes.find((b) => b.id === currentId) : undefined;
    const statusOf = statuses ? (id: string) => statuses.get(id)?.status : undefined;
    return { selectedId, matchPath, currentMatch, statusOf };
  }, [scene, selectedId, matches, current, matchSet, statuses]);

  const draw = useRef<() => void>(() => {});
  // What the picture depends on besides the view: a new object whenever any of it changes.
  const version = useMemo(() => ({ paths, palette, extras, labels }), [paths, palette, extras, labels]);
  const cache = useRef<Picture | null>(null);
  const sharpen = useRef<{ timer: ReturnType<typeof setTimeout> | undefined; now: boolean }>({
    timer: undefined,
    now: false,
  });
  draw.current = () => {
    const el = canvas.current;
    const ctx = el?.getContext("2d");
    if (!el || !ctx) return;
    const view = store.getState();
    const [tx, ty, zoom] = view.transform;
    const dpr = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(view.width * dpr));
    const height = Math.max(1, Math.round(view.height * dpr));
    if (el.width !== width || el.height !== height) {
      el.width = width;
      el.height = height;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    let picture = cache.current;
    const fresh = picture?.version === version;
    // Panning moves the picture drawn last; zooming scales it until the view rests, then redraws it sharp.
    const scale = picture && fresh ? zoom / picture.zoom : 1;
    const left = picture ? tx - picture.tx * scale : 0;
    const top = picture ? ty - picture.ty * scale : 0;
    const covers =
      picture !== null &&
      left <= 0 &&
      top <= 0 &&
      left + picture.width * scale >= view.width &&
      top + picture.height * scale >= view.height;
    const blurry = scale !== 1;
    if (picture && fresh && covers && (!blurry || (!sharpen.current.now && scale > 0.6 && scale < 1.7))) {
      ctx.drawImage(
        picture.canvas,
        left * dpr,
        top * dpr,
        picture.canvas.width * scale,
        picture.canvas.height * scale,
      );
      clearTimeout(sharpen.current.timer);
      if (blurry)
        sharpen.current.timer = setTimeout(() => {
          sharpen.current.now = true;
          schedule();
        }, SHARPEN_MS);
      return;
    }
    sharpen.current.now = false;
    // A picture a little larger than the view, so short pans only move it.
    const mx = Math.round(view.width * MARGIN);
    const my = Math.round(view.height * MARGIN);
    const off = picture?.canvas ?? document.createElement("canvas");
    const area = {
      transform: [tx + mx, ty + my, zoom] as [number, number, number],
      width: view.width + 2 * mx,
      height: view.height + 2 * my,
    };
    drawOverview(off, area, scene, paths, palette, extras, labels, {
      left: mx,
      top: my,
      width: view.width,
      height: view.height,
    });
    picture = {
      canvas: off,
      tx: tx + mx,
      ty: ty + my,
      zoom,
      width: area.width,
      height: area.height,
      version,
    };
    cache.current = picture;
    ctx.drawImage(off, -mx * dpr, -my * dpr);
  };
  const frame = useRef(0);
  const schedule = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      draw.current();
    });
  }, []);

  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) schedule();
      }),
    [store, schedule],
  );
  useEffect(
    () => () => {
      if (frame.current) cancelAnimationFrame(frame.current);
      frame.current = 0;
    },
    [],
  );
  // Everything drawn from props: the scene, colours, selection, search and statuses.
  useEffect(() => {
    void paths;
    void palette;
    void extras;
    schedule();
  }, [paths, palette, extras, schedule]);

  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: the canvas has no tabindex and is never focused; it is a picture of claims reachable as real nodes.
    <canvas
      ref={canvas}
      aria-hidden="true"
      data-testid="map-overview"
      className="pointer-events-none absolute inset-0 h-full w-full"
      style={{ zIndex: 1 }}
    />
  );
}

/** The minimap's picture of every claim, longest side in pixels (about twice the minimap's size). */
const MINIMAP_PX = 320;

const MinimapContext = createContext<{ url: string; bounds: OverviewScene["bounds"] } | null>(null);

/** Every claim as a small box in its side's colour, at least a pixel big, as a PNG data URL. */
function minimapPicture(scene: OverviewScene, palette: Palette): string {
  const { bounds } = scene;
  const k = MINIMAP_PX / Math.max(1, bounds.width, bounds.height);
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.ceil(bounds.width * k));
  canvas.height = Math.max(1, Math.ceil(bounds.height * k));
  const ctx = canvas.getContext("2d");
  if (!ctx) return "";
  for (const side of ["aff", "neg"] as const) {
    ctx.fillStyle = palette.side[side].band;
    for (const b of scene.boxes)
      if (b.side === side)
        ctx.fillRect(
          (b.x - bounds.x) * k,
          (b.y - bounds.y) * k,
          Math.max(1.5, b.width * k),
          Math.max(1.5, b.height * k),
        );
  }
  return canvas.toDataURL("image/png");
}

/**
 * Gives the minimap the overview's picture while the overview is shown: one image instead of a
 * shape per claim, so the minimap costs next to nothing to repaint while the view moves.
 */
export function OverviewMinimapScope({
  scene,
  dark,
  children,
}: {
  scene: OverviewScene | undefined;
  dark: boolean;
  children: ReactNode;
}) {
  const value = useMemo(
    () =>
      scene && typeof document !== "undefined"
        ? { url: minimapPicture(scene, PALETTES[dark ? "dark" : "light"]), bounds: scene.bounds }
        : null,
    [scene, dark],
  );
  return <MinimapContext.Provider value={value}>{children}</MinimapContext.Provider>;
}

/**
 * The minimap's drawing of the overview frame: the picture of every claim in its side's colour,
 * as the minimap draws real nodes; other nodes (the selected claim) as React Flow's own rect.
 */
export function OverviewMinimapNode({ id, x, y, width, height, color, borderRadius }: MiniMapNodeProps) {
  const drawing = useContext(MinimapContext);
  if (id !== OVERVIEW_FRAME_ID || !drawing)
    return <rect x={x} y={y} width={width} height={height} rx={borderRadius} fill={color} />;
  return (
    <image
      href={drawing.url}
      x={drawing.bounds.x}
      y={drawing.bounds.y}
      width={drawing.bounds.width}
      height={drawing.bounds.height}
      preserveAspectRatio="none"
      data-testid="minimap-overview"
    />
  );
}
