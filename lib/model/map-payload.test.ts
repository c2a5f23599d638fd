import { describe, expect, it } from "vitest";
import { generateMap } from "../bench/generate";
import { mapPayload, readMapPayload } from "./map-payload";

describe("the map page's payload", () => {
  it("reads back as the map it was made from", () => {
    const map = { ...generateMap({ claims: 200 }), slug: "m" };
    expect(readMapPayload(mapPayload(map))).toEqual(map);
  });

  it("refuses a payload that is not a map", () => {
    expect(() => readMapPayload('{"version": 1, "claims": "x"}')).toThrow();
    expect(() => readMapPayload("{")).toThrow();
    const map = generateMap({ claims: 20 });
    expect(() => readMapPayload(JSON.stringify({ ...map, title: 7 }))).toThrow();
    expect(() => readMapPayload(JSON.stringify({ ...map, claims: [...map.claims, "x"] }))).toThrow(
      /without an id/,
    );
    expect(() => readMapPayload(JSON.stringify({ ...map, evidence: [{ tag: "no id" }] }))).toThrow(
      /without an id/,
    );
  });
});
