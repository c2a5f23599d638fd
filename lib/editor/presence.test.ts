import { describe, expect, it } from "vitest";
import {
  cleanName,
  colourFor,
  describeLive,
  guestName,
  PRESENCE_COLOURS,
  peersByClaim,
  peersFrom,
} from "./presence";

describe("peersFrom", () => {
  it("names and colours everyone but this page, sorted by connection", () => {
    const peers = peersFrom(
      [
        [7, { user: { name: "Ana", color: "#b91c1c" }, selection: "c1" }],
        [3, { user: { name: "  Ben   Li ", color: "#1D4ED8" } }],
        [5, { user: { name: "Me", color: "#047857" }, selection: "c2" }],
      ],
      5,
    );
    expect(peers).toEqual([
      { clientId: 3, name: "Ben Li", colour: "#1D4ED8", selection: null },
      { clientId: 7, name: "Ana", colour: "#b91c1c", selection: "c1" },
    ]);
  });

  it("gives a guest name and a colour of the set to a page that sent none or nonsense", () => {
    const peers = peersFrom(
      [
        [42, {}],
        [43, { user: { name: "", color: "url(javascript:x)" }, selection: 12 }],
        [44, { user: "Eve", selection: "x".repeat(500) }],
      ],
      1,
    );
    expect(peers.map((p) => p.name)).toEqual([guestName(42), guestName(43), guestName(44)]);
    for (const peer of peers) {
      expect(PRESENCE_COLOURS).toContain(peer.colour);
      expect(peer.selection).toBeNull();
    }
  });

  it("refuses a well-formed colour outside the set", () => {
    const [peer] = peersFrom([[9, { user: { name: "Zed", color: "#ffffff" } }]], 1);
    expect(peer.colour).toBe(colourFor(9));
  });
});

describe("guest names, colours and typed names", () => {
  it("are steady for one connection", () => {
    expect(guestName(123456)).toBe(guestName(123456));
    expect(guestName(123456)).toMatch(/^Guest \d{3}$/);
    expect(colourFor(3)).toBe(PRESENCE_COLOURS[3]);
    expect(colourFor(-3)).toBe(PRESENCE_COLOURS[3]);
  });

  it("trims, collapses and bounds a typed name", () => {
    expect(cleanName("  Ms   Okafor\n")).toBe("Ms Okafor");
    expect(cleanName("x".repeat(100))).toHaveLength(40);
  });
});

describe("peersByClaim", () => {
  it("groups people by the claim they selected and keeps unchanged groups identical", () => {
    const a = { clientId: 1, name: "A", colour: "#1d4ed8", selection: "c1" };
    const b = { clientId: 2, name: "B", colour: "#b91c1c", selection: "c1" };
    const c = { clientId: 3, name: "C", colour: "#047857", selection: "c2" };
    const first = peersByClaim([a, b, c]);
    expect(first.get("c1")).toEqual([a, b]);
    expect(first.get("c2")).toEqual([c]);
    const second = peersByClaim([a, b, { ...c, selection: "c3" }], first);
    expect(second.get("c1")).toBe(first.get("c1"));
    expect(second.has("c2")).toBe(false);
    expect(second.get("c3")?.[0].name).toBe("C");
    const renamed = peersByClaim([{ ...a, name: "Ann" }, b], second);
    expect(renamed.get("c1")).not.toBe(second.get("c1"));
  });
});

describe("describeLive", () => {
  it("words each state of the connection", () => {
    expect(describeLive("connecting", 0, false).text).toBe("Connecting…");
    expect(describeLive("refused", 0, false)).toEqual({
      text: "Not live — the server refused this map; reload the page",
      tone: "problem",
    });
    expect(describeLive("live", 1, false).text).toBe("Live · only you here");
    expect(describeLive("live", 4, false)).toEqual({ text: "Live · 4 people here", tone: "ok" });
    expect(describeLive("offline", 2, false).text).toBe(
      "Offline — your edits are kept and will be merged when you reconnect",
    );
    expect(describeLive("offline", 2, true).text).toMatch(/^Offline/);
    expect(describeLive("view-only", 2, false)).toEqual({
      text: "View only — the server did not accept edits from this page; reload to edit",
      tone: "problem",
    });
  });

  it("says when the file is not taking edits instead of a plain Live", () => {
    const shown = describeLive(
      "live",
      2,
      false,
      "russia-iran.yaml does not read as a map (3:8 unexpected end)",
    );
    expect(shown).toEqual({ text: "Live · not saved", tone: "problem" });
    expect(describeLive("live", 2, false, null).text).toBe("Live · 2 people here");
  });
});
