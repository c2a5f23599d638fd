import * as Y from "yjs";
import type { StoreApi } from "zustand";
import type { MapHistory, MapState } from "@/components/map/map-store";
import { readMapFromDoc, writeMapChange } from "@/lib/live/doc";
import { sameValue } from "@/lib/model/same-value";
import type { ArgumentMap } from "@/lib/model/schema";

/** The origin of this page's own edits in the shared map: the only ones its undo takes back. */
export const LOCAL_ORIGIN = Symbol("this page's edit");

export interface MapDocBinding {
  /** The shared map has the server's content: merge what was edited meanwhile and go live. */
  synced: () => void;
  /** Edits made here before the first sync, not yet in the shared map. */
  holding: () => boolean;
  dispose: () => void;
}

/**
 * Ties an open map's store to its shared Y.Doc.
 *
 * Until `synced()` the store keeps the server-rendered map and edits stay in the store (with its
 * own undo). At the first sync those edits are written to the doc as one change against the map
 * the page was rendered with, so nothing typed before the connection is lost, and from then on:
 * every local edit is written to the doc with LOCAL_ORIGIN; every other change to the doc (another
 * page, the file on disk, this page's undo) replaces the store's model outside its history, and
 * undo and redo go to a Y.UndoManager that tracks LOCAL_ORIGIN only, so they take back this
 * page's edits and never a neighbour's. A read-only binding never writes.
 */
export function bindMapToDoc(
  store: StoreApi<MapState>,
  doc: Y.Doc,
  options: { canEdit: boolean; rendered?: ArgumentMap },
): MapDocBinding {
  // The map the page opened with (edits made before the binding was made count as held edits).
  const rendered: ArgumentMap = options.rendered ?? store.getState().model;
  let live = false;
  let undo: Y.UndoManager | undefined;

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (!live || origin === LOCAL_ORIGIN) return;
    store.getState().receive(readMapFromDoc(doc));
  };
  doc.on("update", onUpdate);

  const history = (manager: Y.UndoManager): MapHistory => ({
    record: (before, after) => writeMapChange(doc, before, after, LOCAL_ORIGIN),
    undo: () => void manager.undo(),
    redo: () => void manager.redo(),
    canUndo: manager.canUndo(),
    canRedo: manager.canRedo(),
  });

  return {
    synced: () => {
      if (live) return;
      live = true;
      if (options.canEdit) {
        undo = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 });
        const refresh = () => {
          if (undo) store.setState({ history: history(undo) });
        };
        undo.on("stack-item-added", refresh);
        undo.on("stack-item-popped", refresh);
        undo.on("stack-cleared", refresh);
        const held = store.getState().model;
        if (held !== rendered) writeMapChange(doc, rendered, held, LOCAL_ORIGIN);
        store.getState().setHistory(history(undo));
      }
      const shared = readMapFromDoc(doc);
      // Usually the shared map is the one the page was rendered with: keep that model, so a big
      // map is not laid out a second time as it goes live.
      if (store.getState().model === rendered && sameValue(shared, rendered)) return;
      store.getState().receive(shared);
    },
    holding: () => !live && store.getState().model !== rendered,
    dispose: () => {
      doc.off("update", onUpdate);
      undo?.destroy();
      if (live && options.canEdit) store.getState().setHistory(null);
    },
  };
}
