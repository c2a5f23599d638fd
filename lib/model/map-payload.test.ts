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
  });
});
