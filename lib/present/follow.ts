import type * as Y from "yjs";
import { z } from "zod";
import type { PresentStep } from "./steps";

/**
 * Following a presentation on one's own device. The presenting window writes where it is into the
 * shared document `present:<slug>` (a Y.Map named "state"); followers only read it. The document
 * lives in the server's memory and is never written to disk.
 */
export const PRESENT_STATE_MAP = "state";

/** Longest presenter name shown to followers. */
export const PRESENTER_NAME_MAX = 60;

export const presentStateSchema = z.object({
  /** 0-based index into the presentation's steps. */
  step: z.number().int().min(0),
  /** The claim at that step: followers find it by id, so a map edited since still lands right. */
  claimId: z.string().min(1).max(200),
  /** The name the presenter typed, or "" when they typed none. */
  presenter: z.string().max(PRESENTER_NAME_MAX),
  /** Milliseconds since the epoch, when the presenter last moved. */
  updatedAt: z.number().finite(),
  /** The claim presented from ("Present from here"), when only its subtree is shown. */
  from: z.string().min(1).max(200).optional(),
});

export type PresentState = z.infer<typeof presentStateSchema>;

/** The presenter's state in a present document, or undefined before they start (or when malformed). */
export function readPresentState(doc: Y.Doc): PresentState | undefined {
  const parsed = presentStateSchema.safeParse(doc.getMap(PRESENT_STATE_MAP).toJSON());
  return parsed.success ? parsed.data : undefined;
}

/** Writes the presenter's state in one transaction, touching only the fields that changed. */
export function writePresentState(doc: Y.Doc, state: PresentState, origin?: unknown): void {
  const valid = presentStateSchema.parse(state);
  const map = doc.getMap<unknown>(PRESENT_STATE_MAP);
  doc.transact(() => {
    for (const [key, value] of Object.entries(valid)) {
      if (map.get(key) !== value) map.set(key, value);
    }
    if (valid.from === undefined && map.has("from")) map.delete("from");
  }, origin);
}

/** A presenter's name as followers see it: one line, trimmed, kept short. */
export function presenterName(raw: string): string {
  return raw.replace(/\s+/g, " ").trim().slice(0, PRESENTER_NAME_MAX).trim();
}

/** The path of a map's follow page. */
export function followHref(slug: string): string {
  return `/maps/${encodeURIComponent(slug)}/follow`;
}

/** The follow page's full address, for the QR code and the link shown beside it. */
export function followUrl(origin: string, slug: string): string {
  return new URL(followHref(slug), origin).href;
}

/** The follow link as people type it: without `http://` (kept for `https://`, which phones need spelled). */
export function shortFollowUrl(url: string): string {
  return url.replace(/^http:\/\//, "");
}

/**
 * Which of the follower's steps the presenter is on: the step holding the presenter's claim
 * (nearest to the presenter's index if it appears more than once), else the presenter's index
 * kept within the steps. Undefined before the presenter starts or when there are no steps.
 */
export function presenterStepIn(
  steps: readonly PresentStep[],
  state: PresentState | undefined,
): number | undefined {
  if (!state || steps.length === 0) return undefined;
  if (steps[state.step]?.claimId === state.claimId) return state.step;
  const at = steps.findIndex((s) => s.claimId === state.claimId);
  return at >= 0 ? at : Math.min(state.step, steps.length - 1);
}

/** Following the presenter, or reading on one's own from a step the presenter has shown. */
export type FollowMode = { following: true } | { following: false; step: number };

export const FOLLOWING: FollowMode = { following: true };

/** What a follower sees: the step shown and whether it is the presenter's. */
export interface FollowView {
  /** Undefined while the presenter has not started. */
  step: number | undefined;
  following: boolean;
}

/**
 * The step a follower sees. Reading on one's own never goes past the presenter (no reading ahead
 * of the class); when the presenter steps back past a follower, the follower is following again.
 */
export function followView(mode: FollowMode, presenterStep: number | undefined): FollowView {
  if (presenterStep === undefined) return { step: undefined, following: mode.following };
  if (mode.following || mode.step >= presenterStep) return { step: presenterStep, following: true };
  return { step: Math.max(0, mode.step), following: false };
}

/**
 * A follower pages back (-1) or on (+1) by themselves, from the step they see. Paging on to the
 * presenter's step follows the presenter again.
 */
export function pageLocally(mode: FollowMode, presenterStep: number | undefined, delta: number): FollowMode {
  const seen = followView(mode, presenterStep);
  if (seen.step === undefined || presenterStep === undefined) return mode;
  const to = Math.min(Math.max(0, seen.step + delta), presenterStep);
  return to >= presenterStep ? FOLLOWING : { following: false, step: to };
}

/** The WebSocket address of the live server on the page's own host. */
export function liveSocketUrl(location: { protocol: string; host: string }, path: string): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${path}`;
}
