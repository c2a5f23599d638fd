"use client";

import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { useEffect, useRef, useState } from "react";
import { ConflictBanner } from "@/components/editor/conflict-banner";
import { EditorHost } from "@/components/editor/editor-host";
import { EditorProvider } from "@/components/editor/editor-store";
import { focusNode, MapCanvas } from "@/components/map/map-canvas";
import { MapStoreProvider, useMapStore, useMapStoreApi } from "@/components/map/map-store";
import { MapViewProvider, useMapView } from "@/components/map/map-view";
import { fieldTakesKey } from "@/lib/editor/shortcuts";
import type { Direction } from "@/lib/layout/layout";
import type { ArgumentMap } from "@/lib/model/schema";
import { INSPECTOR_HEADING_ID, Inspector } from "./inspector";
import { InspectorPanel, useInspectorPanel } from "./inspector-panel";
import { SEARCH_INPUT_ID } from "./search-box";
import { ShortcutsDialog, useShortcutsDialog } from "./shortcuts-dialog";
import { Toolbar } from "./toolbar";
import { useFocusClaim } from "./use-focus-claim";
import { openingView, useViewInUrl } from "./use-view-url";

export interface WorkspaceProps {
  slug: string;
  map: ArgumentMap;
  revision: string;
  /** Claim to open centred and selected (`?focus=`). */
  focus?: string;
  /** Orientation to open in (`?dir=`). */
  direction?: Direction;
  /** Folded claims (`?collapsed=a,b`); without it a big map opens folded to a readable depth. */
  collapsed?: string;
  /** Whether this visitor may edit; without it no editing control is rendered. */
  canEdit?: boolean;
  /** Editing needs the edit token and this visitor has not signed in. */
  signInToEdit?: boolean;
}

/** The map workspace: toolbar, canvas and inspector over one store per open map. */
export function Workspace({
  slug,
  map,
  revision,
  focus,
  direction,
  collapsed,
  canEdit = false,
  signInToEdit = false,
}: WorkspaceProps) {
  const known = focus !== undefined && map.claims.some((c) => c.id === focus);
  const [opening] = useState(() => openingView(map, collapsed, known ? focus : undefined));
  return (
    <MapStoreProvider
      init={{
        slug,
        model: map,
        revision,
        selection: known ? { kind: "claim", id: focus } : null,
        direction,
        collapsed: opening.collapsed,
      }}
    >
      <EditorProvider canEdit={canEdit} signIn={signInToEdit} revision={revision}>
        <MapViewProvider>
          <ReactFlowProvider>
            <WorkspaceLayout />
          </ReactFlowProvider>
        </MapViewProvider>
      </EditorProvider>
    </MapStoreProvider>
  );
}

/** The id of the canvas node or edge that holds keyboard focus, if any. */
function focusedElement(target: EventTarget | null): { kind: "claim" | "relation"; id: string } | null {
  // Edges are SVG elements, so look at Element rather than HTMLElement.
  if (!(target instanceof Element)) return null;
  const role = target.getAttribute("aria-roledescription");
  const id = target.getAttribute("data-id");
  if (!id) return null;
  if (role === "node" && !id.startsWith("anchor:")) return { kind: "claim", id };
  if (role === "edge") return { kind: "relation", id };
  return null;
}

