import { z } from "zod";

/**
 * Colours that tell the people on a map apart. Each holds white text at 4.5:1 or better (the
 * name label) and stands out against the light and the dark canvas; the name beside the outline
 * means colour is never the only cue.
 */
export const PRESENCE_COLOURS = [
  "#1d4ed8", // blue
  "#b91c1c", // red
  "#047857", // green
  "#7e22ce", // purple
  "#c2410c", // orange
  "#0e7490", // teal
  "#be185d", // pink
  "#4d7c0f", // olive
] as const;

/** Longest name shown for a person on the map. */
export const NAME_LIMIT = 40;

/** The colour of a page, picked from its connection's id so it stays put while the page is open. */
export function colourFor(clientId: number): string {
  return PRESENCE_COLOURS[Math.abs(clientId) % PRESENCE_COLOURS.length];
}

/** The name of someone who typed none: "Guest n", n taken from the page's connection id. */
export function guestName(clientId: number): string {
  return `Guest ${(Math.abs(clientId) % 900) + 100}`;
}

/** A typed name as shown to others: trimmed, spaces collapsed, at most NAME_LIMIT characters. */
export function cleanName(typed: string): string {
  return typed.replace(/\s+/g, " ").trim().slice(0, NAME_LIMIT);
}

/** Another person on the map, as the canvas and the status show them. */
export interface Peer {
  clientId: number;
  name: string;
  colour: string;
  /** The claim they have selected, if any. */
  selection: string | null;
}

const userSchema = z.object({ name: z.string(), color: z.string() });
const colourSchema = z.string().regex(/^#[0-9a-f]{6}$/i);
const selectionSchema = z.string().min(1).max(128).nullable();

/**
 * The other people on the map from the awareness states of every page (`user` and `selection`
 * fields; whatever another page sends is checked, never trusted): each gets a name (their own or
 * "Guest n") and a colour from the fixed set. The page's own state is left out.
 */
export function peersFrom(states: Iterable<[number, Record<string, unknown>]>, selfId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === selfId) continue;
    const user = userSchema.safeParse(state.user);
    const name = user.success ? cleanName(user.data.name) : "";
    const colour = user.success && colourSchema.safeParse(user.data.color).success ? user.data.color : "";
    const selection = selectionSchema.safeParse(state.selection ?? null);
    peers.push({
      clientId,
      name: name || guestName(clientId),
      colour: colour && isPresenceColour(colour) ? colour : colourFor(clientId),
      selection: selection.success ? selection.data : null,
    });
  }
  return peers.sort((a, b) => a.clientId - b.clientId);
}

function isPresenceColour(colour: string): boolean {
  return (PRESENCE_COLOURS as readonly string[]).includes(colour.toLowerCase());
}

/**
 * The people with each claim selected. Arrays of claims whose people did not change are taken
 * from `previous`, so a claim on the canvas re-renders only when its own outline changes.
 */
export function peersByClaim(
  peers: readonly Peer[],
  previous: ReadonlyMap<string, readonly Peer[]> = new Map(),
): Map<string, readonly Peer[]> {
  const next = new Map<string, Peer[]>();
  for (const peer of peers) {
    if (!peer.selection) continue;
    const list = next.get(peer.selection);
    if (list) list.push(peer);
    else next.set(peer.selection, [peer]);
  }
  const result = new Map<string, readonly Peer[]>();
  for (const [claim, list] of next) {
    const before = previous.get(claim);
    result.set(claim, before && samePeers(before, list) ? before : list);
  }
  return result;
}

function samePeers(a: readonly Peer[], b: readonly Peer[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => p.clientId === b[i].clientId && p.name === b[i].name && p.colour === b[i].colour)
  );
}

/**
 * The state of a live page's connection, as its status shows it; "view-only" when the page was
 * rendered for editing but the server let it only watch (a sign-in that ran out meanwhile);
 * "refused" when the server turned the map down (its file renamed or deleted meanwhile).
 */
export type LiveState = "connecting" | "live" | "offline" | "view-only" | "refused";

/** The words of the live status: the connection and how many people are on the map. */
export function describeLive(
  state: LiveState,
  people: number,
  readOnly: boolean,
  fileProblem: string | null = null,
): { text: string; tone: "ok" | "busy" | "problem" } {
  if (state === "connecting") return { text: "Connecting…", tone: "busy" };
  if (state === "refused")
    return { text: "Not live — the server refused this map; reload the page", tone: "problem" };
  if (state === "view-only")
    return {
      text: "View only — the server did not accept edits from this page; reload to edit",
      tone: "problem",
    };
  if (state === "offline")
    return readOnly
      ? { text: "Offline — the map will catch up when you reconnect", tone: "problem" }
      : { text: "Offline — your edits are kept and will be merged when you reconnect", tone: "problem" };
  const here = people <= 1 ? "only you here" : `${people} people here`;
  // Edits still pass between pages, but the file is not taking them (the banner says why).
  if (fileProblem) return { text: "Live · not saved", tone: "problem" };
  return { text: `Live · ${here}`, tone: "ok" };
}
