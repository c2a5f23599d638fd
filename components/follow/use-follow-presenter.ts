"use client";

import { useCallback, useEffect, useState } from "react";
import { presenterName } from "@/lib/present/follow";
import { type PresentDoc, usePresentDoc } from "./use-present-doc";

/** Where a presenter's name is remembered between presentations, on this device only. */
const NAME_KEY = "clashmap-presenter-name";

export interface FollowPresenter {
  /** The live server runs beside the pages. */
  live: boolean;
  /** The page's address is local to this computer, so phones cannot open its follow link. */
  localOnly: boolean;
  /** The QR code is shown. */
  open: boolean;
  toggle: () => void;
  close: () => void;
  name: string;
  setName: (name: string) => void;
  doc: PresentDoc;
}

/**
 * The presentation's side of following: it publishes the current step to the map's present
 * document (when the server runs live and lets this page write) and holds the QR overlay's state.
 */
export function useFollowPresenter({
  slug,
  live,
  localOnly = false,
  from,
  step,
  claimId,
}: {
  slug: string;
  live: boolean;
  localOnly?: boolean;
  from?: string;
  step: number;
  claimId: string | undefined;
}): FollowPresenter {
  const [open, setOpen] = useState(false);
  const [name, setNameState] = useState("");
  const doc = usePresentDoc(slug, { enabled: live, presenting: true });
  const { synced, scope, publish } = doc;

  useEffect(() => {
    try {
      setNameState(window.localStorage.getItem(NAME_KEY) ?? "");
    } catch {
      // Storage may be off (private windows); the name then lasts for this page only.
    }
  }, []);

  const setName = useCallback((next: string) => {
    setNameState(next);
    try {
      window.localStorage.setItem(NAME_KEY, next);
    } catch {
      // As above.
    }
  }, []);

  // Written once the server's copy is in (so an older presenter's state never wins over ours),
  // and again on every step.
  const shownName = presenterName(name);
  useEffect(() => {
    if (!live || !synced || scope !== "read-write" || claimId === undefined) return;
    publish({ step, claimId, presenter: shownName, updatedAt: Date.now(), ...(from ? { from } : {}) });
  }, [live, synced, scope, publish, step, claimId, shownName, from]);

  return {
    live,
    localOnly,
    open,
    toggle: useCallback(() => setOpen((o) => !o), []),
    close: useCallback(() => setOpen(false), []),
    name,
    setName,
    doc,
  };
}
