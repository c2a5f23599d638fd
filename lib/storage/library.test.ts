import { describe, expect, it } from "vitest";
import { parseArgumentSource } from "../formats/argument-file";
import { toLibraryEntries } from "./library";
import { countsOf, type StoredMap } from "./maps";

const TEXT = `version: 1
title: T
claims:
  a: { text: A, side: aff }
  b: { text: B, attacks: a }
  c: { text: C, side: aff }
`;

describe("toLibraryEntries", () => {
  it("gives each map its counts of unanswered arguments and evidence warnings", () => {
    const parsed = parseArgumentSource(TEXT, "t.yaml", { slug: "t" });
    if (!parsed.ok) throw new Error("the test map does not parse");
    const { map } = parsed.value;
    const stored: StoredMap = {
      ok: true,
      slug: "t",
      file: "t.yaml",
      filePath: "/arguments/t.yaml",
      revision: "r",
      map,
      source: parsed.value,
      counts: countsOf(map),
    };
    const [entry] = toLibraryEntries([stored]);
    // b and c are never answered by the other side; no claim has a card.
    expect(entry.ok && entry.analysis).toEqual({ unanswered: 2, warnings: 3 });
  });
});
