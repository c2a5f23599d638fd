"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { type PresentState, writePresentState } from "@/lib/present/follow";

/** Where the connection to the live server stands. */
export type LiveStatus = "connecting" | "connected" | "offline";

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
    // Yjs and the Hocuspocus client load in their own chunk, after the page is on screen.
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import("./present-connection").then(({ connectPresentDoc }) => {
      if (cancelled) return;
      const connection = connectPresentDoc(slug, presenting, {
        status: setStatus,
        synced: setSynced,
        scope: setScope,
        state: setState,
        presence: setPresence,
      });
      doc.current = connection.doc;
      stop = connection.stop;
    });
    return () => {
      cancelled = true;
      stop?.();
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
