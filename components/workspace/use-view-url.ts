"use client";

import { useEffect, useState } from "react";
import { useMapStore, useMapStoreApi } from "@/components/map/map-store";
import { collapsedParam, openingCollapsed, parseCollapsedParam } from "@/lib/layout/open-view";
import { ancestorsOf, buildClaimTree } from "@/lib/layout/tree";
import type { ArgumentMap } from "@/lib/model/schema";

/** Longest `collapsed` value kept in the address; past it a reload opens the map's default folding. */
const MAX_PARAM = 8000;

/**
 * The claims folded when the map opens: those in the address (`?collapsed=`), else the map's
 * default (big maps open folded to a readable depth), never one that hides the focused claim.
 */
export function openingView(map: ArgumentMap, collapsed?: string, focus?: string): { collapsed: string[] } {
  const tree = buildClaimTree(map);
  const ids =
    collapsed !== undefined
      ? parseCollapsedParam(collapsed, (id) => tree.index.claims.has(id))
      : openingCollapsed(tree, map.claims.length);
  if (focus === undefined || !tree.index.claims.has(focus)) return { collapsed: ids };
  const above = new Set(ancestorsOf(tree, focus));
  return { collapsed: ids.filter((id) => !above.has(id)) };
}

/** Keeps the orientation (`?dir=LR`) and the folded claims (`?collapsed=`) in the address, so a reload or a shared link opens the same view. */
export function useViewInUrl(): void {
  const api = useMapStoreApi();
  const direction = useMapStore((s) => s.direction);
  const collapsed = useMapStore((s) => s.collapsed);
  const [initial] = useState(() => {
    const { model } = api.getState();
    return collapsedParam(openingCollapsed(buildClaimTree(model), model.claims.length));
  });
  useEffect(() => {
    const url = new URL(window.location.href);
    if (direction === "TB") url.searchParams.delete("dir");
    else url.searchParams.set("dir", direction);
    const value = collapsedParam(collapsed);
    if (value === initial || value.length > MAX_PARAM) url.searchParams.delete("collapsed");
    else url.searchParams.set("collapsed", value);
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
  }, [direction, collapsed, initial]);
}
