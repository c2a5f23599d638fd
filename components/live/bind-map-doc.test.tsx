import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createMapStore } from "@/components/map/map-store";
import { loadMapIntoDoc, writeMapChange } from "@/lib/live/doc";
import { UNIFORMS_MAP as MAP } from "@/lib/live/uniforms-map";
import { addClaim, deleteClaim, updateClaim } from "@/lib/model/edits";
import type { ArgumentMap } from "@/lib/model/schema";
import { bindMapToDoc, LOCAL_ORIGIN } from "./bind-map-doc";

/**
 * A page bound to its own doc, linked to a server doc the way a provider links them: while
 * online, each side's updates reach the other (and through the server, the other pages).
 */
function page(server: Y.Doc, options: { canEdit?: boolean; connect?: boolean } = {}) {
  const doc = new Y.Doc();
  const store = createMapStore({ slug: "uniforms", model: MAP, revision: "r1" });
  const binding = bindMapToDoc(store, doc, { canEdit: options.canEdit ?? true });
  const wire = { online: false };
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (wire.online && origin !== wire) Y.applyUpdate(server, update, wire);
  });
  server.on("update", (update: Uint8Array, origin: unknown) => {
    if (wire.online && origin !== wire) Y.applyUpdate(doc, update, wire);
  });
  const link = {
    connect() {
      wire.online = true;
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)), wire);
      Y.applyUpdate(server, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)), wire);
      binding.synced();
    },
    disconnect() {
      wire.online = false;
    },
  };
  if (options.connect !== false) link.connect();
  return { doc, store, binding, ...link };
}

function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  loadMapIntoDoc(doc, MAP);
  return doc;
}

const texts = (map: ArgumentMap) => map.claims.map((c) => c.text).sort();

const rebut = (text: string) => (m: ArgumentMap) =>
  addClaim(m, { text, relation: { type: "attack", to: "c" } }).map;

describe("bindMapToDoc", () => {
  it("sends local edits to the shared map and shows others' edits without entering the undo history", () => {
    const server = serverDoc();
    const a = page(server);
    const b = page(server);
    a.store.getState().apply(rebut("Uniforms are cheaper than fashion"));
    expect(texts(b.store.getState().model)).toContain("Uniforms are cheaper than fashion");
    expect(b.store.getState().history?.canUndo).toBe(false);
    expect(a.store.getState().history?.canUndo).toBe(true);
    expect(a.store.getState().past).toEqual([]);
  });

  it("sends at the first sync an edit made before the binding existed, given the map the page opened with", () => {
    const server = serverDoc();
    const doc = new Y.Doc();
    const store = createMapStore({ slug: "uniforms", model: MAP, revision: "r1" });
    // The connection's code loads after the map is on screen: an edit can come first.
    store.getState().apply(rebut("Typed before the connection loaded"));
    const binding = bindMapToDoc(store, doc, { canEdit: true, rendered: MAP });
    expect(binding.holding()).toBe(true);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    binding.synced();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)));
    const shared = new Y.Doc();
    Y.applyUpdate(shared, Y.encodeStateAsUpdate(server));
    const other = page(shared);
    expect(texts(other.store.getState().model)).toContain("Typed before the connection loaded");
  });

  it("keeps the rendered model when the shared map holds the same, so nothing is laid out twice", () => {
    const server = serverDoc();
    const a = page(server);
    expect(a.store.getState().model).toBe(MAP);
    const changed = serverDoc();
    writeMapChange(changed, MAP, { ...MAP, title: "Changed meanwhile" }, "file");
    const b = page(changed);
    expect(b.store.getState().model.title).toBe("Changed meanwhile");
  });

  it("merges edits made at the same moment on two pages", () => {
    const server = serverDoc();
    const a = page(server);
    const b = page(server);
    a.disconnect();
    b.disconnect();
    a.store.getState().apply(rebut("From A"));
    b.store.getState().apply(rebut("From B"));
    a.connect();
    b.connect();
    for (const p of [a, b])
      expect(texts(p.store.getState().model)).toEqual(expect.arrayContaining(["From A", "From B"]));
  });

  it("undoes this page's own edit only", () => {
    const server = serverDoc();
    const a = page(server);
    const b = page(server);
    a.store.getState().apply(rebut("Mine"));
    b.store.getState().apply(rebut("Theirs"));
    expect(texts(a.store.getState().model)).toEqual(expect.arrayContaining(["Mine", "Theirs"]));
    a.store.getState().undo();
    for (const p of [a, b]) {
      const now = texts(p.store.getState().model);
      expect(now).toContain("Theirs");
      expect(now).not.toContain("Mine");
    }
    expect(a.store.getState().history?.canRedo).toBe(true);
    a.store.getState().redo();
    expect(texts(b.store.getState().model)).toContain("Mine");
  });

  it("keeps what was typed before the first sync and merges it with what changed meanwhile", () => {
    const server = serverDoc();
    const a = page(server, { connect: false });
    a.store.getState().apply((m) => updateClaim(m, "c", { text: "Uniforms cost a lot" }));
    expect(a.binding.holding()).toBe(true);
    // Someone else edits another claim before this page connects.
    writeMapChange(server, MAP, { ...MAP, title: "School uniforms" }, "file");
    a.connect();
    expect(a.binding.holding()).toBe(false);
    const model = a.store.getState().model;
    expect(model.title).toBe("School uniforms");
    expect(model.claims.find((c) => c.id === "c")?.text).toBe("Uniforms cost a lot");
    expect(a.store.getState().history).not.toBeNull();
  });

  it("moves the selection from a claim someone else deleted to the claim it answered", () => {
    const server = serverDoc();
    const a = page(server);
    const b = page(server);
    a.store.getState().select({ kind: "claim", id: "c" });
    b.store.getState().apply((m) => deleteClaim(m, "c", { withDescendants: false }));
    expect(a.store.getState().selection).toEqual({ kind: "claim", id: "t" });
    expect(a.store.getState().model.claims.map((c) => c.id)).toEqual(["t"]);
  });

  it("never writes from a read-only page, and still follows the map", () => {
    const server = serverDoc();
    const viewer = page(server, { canEdit: false });
    const editor = page(server);
    editor.store.getState().apply(rebut("Visible to viewers"));
    expect(texts(viewer.store.getState().model)).toContain("Visible to viewers");
    expect(viewer.store.getState().history).toBeNull();
    const origins: unknown[] = [];
    viewer.doc.on("update", (_u: Uint8Array, origin: unknown) => origins.push(origin));
    viewer.store.getState().apply(rebut("Never sent"));
    expect(origins).toEqual([]);
    expect(texts(editor.store.getState().model)).not.toContain("Never sent");
  });

  it("tags local writes with LOCAL_ORIGIN", () => {
    const server = serverDoc();
    const a = page(server);
    const origins: unknown[] = [];
    a.doc.on("update", (_u: Uint8Array, origin: unknown) => origins.push(origin));
    a.store.getState().apply(rebut("Tagged"));
    expect(origins).toEqual([LOCAL_ORIGIN]);
  });
});
