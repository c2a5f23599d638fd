"use client";

import dynamic from "next/dynamic";
import { type ReactNode, useState } from "react";
import { useMapStoreApi } from "@/components/map/map-store";
import { createPresenceStore, PresenceProvider } from "@/components/map/presence";
import { createLiveStatusStore, LiveContext } from "./live-context";

// The connection (Yjs and the Hocuspocus client) loads after the map is on screen, in its own chunk:
// the map shows from the page's own copy and the shared map merges in once it has synced.
const LiveConnection = dynamic(() => import("./live-connection").then((m) => m.LiveConnection), {
  ssr: false,
});

/**
 * Makes the open map live when `live` is set: the page joins the shared map on the app's own
 * server (same origin, so the session cookie decides what it may do), shows others' edits as
 * they happen, sends its own, and shows who else is here. Without `live` it renders its children
 * as they are and the HTTP autosave does the saving.
 */
export function LiveProvider({
  live,
  canEdit,
  children,
}: {
  live: boolean;
  canEdit: boolean;
  children: ReactNode;
}) {
  const [status] = useState(() => (live ? createLiveStatusStore(!canEdit) : null));
  const [presence] = useState(createPresenceStore);
  const maps = useMapStoreApi();
  // The map as the page opened it: what is edited before the connection has loaded is sent at the first sync.
  const [rendered] = useState(() => maps.getState().model);
  if (!status) return children;
  return (
    <LiveContext.Provider value={status}>
      <PresenceProvider store={presence}>
        <LiveConnection status={status} presence={presence} canEdit={canEdit} rendered={rendered} />
        {children}
      </PresenceProvider>
    </LiveContext.Provider>
  );
}
