import { describe, expect, it } from "vitest";
import type { ArgumentMap } from "../model/schema";
import { connectTargets } from "./connect-targets";

const MAP: ArgumentMap = {
  version: 1,
  title: "T",
  theses: ["a"],
  claims: [
    { id: "a", text: "Russia is key", side: "aff" },
    { id: "b", text: "Decoupling is possible", side: "neg" },
    { id: "c", text: "Rússia sells reactors", side: "aff" },
    { id: "d", text: "Sanctions work", side: "aff" },
  ],
  relations: [{ id: "b-attacks-a", from: "b", to: "a", type: "attack" }],
  evidence: [],
};

describe("connectTargets", () => {
  it("lists every other claim the source is not already joined to", () => {
    expect(connectTargets(MAP, "b", "").map((c) => c.id)).toEqual(["c", "d"]);
    expect(connectTargets(MAP, "a", "").map((c) => c.id)).toEqual(["b", "c", "d"]);
  });

  it("filters by every word of the query, ignoring case and accents", () => {
    expect(connectTargets(MAP, "d", "russia").map((c) => c.id)).toEqual(["a", "c"]);
    expect(connectTargets(MAP, "d", "RUSSIA reactors").map((c) => c.id)).toEqual(["c"]);
    expect(connectTargets(MAP, "d", "nothing like this")).toEqual([]);
  });
});