function WorkspaceLayout() {
  const api = useMapStoreApi();
  const view = useMapView();
  const reactFlow = useReactFlow();
  const focusClaim = useFocusClaim();
  const shortcuts = useShortcutsDialog();
  const selection = useMapStore((s) => s.selection);
  const canvas = useRef<HTMLElement>(null);
  const viewRef = useRef(view);
  viewRef.current = view;
  useViewInUrl();
  const inspector = useInspectorPanel();

  // The selected claim is shareable: keep it in the address without a navigation.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (selection?.kind === "claim") url.searchParams.set("focus", selection.id);
    else url.searchParams.delete("focus");
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
  }, [selection]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const field = event.target instanceof HTMLElement ? event.target : null;
      if (field && fieldTakesKey(field, event.key)) return;
      // Keys inside a modal dialog or an open popover (Escape closes it) are theirs.
      if (document.querySelector("dialog[open], [popover]:popover-open")) return;
      const state = api.getState();
      const { layout } = viewRef.current;
      const selected = state.selection?.kind === "claim" ? state.selection.id : undefined;
      const move = (id: string | undefined) => {
        if (!id) return;
        event.preventDefault();
        focusClaim(id, true);
      };
      const key = event.key;
      const tb = layout.direction === "TB";
      const arrows: Record<string, "parent" | "child" | "prev" | "next"> = tb
        ? { ArrowUp: "parent", ArrowDown: "child", ArrowLeft: "prev", ArrowRight: "next" }
        : { ArrowLeft: "parent", ArrowRight: "child", ArrowUp: "prev", ArrowDown: "next" };
      if (key in arrows) {
        const target = event.target instanceof Element ? event.target : null;
        // Start from the claim that has focus (or holds the focused collapse button), else the selection.
        const focused = focusedElement(target?.closest('[aria-roledescription="node"]') ?? null);
        if (target?.closest("button, a, search") && !focused) return;
        const start = focused?.kind === "claim" ? focused.id : selected;
        const node = start ? layout.nodes.find((n) => n.id === start) : undefined;
        if (!node) {
          move(layout.tree.roots.find((r) => !layout.hidden.has(r)));
          return;
        }
        const siblings = node.parent
          ? (layout.nodes.find((n) => n.id === node.parent)?.children ?? [])
          : layout.tree.roots;
        const at = siblings.indexOf(node.id);
        const direction = arrows[key];
        if (direction === "parent") move(node.parent);
        else if (direction === "child") move(node.children[0]);
        else if (direction === "prev") move(siblings[at - 1]);
        else move(siblings[at + 1]);
        return;
      }
      if (key === "Enter") {
        const target = event.target instanceof Element ? event.target : null;
        const focused = focusedElement(target);
        if (!focused && target?.closest("button, a, summary")) return;
        if (focused) state.select(focused);
        else if (!state.selection) return;
        event.preventDefault();
        requestAnimationFrame(() => document.getElementById(INSPECTOR_HEADING_ID)?.focus());
        return;
      }
      if (key === "Escape") {
        const cleared = state.selection;
        if (!cleared) return;
        event.preventDefault();
        state.select(null);
        // Clearing replaces the inspector's content; focus held there would fall to <body>, so it
        // returns to the claim or edge that was selected.
        requestAnimationFrame(() => {
          if (document.activeElement === document.body || !document.activeElement) {
            focusNode(canvas.current, cleared.id);
          }
        });
        return;
      }
      if (key === "/") {
        event.preventDefault();
        document.getElementById(SEARCH_INPUT_ID)?.focus();
        return;
      }
      if (key === "?") {
        event.preventDefault();
        shortcuts.open();
        return;
      }
      if (key === "f") {
        event.preventDefault();
        void reactFlow.fitView({ padding: 0.05 });
        return;
      }
      if (key === "c" && selected) {
        const node = layout.nodes.find((n) => n.id === selected);
        if (!node || node.descendants === 0) return;
        event.preventDefault();
        state.toggleCollapsed(selected);
        requestAnimationFrame(() => focusNode(canvas.current, selected));
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [api, focusClaim, reactFlow, shortcuts]);

  return (
    <div className="flex h-dvh flex-col">
      <Toolbar onHelp={shortcuts.open} />
      <ConflictBanner />
      <main
        className={`relative grid min-h-0 flex-1 grid-cols-1 ${inspector.shown ? "lg:grid-cols-[1fr_26rem]" : ""}`}
      >
        <section ref={canvas} className="min-h-0 min-w-0" aria-label="Argument map">
          <MapCanvas />
        </section>
        <InspectorPanel shown={inspector.shown} onToggle={inspector.toggle}>
          <Inspector />
        </InspectorPanel>
      </main>
      <ShortcutsDialog dialog={shortcuts.dialog} />
      <EditorHost />
    </div>
  );
}
