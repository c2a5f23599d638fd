import { describe, expect, it } from "vitest";
import { parseArgumentSource } from "../formats/argument-file";
import type { ArgumentMap } from "../model/schema";
import { exportedFileName, exportedJson } from "./export";

const MAP: ArgumentMap = {
  version: 1,
  slug: "m",
  title: "Kept edits",
  theses: ["a"],
  claims: [
    { id: "a", text: "A thesis", side: "aff" },
    { id: "b", text: "An answer", side: "neg" },
  ],
  relations: [{ id: "b-attacks-a", from: "b", to: "a", type: "attack" }],
  evidence: [],
};

describe("exportedJson", () => {
  it("writes normalized JSON that reads back as the same map", () => {
    const text = exportedJson(MAP);
    expect(text.endsWith("\n")).toBe(true);
    const parsed = parseArgumentSource(text, "m.json", { slug: "m" });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.map.claims).toEqual(MAP.claims);
    expect(parsed.value.map.relations).toEqual(MAP.relations);
  });

  it("names the file after the slug", () => {
    expect(exportedFileName("russia-iran")).toBe("russia-iran.unsaved.json");
    expect(exportedFileName("")).toBe("map.unsaved.json");
  });
});
