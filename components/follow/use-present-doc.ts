"use client";

import { HocuspocusProvider } from "@hocuspocus/provider";
import { useCallback, useEffect, useRef, useState } from "react";
import * as Y from "yjs";
import { LIVE_PATH, presentDocName } from "@/lib/live/doc";
import { liveSocketUrl, type PresentState, readPresentState, writePresentState } from "@/lib/present/follow";

/** Where the connection to the live server stands. */
export type LiveStatus = "connecting" | "connected" | "offline";

/** Awareness fields: presenting windows and followers say which they are, so each can count the other. */
const PRESENTING = "presenting";
const FOLLOWING = "following";

function toLiveStatus(status: string): LiveStatus {
  return status === "connected" ? "connected" : status === "connecting" ? "connecting" : "offline";
}

export interface PresentDoc {
  status: LiveStatus;
  /** The server's copy has been received since the last connect. */
  synced: boolean;
  /** What the server lets this connection do; undefined until it says. */
  scope: "read-write" | "readonly" | undefined;
  /** The presenter's state, as the server last sent it. */
  state: PresentState | undefined;
  /** Some presenting window is connected. */
  presenterHere: boolean;
  /** Follow pages connected, this one included. */
  followers: number;
  /** Writes the presenter's state (presenting windows only). */
  publish: (state: PresentState) => void;
}

/**
 * A live connection to a map's presentation document `present:<slug>`. `presenting` marks this
 * window as the presenter's in the awareness of everyone connected. With `enabled` false (no live
 * server) nothing connects.
 */
export function usePresentDoc(
  slug: string,
  { enabled, presenting }: { enabled: boolean; presenting: boolean },
) {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [synced, setSynced] = useState(false);
  const [scope, setScope] = useState<PresentDoc["scope"]>(undefined);
  const [state, setState] = useState<PresentState | undefined>(undefined);
  const [presence, setPresence] = useState({ presenterHere: false, followers: 0 });
  const doc = useRef<Y.Doc | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const ydoc = new Y.Doc();
    doc.current = ydoc;
    const read = () => setState(readPresentState(ydoc));
    ydoc.getMap("state").observe(read);
    const provider = new HocuspocusProvider({
      url: liveSocketUrl(window.location, LIVE_PATH),
      name: presentDocName(slug),
      document: ydoc,
      onStatus: ({ status: s }) => {
        setStatus(toLiveStatus(s));
        if (s !== "connected") setSynced(false);
      },
      onSynced: ({ state: done }) => {
        setSynced(done);
        read();
      },
      onAuthenticated: ({ scope: granted }) => setScope(granted),
      onAuthenticationFailed: () => setScope("readonly"),
      onAwarenessChange: ({ states }) => {
        let presenterHere = false;
        let followers = 0;
        for (const s of states) {
          if (s[PRESENTING] === true) presenterHere = true;
          if (s[FOLLOWING] === true) followers++;
        }
        setPresence({ presenterHere, followers });
      },
    });
    provider.setAwarenessField(presenting ? PRESENTING : FOLLOWING, true);
    // A closed lid or a dropped Wi-Fi shows at once, before the socket notices.
    const offline = () => setStatus("offline");
    const online = () => setStatus(toLiveStatus(provider.configuration.websocketProvider.status));
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      provider.destroy();
      ydoc.destroy();
      doc.current = null;
      setSynced(false);
      setScope(undefined);
    };
  }, [slug, enabled, presenting]);

  const publish = useCallback((next: PresentState) => {
    if (doc.current) writePresentState(doc.current, next, "presenter");
  }, []);

  return { status, synced, scope, state, publish, ...presence } satisfies PresentDoc;
}
