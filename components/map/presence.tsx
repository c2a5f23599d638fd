"use client";

import { createContext, type ReactNode, useContext } from "react";
import { createStore, type StoreApi, useStore } from "zustand";
import type { Peer } from "@/lib/editor/presence";

/** The other people on the map and the claims they have selected (filled by live editing). */
export interface PresenceState {
  peers: readonly Peer[];
  /** The people with each claim selected; groups that did not change keep their identity. */
  byClaim: ReadonlyMap<string, readonly Peer[]>;
}

/** A presence store with nobody in it. */
export function createPresenceStore(): StoreApi<PresenceState> {
  return createStore<PresenceState>()(() => ({ peers: [], byClaim: new Map() }));
}

const PresenceContext = createContext<StoreApi<PresenceState> | null>(null);

/** Shows other people's selections on the canvas below it. Without one the canvas shows nobody. */
export function PresenceProvider({
  store,
  children,
}: {
  store: StoreApi<PresenceState>;
  children: ReactNode;
}) {
  return <PresenceContext.Provider value={store}>{children}</PresenceContext.Provider>;
}

const NOBODY = createPresenceStore();

/** The people who have one claim selected; only that claim re-renders when they come and go. */
function usePeersOn(id: string): readonly Peer[] | undefined {
  const store = useContext(PresenceContext) ?? NOBODY;
  return useStore(store, (s) => s.byClaim.get(id));
}

/**
 * Others' selection of a claim: an outline in each person's colour with their name on a label
 * above the claim (the name, not the colour alone, says who it is). Draws nothing when nobody
 * else has the claim selected.
 */
export function PresenceOutline({ id }: { id: string }) {
  const peers = usePeersOn(id);
  if (!peers || peers.length === 0) return null;
  const [first] = peers;
  return (
    <div
      data-testid="presence-outline"
      data-peers={peers.map((p) => p.name).join(", ")}
      className="pointer-events-none absolute -inset-2 rounded-lg border-4 border-dashed"
      style={{ borderColor: first.colour }}
    >
      <div className="absolute -top-3 left-2 flex max-w-[calc(100%-1rem)] gap-1">
        <span className="sr-only">Selected by </span>
        {peers.map((peer) => (
          <span
            key={peer.clientId}
            className="truncate rounded px-1.5 text-xs leading-5 font-semibold text-white shadow"
            style={{ background: peer.colour, maxWidth: "14rem" }}
          >
            {peer.name}
          </span>
        ))}
      </div>
    </div>
  );
}
