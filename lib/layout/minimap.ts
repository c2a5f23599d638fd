/**
 * The picture minimap of a big map: past this many shown claims the minimap is one canvas drawn
 * from the layout instead of a React component per claim, which React Flow's minimap updates on
 * every pan, zoom and edit.
 */
export const PICTURE_MINIMAP_CLAIMS = 400;

/** Where the map sits in a minimap of a given size: scaled to fit, centred, with a margin. */
export interface MinimapFrame {
  scale: number;
  /** The map's origin in minimap pixels. */
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Fits a map of `mapWidth` × `mapHeight` into a minimap of `width` × `height`, `margin` pixels in. */
export function minimapFrame(
  mapWidth: number,
  mapHeight: number,
  width: number,
  height: number,
  margin = 4,
): MinimapFrame {
  const room = { width: Math.max(1, width - 2 * margin), height: Math.max(1, height - 2 * margin) };
  const scale = Math.min(room.width / Math.max(1, mapWidth), room.height / Math.max(1, mapHeight));
  return {
    scale,
    x: (width - mapWidth * scale) / 2,
    y: (height - mapHeight * scale) / 2,
  };
}

/** A rectangle of the map in minimap pixels. */
export function rectOnMinimap(frame: MinimapFrame, rect: Rect): Rect {
  return {
    x: frame.x + rect.x * frame.scale,
    y: frame.y + rect.y * frame.scale,
    width: rect.width * frame.scale,
    height: rect.height * frame.scale,
  };
}

/** The map point under a minimap pixel. */
export function pointOnMap(frame: MinimapFrame, x: number, y: number): { x: number; y: number } {
  return { x: (x - frame.x) / frame.scale, y: (y - frame.y) / frame.scale };
}

/** The part of the map in view, from React Flow's transform and the canvas's size. */
export function viewInMap(transform: readonly [number, number, number], width: number, height: number): Rect {
  const [tx, ty, zoom] = transform;
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

/** The rectangle grown about its centre to at least `least` pixels each way (a view marker that stays visible). */
export function atLeast(rect: Rect, least: number): Rect {
  const width = Math.max(rect.width, least);
  const height = Math.max(rect.height, least);
  return { x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2, width, height };
}
