import { describe, expect, it } from "vitest";
import { indexMap } from "../model/queries";
import { type FrameworkSpec, framework } from "./fixtures";
import { unansweredArguments } from "./unanswered";

function unanswered(spec: FrameworkSpec) {
  const map = framework(spec);
  return unansweredArguments(map, indexMap(map));
}

describe("unanswered arguments", () => {
  it("lists the claims of each side that no claim of the other side attacks or undercuts", () => {
    expect(
      unanswered({
        claims: { t: "aff", n: "neg", s: "aff", r: "aff", u: "neg" },
        supports: [["s", "t"]],
        attacks: [
          ["n", "t"],
          ["r", "n"],
          ["u", "s-supports-t"],
        ],
      }),
    ).toEqual({ aff: ["r"], neg: ["u"] });
  });

  it("a thesis nobody attacks is dropped; an attack from the same side answers nothing", () => {
    expect(
      unanswered({
        claims: { t: "aff", x: "aff" },
        attacks: [["x", "t"]],
      }),
    ).toEqual({ aff: ["t", "x"], neg: [] });
  });

  it("a support from the other side is no answer", () => {
    expect(
      unanswered({
        claims: { t: "aff", s: "neg" },
        supports: [["s", "t"]],
      }),
    ).toEqual({ aff: ["t"], neg: ["s"] });
  });

  it("an undercut answers a claim only when every link the claim starts is undercut", () => {
    const spec: FrameworkSpec & { attacks: [string, string][] } = {
      claims: { t: "aff", n: "neg", x: "aff", u: "neg", v: "neg" },
      supports: [["x", "t"]],
      attacks: [
        ["n", "t"],
        ["x", "n"],
        ["u", "x-supports-t"],
      ],
    };
    expect(unanswered(spec).aff).toEqual(["x"]);
    expect(unanswered({ ...spec, attacks: [...spec.attacks, ["v", "x-attacks-n"]] }).aff).toEqual([]);
  });

  it("a refuted answer is still an answer", () => {
    expect(
      unanswered({
        claims: { t: "aff", n: "neg", r: "aff", q: "neg" },
        attacks: [
          ["n", "t"],
          ["r", "n"],
          ["q", "r"],
        ],
      }),
    ).toEqual({ aff: [], neg: ["q"] });
  });

  it("orders each side by depth, then in reading order", () => {
    expect(
      unanswered({
        claims: { t: "aff", a: "aff", b: "aff", c: "aff", d: "aff", n: "neg" },
        supports: [
          ["a", "t"],
          ["c", "a"],
          ["b", "t"],
          ["d", "c"],
        ],
        attacks: [["n", "t"]],
      }).aff,
    ).toEqual(["a", "b", "c", "d"]);
  });
});
