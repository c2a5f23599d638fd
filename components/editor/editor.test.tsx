// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MapStoreProvider, useMapStoreApi } from "@/components/map/map-store";
import type { ArgumentMap } from "@/lib/model/schema";
import { ClaimEditor } from "./claim-editor";
import { EditToolbar } from "./edit-toolbar";
import { EditorHost } from "./editor-host";
import { EditorProvider } from "./editor-store";

const MODEL: ArgumentMap = {
  version: 1,
  title: "T",
  theses: ["a"],
  claims: [{ id: "a", text: "A thesis", side: "aff" }],
  relations: [],
  evidence: [],
};

let api: ReturnType<typeof useMapStoreApi> | undefined;
function GrabStore() {
  api = useMapStoreApi();
  return null;
}

function renderEditor(canEdit: boolean) {
  return render(
    <MapStoreProvider
      init={{ slug: "m", model: MODEL, revision: "r1", selection: { kind: "claim", id: "a" } }}
    >
      <EditorProvider canEdit={canEdit} revision="r1">
        <GrabStore />
        <EditToolbar />
        <ClaimEditor id="a" />
        <EditorHost />
      </EditorProvider>
    </MapStoreProvider>,
  );
}

describe("the editor", () => {
  const fetchMock = vi.fn();
  beforeEach(() => {
    vi.useFakeTimers();
    fetchMock.mockReset();
    // Unmounting sends any waiting edit at once, so every test's fetch answers, even ones that set none.
    fetchMock.mockImplementation(
      async () => new Response(JSON.stringify({ revision: "r9" }), { status: 200 }),
    );
    vi.stubGlobal("fetch", fetchMock);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("renders no editing control for a visitor who may not edit", () => {
    renderEditor(false);
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("saves an edit after a quiet moment, not the map as loaded, and shows the saved state", async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ revision: "r2" }), { status: 200, headers: { etag: '"r2"' } }),
    );
    renderEditor(true);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000);
    });
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Add rebuttal" }));
    fireEvent.change(screen.getByLabelText("Rebuttal text"), { target: { value: "No, it is not" } });
    fireEvent.click(screen.getByRole("button", { name: "Add" }));
    expect(screen.getByTestId("save-status").textContent).toContain("Unsaved changes");
    // The live region keeps quiet about the pending state every edit passes through.
    expect(screen.getByRole("status").textContent).not.toContain("Unsaved");
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000);
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe("/api/maps/m");
    expect(init.method).toBe("PUT");
    expect(init.headers["if-match"]).toBe('"r1"');
    expect((JSON.parse(init.body) as ArgumentMap).claims.map((c) => c.text)).toEqual([
      "A thesis",
      "No, it is not",
    ]);
    expect(screen.getByRole("status").textContent).toContain("All changes saved");
    expect(api?.getState().revision).toBe("r2");
    expect(api?.getState().selection).toEqual({ kind: "claim", id: "no-it-is-not" });
  });

  it("shows an edit that cannot be applied as an inline alert", () => {
    renderEditor(true);
    fireEvent.click(screen.getByRole("button", { name: "Add support" }));
    fireEvent.click(screen.getByRole("button", { name: "Add" }));
    expect(screen.getByRole("alert").textContent).toBe("A claim needs some text.");
    expect(api?.getState().past).toEqual([]);
  });

  it("undoes with Ctrl+Z and redoes with Ctrl+Shift+Z", () => {
    renderEditor(true);
    act(() => api?.getState().apply((m) => ({ ...m, title: "Changed" })));
    fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    expect(api?.getState().model.title).toBe("T");
    fireEvent.keyDown(document.body, { key: "Z", ctrlKey: true, shiftKey: true });
    expect(api?.getState().model.title).toBe("Changed");
  });
});
