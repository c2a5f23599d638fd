import type { ArgumentMap } from "../model/schema";

/** What the save indicator shows. */
export type SaveStatus =
  | { state: "saved"; revision: string }
  | { state: "pending" }
  | { state: "saving" }
  | { state: "conflict"; currentRevision?: string }
  | { state: "invalid"; problems: { path: string; message: string }[] }
  | { state: "forbidden"; message: string }
  | { state: "error"; message: string };

/** The HTTP exchange a saver needs; the browser passes `fetch`, tests a fake. */
export type SaveTransport = (
  url: string,
  init: { method: "PUT"; headers: Record<string, string>; body: string },
) => Promise<{ status: number; headers: { get(name: string): string | null }; json(): Promise<unknown> }>;

export interface SaverOptions {
  slug: string;
  revision: string;
  transport: SaveTransport;
  onStatus: (status: SaveStatus) => void;
  /** Quiet time after the last edit before saving on its own. */
  delayMs?: number;
  /** Schedules a timer; tests pass a fake clock. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface Saver {
  /** Records the newest map and saves it after a quiet moment. */
  schedule(map: ArgumentMap): void;
  /** Saves the newest map now (Ctrl+S); resolves when nothing newer is waiting. */
  flush(): Promise<void>;
  /** The revision the next save builds on. */
  revision(): string;
  /** True while an edit has not reached the server. */
  hasUnsaved(): boolean;
  /** Stops timers; later edits are not saved. */
  dispose(): void;
}

/**
 * Saves a map to `PUT /api/maps/<slug>` with `If-Match`, one request at a time, always the newest
 * edit, building each save on the revision the last one returned. A conflict or refusal stops
 * saving until the page is reloaded: an edit is never written over someone else's.
 */
export function createSaver(options: SaverOptions): Saver {
  const delay = options.delayMs ?? 800;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer =
    options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let revision = options.revision;
  let waiting: ArgumentMap | undefined;
  let timer: unknown;
  let inFlight: Promise<void> | undefined;
  let stopped = false;

  const status = (s: SaveStatus) => options.onStatus(s);

  const send = async (map: ArgumentMap): Promise<void> => {
    status({ state: "saving" });
    let response: Awaited<ReturnType<SaveTransport>>;
    try {
      response = await options.transport(`/api/maps/${encodeURIComponent(options.slug)}`, {
        method: "PUT",
        headers: { "content-type": "application/json", "if-match": `"${revision}"` },
        body: JSON.stringify(map),
      });
    } catch (error) {
      waiting ??= map;
      status({
        state: "error",
        message: `Not saved: ${error instanceof Error ? error.message : "network error"}`,
      });
      return;
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.status === 200) {
      revision = String(body.revision ?? unquote(response.headers.get("etag")) ?? revision);
      if (!waiting) status({ state: "saved", revision });
      return;
    }
    stopped = response.status === 409 || response.status === 403 || response.status === 404;
    waiting ??= map;
    if (response.status === 409) {
      status({
        state: "conflict",
        currentRevision: typeof body.currentRevision === "string" ? body.currentRevision : undefined,
      });
    } else if (response.status === 422) {
      const problems = Array.isArray(body.problems)
        ? (body.problems as { path: string; message: string }[])
        : [];
      status({ state: "invalid", problems });
    } else if (response.status === 403 || response.status === 401) {
      stopped = true;
      status({ state: "forbidden", message: String(body.error ?? "Editing is not allowed here") });
    } else {
      status({
        state: "error",
        message: String(body.error ?? `Not saved: the server answered ${response.status}`),
      });
    }
  };

  const drain = async (): Promise<void> => {
    while (waiting && !stopped) {
      const map = waiting;
      waiting = undefined;
      await send(map);
      if (waiting === map) break;
    }
  };

  const start = (): Promise<void> => {
    if (timer !== undefined) {
      clearTimer(timer);
      timer = undefined;
    }
    if (!inFlight) {
      inFlight = drain().finally(() => {
        inFlight = undefined;
      });
    }
    return inFlight;
  };

  return {
    schedule(map) {
      if (stopped) return;
      waiting = map;
      status({ state: "pending" });
      if (timer !== undefined) clearTimer(timer);
      timer = setTimer(() => {
        timer = undefined;
        void start();
      }, delay);
    },
    async flush() {
      while (waiting && !stopped) {
        const before = waiting;
        await start();
        if (waiting === before) break;
      }
      if (inFlight) await inFlight;
    },
    revision: () => revision,
    hasUnsaved: () => waiting !== undefined || inFlight !== undefined,
    dispose() {
      stopped = true;
      if (timer !== undefined) clearTimer(timer);
    },
  };
}

function unquote(etag: string | null): string | undefined {
  return etag ? etag.replace(/^W\//, "").replace(/^"|"$/g, "") : undefined;
}
