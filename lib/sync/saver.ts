import { z } from "zod";
import { problemSchema } from "../model/problems";
import type { ArgumentMap } from "../model/schema";

/** What the save indicator shows. */
export type SaveStatus =
  | { state: "saved"; revision: string }
  | { state: "pending" }
  | { state: "saving" }
  | { state: "conflict"; currentRevision?: string }
  | { state: "invalid"; problems: SaveProblem[] }
  | { state: "forbidden"; message: string }
  | { state: "missing" }
  | { state: "error"; message: string };

/** Waits before each automatic retry of a save that failed on the network; the last one repeats. */
export const RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 5000, 10000, 30000];

// A save the server merged with others' changes names the revision of this page's own copy too:
// the next save builds on that one, so the server's next merge keeps what the others changed.
const savedAnswer = z.object({ revision: z.string().min(1), ownRevision: z.string().min(1).optional() });
const conflictAnswer = z.object({ currentRevision: z.string().optional() });
const saveProblemSchema = problemSchema.partial({ code: true, file: true });
/** A problem the server names when it refuses a save; in the file on disk when it has a line. */
export type SaveProblem = z.infer<typeof saveProblemSchema>;
const invalidAnswer = z.object({ problems: z.array(saveProblemSchema) });
const errorAnswer = z.object({ error: z.string().optional() });

/**
 * Largest body sent as a `keepalive` request, which the browser finishes even after the page is
 * gone (Chromium allows 64 KiB of such bodies in flight at once).
 */
export const KEEPALIVE_MAX_BYTES = 60_000;

/** The HTTP exchange a saver needs; the browser passes `fetch`, tests a fake. */
export type SaveTransport = (
  url: string,
  init: { method: "PUT"; headers: Record<string, string>; body: string; keepalive: boolean },
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
  /**
   * Saves the newest map now (Ctrl+S, back online, leaving the page); resolves when nothing newer
   * is waiting. The request goes out before this returns, so a page about to unload can call it.
   */
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
 * edit, building each save on the revision the last one returned. Every answer is checked before
 * it is trusted. A save lost on the network is tried again after `RETRY_DELAYS_MS`. A conflict,
 * a refusal or a map gone from the server stops saving until the page is reloaded: an edit is
 * never written over someone else's.
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
  let retries = 0;

  const status = (s: SaveStatus) => options.onStatus(s);

  const send = async (map: ArgumentMap): Promise<void> => {
    status({ state: "saving" });
    const body = JSON.stringify(map);
    let response: Awaited<ReturnType<SaveTransport>>;
    try {
      // Sent before the first await, so a save started while the page unloads is already on its way.
      response = await options.transport(`/api/maps/${encodeURIComponent(options.slug)}`, {
        method: "PUT",
        headers: { "content-type": "application/json", "if-match": `"${revision}"` },
        body,
        keepalive: fitsKeepalive(body),
      });
    } catch (error) {
      waiting ??= map;
      const reason = error instanceof Error ? error.message : "network error";
      status({ state: "error", message: `Not saved: ${reason}; trying again in ${retryLater() / 1000} s` });
      return;
    }
    if (response.status < 500) retries = 0;
    const answer: unknown = await response.json().catch(() => undefined);
    if (response.status === 200) {
      const saved = savedAnswer.safeParse(answer);
      const next = saved.success
        ? (saved.data.ownRevision ?? saved.data.revision)
        : unquote(response.headers.get("etag"));
      if (!next) {
        status({
          state: "error",
          message:
            "Not saved: the server's answer was not understood; reload the page before editing further",
        });
        return;
      }
      revision = next;
      if (!waiting) status({ state: "saved", revision });
      return;
    }
    waiting ??= map;
    const message = errorAnswer.safeParse(answer).data?.error;
    if (response.status === 409) {
      stopped = true;
      status({ state: "conflict", currentRevision: conflictAnswer.safeParse(answer).data?.currentRevision });
    } else if (response.status === 404) {
      stopped = true;
      status({ state: "missing" });
    } else if (
      response.status === 422 ||
      (response.status === 413 && invalidAnswer.safeParse(answer).success)
    ) {
      // 413 with problems: the map would make a file over the size limit.
      status({ state: "invalid", problems: invalidAnswer.safeParse(answer).data?.problems ?? [] });
    } else if (response.status === 401) {
      stopped = true;
      status({ state: "forbidden", message: message ?? "Sign in again to save your edits" });
    } else if (response.status === 403) {
      stopped = true;
      status({ state: "forbidden", message: message ?? "Editing is not allowed here" });
    } else if (response.status >= 500) {
      // A server error or a proxy during a restart passes; the edit is sent again by itself.
      const reason = message ?? `the server answered ${response.status}`;
      status({ state: "error", message: `Not saved: ${reason}; trying again in ${retryLater() / 1000} s` });
    } else {
      status({ state: "error", message: message ?? `Not saved: the server answered ${response.status}` });
    }
  };

  /** Schedules the next attempt after a passing failure, waiting longer each time; returns the wait. */
  const retryLater = (): number => {
    const wait = RETRY_DELAYS_MS[Math.min(retries, RETRY_DELAYS_MS.length - 1)];
    retries += 1;
    if (timer === undefined && !stopped) {
      timer = setTimer(() => {
        timer = undefined;
        void start();
      }, wait);
    }
    return wait;
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

function fitsKeepalive(body: string): boolean {
  // A UTF-16 unit is at most three bytes of UTF-8, so most bodies need no encoding to decide.
  if (body.length * 3 <= KEEPALIVE_MAX_BYTES) return true;
  return body.length <= KEEPALIVE_MAX_BYTES && new TextEncoder().encode(body).length <= KEEPALIVE_MAX_BYTES;
}

function unquote(etag: string | null): string | undefined {
  return etag ? etag.replace(/^W\//, "").replace(/^"|"$/g, "") : undefined;
}
