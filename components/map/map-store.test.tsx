// @vitest-environment happy-dom
import { act, cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { StoreApi } from "zustand";
import { updateClaim } from "@/lib/model/edits";
import type { ArgumentMap } from "@/lib/model/schema";
import { createMapStore, HISTORY_LIMIT, type MapState, MapStoreProvider, useMapStoreApi } from "./map-store";
import { MapViewProvider, type SearchMatches, useSearchMatches } from "./map-view";

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

  it("hands edits, undo and redo to a history kept outside the store when one is set", () => {
    const store = createMapStore({ slug: "s", model, revision: "r1" });
    store.getState().apply(retitle("Before"));
    const calls: string[] = [];
    store.getState().setHistory({
      record: (before, after) => calls.push(`${before.title}->${after.title}`),
      undo: () => calls.push("undo"),
      redo: () => calls.push("redo"),
      canUndo: true,
      canRedo: false,
    });
    expect(store.getState().past).toEqual([]);
    store.getState().apply(retitle("After"));
    store.getState().undo();
    store.getState().redo();
    expect(calls).toEqual(["Before->After", "undo", "redo"]);
    expect(store.getState().model.title).toBe("After");
    expect(store.getState().past).toEqual([]);
  });

  it("takes a model changed elsewhere without an undo step, letting go of a claim that is gone", () => {
    const two: ArgumentMap = { ...model, claims: [...model.claims, { id: "b", text: "B", side: "neg" }] };
    const store = createMapStore({
      slug: "s",
      model: two,
      revision: "r1",
      selection: { kind: "claim", id: "b" },
    });
    store.getState().receive({ ...two, title: "Renamed elsewhere" });
    expect(store.getState().selection).toEqual({ kind: "claim", id: "b" });
    store.getState().receive(model);
    expect(store.getState().selection).toBeNull();
    expect(store.getState().past).toEqual([]);
  });
});

const probed: { store?: StoreApi<MapState>; seen: SearchMatches[] } = { seen: [] };

function SearchProbe() {
  probed.store = useMapStoreApi();
  probed.seen.push(useSearchMatches());
  return null;
}

describe("search matches", () => {
  afterEach(cleanup);

  const searchable: ArgumentMap = {
    version: 1,
    title: "Search",
    theses: ["a"],
    claims: [
      { id: "a", text: "Sanctions work", side: "aff" },
      { id: "b", text: "Sanctions leak", side: "neg" },
    ],
    relations: [{ id: "b-attacks-a", from: "b", to: "a", type: "attack" }],
    evidence: [],
  };

  function renderSearch() {
    render(
      <MapStoreProvider init={{ slug: "s", model: searchable, revision: "r" }}>
        <MapViewProvider>
          <SearchProbe />
        </MapViewProvider>
      </MapStoreProvider>,
    );
    const store = probed.store;
    if (!store) throw new Error("no store");
    return { state: () => store.getState(), latest: () => probed.seen[probed.seen.length - 1] };
  }

  it("follows edits and undo instead of keeping the matches of the moment the query was typed", () => {
    const { state, latest } = renderSearch();
    act(() => state().setSearch("sanctions"));
    expect(latest().matches).toEqual(["a", "b"]);
    act(() => state().setMatchIndex(1));
    expect(latest().current).toBe(1);

    act(() => state().apply((m) => updateClaim(m, "b", { text: "Embargoes leak" })));
    expect(latest().matches).toEqual(["a"]);
    expect(latest().current).toBe(-1);

    act(() => state().undo());
    expect(latest().matches).toEqual(["a", "b"]);
    expect(latest().current).toBe(1);
  });
});
