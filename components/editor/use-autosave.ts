"use client";

import { useEffect } from "react";
import { useMapStoreApi } from "@/components/map/map-store";
import { leavingBy } from "@/components/ui/leaving-link";
import { describeStatus } from "@/lib/editor/save-status";
import { createSaver, type SaveTransport } from "@/lib/sync/saver";
import { useEditorApi } from "./editor-store";

const transport: SaveTransport = (url, init) => fetch(url, { ...init, credentials: "same-origin" });

/** Save states in which nothing is lost by leaving once the waiting edit has been sent. */
const SAFE_STATES = new Set(["saved", "pending", "saving"]);

/**
 * Saves the open map shortly after every edit (not on load), makes Ctrl/Cmd+S save at once through
 * the editor's `save`, saves again as soon as the browser is back online, and never lets an edit
 * go silently when the page is left: the app's own links save first and then navigate (asking when
 * the save fails); reload and closing the tab send the waiting edit at once in a request that
 * outlives the page and ask while it is on its way; leaving by Back sends it too. Does nothing
 * when not `enabled`.
 */
export function useAutosave(enabled = true): void {
  const maps = useMapStoreApi();
  const editor = useEditorApi();

  useEffect(() => {
    if (!enabled) return;
    const { slug, revision } = maps.getState();
    const saver = createSaver({
      slug,
      revision,
      transport,
      onStatus: (status) => {
        editor.getState().setStatus(status);
        if (status.state === "saved") maps.getState().setRevision(status.revision);
      },
    });
    editor.getState().setSave(() => saver.flush());
    const unsubscribe = maps.subscribe((state, previous) => {
      if (state.model !== previous.model) saver.schedule(state.model);
    });
    const atRisk = () => saver.hasUnsaved() || !SAFE_STATES.has(editor.getState().status.state);

    const warn = (event: BeforeUnloadEvent) => {
      const before = editor.getState().status.state;
      void saver.flush();
      if (saver.hasUnsaved() || !SAFE_STATES.has(before)) {
        event.preventDefault();
        event.returnValue = "";
      }
    };
    // Where beforeunload never comes (a phone switching apps, a page put in the back/forward cache).
    const hide = () => void saver.flush();

    let leaving = false;
    // The link let through once its edit is saved (or the person chose to leave without it).
    let cleared: HTMLAnchorElement | undefined;
    const follow = (link: HTMLAnchorElement) => {
      if (!link.isConnected) {
        window.location.assign(link.href);
        return;
      }
      cleared = link;
      // Clicked again, the link's own handler (the app's router) navigates as it always does.
      link.click();
    };
    const saveThenFollow = (event: MouseEvent) => {
      const link = leavingBy(event);
      if (!link) return;
      if (link === cleared) {
        cleared = undefined;
        return;
      }
      if (!atRisk()) return;
      // Ahead of the link's own handler, which would unmount the editor mid-save.
      event.preventDefault();
      event.stopPropagation();
      if (leaving) return;
      leaving = true;
      void saver.flush().then(() => {
        leaving = false;
        const status = editor.getState().status;
        if (!saver.hasUnsaved() && SAFE_STATES.has(status.state)) {
          follow(link);
          return;
        }
        const reason = describeStatus(status).text;
        if (window.confirm(`${reason}\n\nLeave this page anyway? Your latest edits are not saved.`)) {
          saver.dispose();
          follow(link);
        }
      });
    };

    // Back online: save what is waiting now rather than at the next retry.
    const retry = () => void saver.flush();
    window.addEventListener("beforeunload", warn);
    window.addEventListener("pagehide", hide);
    window.addEventListener("online", retry);
    document.addEventListener("click", saveThenFollow, true);
    return () => {
      document.removeEventListener("click", saveThenFollow, true);
      window.removeEventListener("online", retry);
      window.removeEventListener("pagehide", hide);
      window.removeEventListener("beforeunload", warn);
      unsubscribe();
      editor.getState().setSave(async () => {});
      // Leaving by Back or any other route that unmounts the editor: the waiting edit still goes out.
      void saver.flush().finally(() => saver.dispose());
    };
  }, [maps, editor, enabled]);
}
