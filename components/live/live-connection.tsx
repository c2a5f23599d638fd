"use client";

import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import { useEffect } from "react";
import * as Y from "yjs";
import type { StoreApi } from "zustand";
import { type EditorForm, useEditorApi } from "@/components/editor/editor-store";
import { useMapStoreApi } from "@/components/map/map-store";
import type { PresenceState } from "@/components/map/presence";
import {
  cleanName,
  colourFor,
  guestName,
  type LiveState,
  peersByClaim,
  peersFrom,
} from "@/lib/editor/presence";
import { LIVE_PATH, mapDocName } from "@/lib/live/doc";
import { readFileProblem } from "@/lib/live/file-problem";
import type { ArgumentMap } from "@/lib/model/schema";
import { bindMapToDoc } from "./bind-map-doc";
import { guardLeaving } from "./leave-guard";
import type { LiveStatus } from "./live-context";

/** Where this device remembers the name its person typed. */
export const NAME_KEY = "clashmap:name";

function rememberedName(): string {
  try {
    return cleanName(window.localStorage.getItem(NAME_KEY) ?? "");
  } catch {
    return "";
  }
}

function remember(name: string) {
  try {
    if (name) window.localStorage.setItem(NAME_KEY, name);
    else window.localStorage.removeItem(NAME_KEY);
  } catch {
    // Private windows may refuse storage; the name still holds for this page.
  }
}

/** Whether the claim or relation an open form works on is gone from the map. */
function formLost(form: EditorForm, model: ArgumentMap): boolean {
  const claim = (id: string) => model.claims.some((c) => c.id === id);
  switch (form.kind) {
    case "add-claim":
      return !claim(form.to) && !model.relations.some((r) => r.id === form.to);
    case "edit-claim":
    case "delete-claim":
      return !claim(form.id);
    case "connect":
      return !claim(form.from);
    default:
      return false;
  }
}

/** Joins the shared map on the app's own server and keeps the page's store, status and presence in step with it. */
export function LiveConnection({
  status,
  presence,
  canEdit,
  rendered,
}: {
  status: StoreApi<LiveStatus>;
  presence: StoreApi<PresenceState>;
  canEdit: boolean;
  /** The map the page opened with. */
  rendered: ArgumentMap;
}) {
  const maps = useMapStoreApi();
  const editor = useEditorApi();

  useEffect(() => {
    const doc = new Y.Doc();
    const binding = bindMapToDoc(maps, doc, { canEdit, rendered });
    const scheme = window.location.protocol === "https:" ? "wss" : "ws";
    let everSynced = false;
    let connected = false;
    let scope: string | undefined;
    // The server turned this map down (its file was renamed or deleted meanwhile, say): no use waiting.
    let refused = false;

    const provider = new HocuspocusProvider({
      url: `${scheme}://${window.location.host}${LIVE_PATH}`,
      name: mapDocName(maps.getState().slug),
      document: doc,
    });

    const state = (): LiveState => {
      if (refused) return "refused";
      if (!window.navigator.onLine) return "offline";
      if (connected && provider.synced) return "live";
      return everSynced ? "offline" : "connecting";
    };
    const refresh = () => {
      const awareness = provider.awareness;
      const others = awareness ? peersFrom(awareness.getStates(), doc.clientID) : [];
      const live = state();
      // Rendered for editing, but the server only lets this page watch: say so rather than let edits vanish.
      const current = live === "live" && canEdit && scope === "readonly" ? "view-only" : live;
      status.setState({
        state: current,
        people: live === "live" ? others.length + 1 : 0,
        readOnly: !canEdit || scope === "readonly",
        // Before the first sync only edits held here count (the handshake itself counts as unsynced).
        unsynced: canEdit && (everSynced ? provider.hasUnsyncedChanges : binding.holding()),
      });
      const previous = presence.getState();
      const byClaim = peersByClaim(others, previous.byClaim);
      const same =
        byClaim.size === previous.byClaim.size &&
        [...byClaim].every(([claim, list]) => previous.byClaim.get(claim) === list);
      if (!same || others.length !== previous.peers.length) presence.setState({ peers: others, byClaim });
    };

    const colour = colourFor(doc.clientID);
    const announce = (typed: string) => {
      const name = cleanName(typed);
      remember(name);
      const shown = name || guestName(doc.clientID);
      provider.setAwarenessField("user", { name: shown, color: colour });
      status.setState({ name: shown, colour });
    };
    status.setState({ rename: announce });
    announce(rememberedName());
    const selectionOf = (s: ReturnType<typeof maps.getState>) =>
      s.selection?.kind === "claim" ? s.selection.id : null;
    provider.setAwarenessField("selection", selectionOf(maps.getState()));
    const unsubscribe = maps.subscribe((s, before) => {
      if (s.selection !== before.selection) provider.setAwarenessField("selection", selectionOf(s));
      if (s.model !== before.model && !everSynced) refresh();
      // Someone else deleted what the open form works on: close it (a card's own dialog stays,
      // keeping what was typed, and says so if it is saved).
      const form = editor.getState().form;
      if (s.model !== before.model && form && formLost(form, s.model)) editor.getState().close();
    });

    provider.on("status", ({ status: next }: { status: WebSocketStatus }) => {
      connected = next === WebSocketStatus.Connected;
      refresh();
    });
    provider.on("authenticated", ({ scope: given }: { scope: string }) => {
      scope = given;
      refused = false;
      refresh();
    });
    provider.on("authenticationFailed", () => {
      refused = true;
      refresh();
    });
    provider.on("synced", () => {
      if (!everSynced) binding.synced();
      everSynced = true;
      refresh();
    });
    provider.on("stateless", ({ payload }: { payload: string }) => {
      const problem = readFileProblem(payload);
      if (problem !== undefined) status.setState({ fileProblem: problem });
    });
    provider.on("close", refresh);
    provider.on("awarenessChange", refresh);
    provider.on("unsyncedChanges", refresh);

    // The browser knows first when the network is gone: stop trying, and sync as soon as it is back.
    const offline = () => {
      provider.disconnect();
      refresh();
    };
    const online = () => {
      const socket = provider.configuration.websocketProvider;
      // A socket still closing from `offline` reconnects as soon as it has closed.
      if (socket.status === WebSocketStatus.Connected) socket.shouldConnect = true;
      else void socket.connect();
      refresh();
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);

    editor.getState().setSave(
      () =>
        new Promise<void>((resolve) => {
          const started = Date.now();
          const wait = () => {
            if (!provider.hasUnsyncedChanges || Date.now() - started > 5000) resolve();
            else setTimeout(wait, 50);
          };
          wait();
        }),
    );
    const stopGuard = guardLeaving(() => status.getState().unsynced && status.getState().state !== "live");

    return () => {
      stopGuard();
      editor.getState().setSave(async () => {});
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      unsubscribe();
      provider.destroy();
      binding.dispose();
      doc.destroy();
    };
  }, [maps, editor, status, presence, canEdit, rendered]);

  return null;
}
