import { describe, expect, it } from "vitest";
import { layoutMap } from "../layout/layout";
import { randomMap } from "../layout/random-map";
import { indexMap } from "../model/queries";
import { reuseFlow } from "./flow-reuse";
import { toFlow } from "./to-flow";

function flowOf(map: ReturnType<typeof randomMap>) {
  return toFlow(layoutMap(map), indexMap(map));
}

describe("reuseFlow", () => {
  const map = randomMap(9, { claims: 200, theses: 2 });
  const before = flowOf(map);

  it("keeps every object when nothing changed", () => {
    const again = reuseFlow(before, flowOf(map));
    expect(again.nodes).toBe(before.nodes);
    expect(again.edges).toBe(before.edges);
  });

  it("replaces only what an edit changed", () => {
    const last = map.claims[map.claims.length - 1];
    const edited = {
      ...map,
      claims: map.claims.map((c) =>
        c.id === last.id ? { ...c, side: c.side === "aff" ? "neg" : "aff" } : c,
      ),
    } as typeof map;
    const after = reuseFlow(before, flowOf(edited));
    const changed = after.nodes.filter((n) => !before.nodes.includes(n)).map((n) => n.id);
    expect(changed).toContain(last.id);
    expect(changed.length).toBeLessThan(5);
    expect(after.nodes.find((n) => n.id === last.id)!.data).toMatchObject({
      side: last.side === "aff" ? "neg" : "aff",
    });
  });
});
