import { HocuspocusProvider } from "@hocuspocus/provider";
import * as Y from "yjs";
import { LIVE_PATH, presentDocName } from "@/lib/live/doc";
import { liveSocketUrl, type PresentState, readPresentState } from "@/lib/present/follow";
import type { LiveStatus, PresentDoc } from "./use-present-doc";

/** Awareness fields: presenting windows and followers say which they are, so each can count the other. */
const PRESENTING = "presenting";
const FOLLOWING = "following";

function toLiveStatus(status: string): LiveStatus {
  return status === "connected" ? "connected" : status === "connecting" ? "connecting" : "offline";
}

/** Where a presentation document's connection reports what it hears. */
export interface PresentHandlers {
  status: (status: LiveStatus) => void;
  synced: (synced: boolean) => void;
  scope: (scope: PresentDoc["scope"]) => void;
  state: (state: PresentState | undefined) => void;
  presence: (presence: { presenterHere: boolean; followers: number }) => void;
}

/**
 * Connects to a map's presentation document `present:<slug>` on the live server, marking this
 * window as presenting or following in everyone's awareness. `stop` disconnects.
 */
export function connectPresentDoc(
  slug: string,
  presenting: boolean,
  on: PresentHandlers,
): { doc: Y.Doc; stop: () => void } {
  const doc = new Y.Doc();
  const read = () => on.state(readPresentState(doc));
  doc.getMap("state").observe(read);
  const provider = new HocuspocusProvider({
    url: liveSocketUrl(window.location, LIVE_PATH),
    name: presentDocName(slug),
    document: doc,
    onStatus: ({ status }) => {
      on.status(toLiveStatus(status));
      if (status !== "connected") on.synced(false);
    },
    onSynced: ({ state: done }) => {
      on.synced(done);
      read();
    },
    onAuthenticated: ({ scope }) => on.scope(scope),
    onAuthenticationFailed: () => on.scope("readonly"),
    onAwarenessChange: ({ states }) => {
      let presenterHere = false;
      let followers = 0;
      for (const s of states) {
        if (s[PRESENTING] === true) presenterHere = true;
        if (s[FOLLOWING] === true) followers++;
      }
      on.presence({ presenterHere, followers });
    },
  });
  provider.setAwarenessField(presenting ? PRESENTING : FOLLOWING, true);
  // A closed lid or a dropped Wi-Fi shows at once, before the socket notices.
  const offline = () => on.status("offline");
  const online = () => on.status(toLiveStatus(provider.configuration.websocketProvider.status));
  window.addEventListener("offline", offline);
  window.addEventListener("online", online);
  return {
    doc,
    stop: () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      provider.destroy();
      doc.destroy();
    },
  };
}
