import { describe, expect, it } from "vitest";
import type { ArgumentMap } from "@/lib/model/schema";
import { createMapStore, HISTORY_LIMIT } from "./map-store";

const model: ArgumentMap = {
  version: 1,
  title: "Start",
  theses: ["a"],
  claims: [{ id: "a", text: "A", side: "aff" }],
  relations: [],
  evidence: [],
};

const retitle = (title: string) => (m: ArgumentMap) => ({ ...m, title });

describe("map store", () => {
  it("applies edits and undoes and redoes them", () => {
    const store = createMapStore({ slug: "s", model, revision: "r1" });
    store.getState().apply(retitle("One"));
    store.getState().apply(retitle("Two"));
    expect(store.getState().model.title).toBe("Two");
    store.getState().undo();
    expect(store.getState().model.title).toBe("One");
    store.getState().undo();
    expect(store.getState().model.title).toBe("Start");
    store.getState().undo();
    expect(store.getState().model.title).toBe("Start");
    store.getState().redo();
    expect(store.getState().model.title).toBe("One");
    store.getState().apply(retitle("Three"));
    expect(store.getState().future).toEqual([]);
    store.getState().redo();
    expect(store.getState().model.title).toBe("Three");
  });

  it("keeps at most HISTORY_LIMIT models to undo", () => {
    const store = createMapStore({ slug: "s", model, revision: "r1" });
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) store.getState().apply(retitle(`T${i}`));
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
  });

  it("gives each open map its own store", () => {
    const a = createMapStore({ slug: "a", model, revision: "r" });
    const b = createMapStore({ slug: "b", model, revision: "r" });
    a.getState().toggleCollapsed("a");
    expect(a.getState().collapsed.has("a")).toBe(true);
    expect(b.getState().collapsed.size).toBe(0);
    a.getState().toggleCollapsed("a");
    expect(a.getState().collapsed.has("a")).toBe(false);
  });
});
