import { describe, expect, it } from "vitest";
import { parseArgumentSource, serializeArgumentSource } from "../formats/argument-file";
import { EditError } from "./edits";
import { sideForNewThesis, updateMapDetails } from "./map-details";
import type { ArgumentMap } from "./schema";

const TEXT = [
  "# A comment that stays.",
  "version: 1",
  "title: Phones",
  "theses: [ban]",
  "claims:",
  "  ban:",
  "    text: Ban phones",
  "    side: aff",
  "",
].join("\n");

function parsed() {
  const result = parseArgumentSource(TEXT, "phones.yaml");
  if (!result.ok) throw new Error("fixture does not parse");
  return result.value;
}

describe("map details", () => {
  it("writes a new resolution and description right after the title, keeping the rest", () => {
    const source = parsed();
    const map = updateMapDetails(source.map, {
      title: " Phones in class ",
      resolution: "Schools should ban phones in class",
      description: "For the spring tournament.\nSecond line.",
    });
    expect(serializeArgumentSource(source, map)).toBe(
      [
        "# A comment that stays.",
        "version: 1",
        "title: Phones in class",
        "resolution: Schools should ban phones in class",
        "description: |-",
        "  For the spring tournament.",
        "  Second line.",
        "theses: [ban]",
        "claims:",
        "  ban:",
        "    text: Ban phones",
        "    side: aff",
        "",
      ].join("\n"),
    );
  });

  it("removes an emptied resolution, refuses an empty title and returns the same map for no change", () => {
    const source = parsed();
    const withResolution = updateMapDetails(source.map, {
      title: "Phones",
      resolution: "R",
      description: "",
    });
    expect(
      updateMapDetails(withResolution, { title: "Phones", resolution: " ", description: "" }),
    ).not.toHaveProperty("resolution");
    expect(() => updateMapDetails(source.map, { title: "  ", resolution: "", description: "" })).toThrow(
      EditError,
    );
    expect(updateMapDetails(source.map, { title: "Phones ", resolution: "", description: "" })).toBe(
      source.map,
    );
  });
});

describe("the side of a new thesis", () => {
  const map = (sides: ("aff" | "neg")[]): Pick<ArgumentMap, "theses" | "claims"> => ({
    theses: sides.map((_, i) => `t${i}`),
    claims: sides.map((side, i) => ({ id: `t${i}`, text: `T${i}`, side })),
  });

  it("is the side with fewer theses, aff on a tie", () => {
    expect(sideForNewThesis(map([]))).toBe("aff");
    expect(sideForNewThesis(map(["aff"]))).toBe("neg");
    expect(sideForNewThesis(map(["aff", "neg"]))).toBe("aff");
    expect(sideForNewThesis(map(["neg"]))).toBe("aff");
    expect(sideForNewThesis(map(["aff", "aff", "neg"]))).toBe("neg");
  });
});
