"use client";

import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ConflictBanner } from "@/components/editor/conflict-banner";
import { CanvasEditingFromEditor } from "@/components/editor/drag-connect";
import { EditorHost } from "@/components/editor/editor-host";
import { EditorProvider, useCanEdit, useOptionalEditorApi } from "@/components/editor/editor-store";
import { LiveProvider } from "@/components/live/live-provider";
import { LiveFileProblemBanner } from "@/components/live/live-status";
import { focusNode, MapCanvas } from "@/components/map/map-canvas";
import { MapStoreProvider, useMapStore, useMapStoreApi } from "@/components/map/map-store";
import { MapViewProvider, useMapView } from "@/components/map/map-view";
import { type CommandHandler, useCommandKeys } from "@/components/ui/use-command-keys";
import { WORKSPACE_COMMANDS, type WorkspaceCommandId } from "@/lib/commands/workspace";
import type { Direction } from "@/lib/layout/layout";
import { FIT_PADDING } from "@/lib/layout/open-view";
import type { ArgumentMap } from "@/lib/model/schema";
import { presentHref } from "@/lib/present/links";
import { AnalysisProvider, useAnalysis } from "./analysis-context";
import { AnalysisPanel } from "./analysis-panel";
import { EXPORT_BUTTON_ID } from "./export-menu";
import { INSPECTOR_HEADING_ID, Inspector } from "./inspector";
import { InspectorPanel, useInspectorPanel } from "./inspector-panel";
import { SEARCH_INPUT_ID } from "./search-box";
import { ShortcutsDialog, useShortcutsDialog } from "./shortcuts-dialog";
import { Toolbar } from "./toolbar";
import { UnknownFocusNotice } from "./unknown-focus-notice";
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
  /** Open with the analysis shown (`?analysis=1`). */
  analysis?: boolean;
  /** Edit live with everyone on the map (the collaboration server runs) instead of saving over HTTP. */
  live?: boolean;
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
  analysis = false,
  live = false,
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
            <AnalysisProvider initiallyOn={analysis}>
              <LiveProvider live={live} canEdit={canEdit}>
                <WorkspaceLayout unknownFocus={focus !== undefined && !known ? focus : undefined} />
              </LiveProvider>
            </AnalysisProvider>
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

function WorkspaceLayout({ unknownFocus }: { unknownFocus?: string }) {
  const api = useMapStoreApi();
  const view = useMapView();
  const reactFlow = useReactFlow();
  const focusClaim = useFocusClaim();
  const shortcuts = useShortcutsDialog();
  const selection = useMapStore((s) => s.selection);
  const canEdit = useCanEdit();
  const editor = useOptionalEditorApi();
  const analysis = useAnalysis();
  const toggleAnalysis = analysis.toggle;
  const router = useRouter();
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

  const handlers: Partial<Record<WorkspaceCommandId, CommandHandler>> = {
    move: (event) => {
      const state = api.getState();
      const { layout } = viewRef.current;
      const selected = state.selection?.kind === "claim" ? state.selection.id : undefined;
      const move = (id: string | undefined) => {
        if (!id) return false;
        focusClaim(id, true);
        return true;
      };
      const tb = layout.direction === "TB";
      const arrows: Record<string, "parent" | "child" | "prev" | "next"> = tb
        ? { ArrowUp: "parent", ArrowDown: "child", ArrowLeft: "prev", ArrowRight: "next" }
        : { ArrowLeft: "parent", ArrowRight: "child", ArrowUp: "prev", ArrowDown: "next" };
      const target = event.target instanceof Element ? event.target : null;
      // Start from the claim that has focus (or holds the focused collapse button), else the selection.
      const focused = focusedElement(target?.closest('[aria-roledescription="node"]') ?? null);
      if (target?.closest("button, a, search") && !focused) return false;
      const start = focused?.kind === "claim" ? focused.id : selected;
      const node = start ? layout.nodes.find((n) => n.id === start) : undefined;
      if (!node) return move(layout.tree.roots.find((r) => !layout.hidden.has(r)));
      const siblings = node.parent
        ? (layout.nodes.find((n) => n.id === node.parent)?.children ?? [])
        : layout.tree.roots;
      const at = siblings.indexOf(node.id);
      const direction = arrows[event.key];
      if (direction === "parent") return move(node.parent);
      if (direction === "child") return move(node.children[0]);
      if (direction === "prev") return move(siblings[at - 1]);
      return move(siblings[at + 1]);
    },
    open: (event) => {
      const state = api.getState();
      const target = event.target instanceof Element ? event.target : null;
      const focused = focusedElement(target);
      if (!focused && target?.closest("button, a, summary")) return false;
      if (focused) state.select(focused);
      else if (!state.selection) return false;
      requestAnimationFrame(() => document.getElementById(INSPECTOR_HEADING_ID)?.focus());
      return true;
    },
    "focus-inspector": () => {
      document.getElementById(INSPECTOR_HEADING_ID)?.focus();
      return true;
    },
    "clear-selection": () => {
      const state = api.getState();
      const cleared = state.selection;
      if (!cleared) return false;
      state.select(null);
      // Clearing replaces the inspector's content; focus held there would fall to <body>, so it
      // returns to the claim or edge that was selected.
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || !document.activeElement) {
          focusNode(canvas.current, cleared.id);
        }
      });
      return true;
    },
    search: () => {
      document.getElementById(SEARCH_INPUT_ID)?.focus();
      return true;
    },
    export: () => {
      document.getElementById(EXPORT_BUTTON_ID)?.click();
      return true;
    },
    "toggle-inspector": () => {
      inspector.toggle();
      return true;
    },
    help: () => {
      shortcuts.open();
      return true;
    },
    present: () => {
      router.push(presentHref(api.getState().slug));
      return true;
    },
    "present-from-here": () => {
      const state = api.getState();
      if (state.selection?.kind !== "claim") return false;
      router.push(presentHref(state.slug, { from: state.selection.id }));
      return true;
    },
    "toggle-analysis": () => {
      toggleAnalysis();
      return true;
    },
    fit: () => {
      void reactFlow.fitView({ padding: FIT_PADDING });
      return true;
    },
    "toggle-collapse": () => {
      const state = api.getState();
      const selected = state.selection?.kind === "claim" ? state.selection.id : undefined;
      const node = selected ? viewRef.current.layout.nodes.find((n) => n.id === selected) : undefined;
      if (!selected || !node || node.descendants === 0) return false;
      state.toggleCollapsed(selected);
      requestAnimationFrame(() => focusNode(canvas.current, selected));
      return true;
    },
  };
  useCommandKeys(WORKSPACE_COMMANDS, handlers, () => ({
    canEdit,
    claimSelected: api.getState().selection?.kind === "claim",
    formOpen: editor?.getState().form != null,
  }));

  return (
    <div className="flex h-dvh flex-col">
      <Toolbar onHelp={shortcuts.open} />
      <ConflictBanner />
      <LiveFileProblemBanner />
      <UnknownFocusNotice id={unknownFocus} />
      <main
        className={`relative grid min-h-0 flex-1 grid-cols-1 ${
          analysis.on
            ? inspector.shown
              ? "lg:grid-cols-[20rem_1fr_26rem]"
              : "lg:grid-cols-[20rem_1fr]"
            : inspector.shown
              ? "lg:grid-cols-[1fr_26rem]"
              : ""
        }`}
      >
        {analysis.on ? <AnalysisPanel /> : null}
        <section ref={canvas} className="min-h-0 min-w-0" aria-label="Argument map">
          <CanvasEditingFromEditor>
            <MapCanvas />
          </CanvasEditingFromEditor>
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
