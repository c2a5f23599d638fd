import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NODE_STYLES } from "../layout/node-style";
import { randomMap } from "../layout/random-map";
import { descendantsOf } from "../layout/tree";
import { addClaim, EditError, updateClaim } from "../model/edits";
import { applyRandomEdit, RANDOM_EDIT_TEXTS, type RandomEdit } from "../model/random-edits";
import type { ArgumentMap } from "../model/schema";
import { deriveMapView, type MapView, type ViewOptions } from "./map-view";
import { edgeNameId } from "./to-flow";

/** What a view shows, without object identity: equal for equal views however they were derived. */
function shown(view: MapView) {
  const { nodes, anchors, edges, width, height, hidden, direction } = view.layout;
  return {
    layout: { nodes, anchors, edges, width, height, hidden: [...hidden].sort(), direction },
    flow: view.flow,
    order: view.order,
    roots: view.tree.roots,
    children: [...view.tree.children.entries()],
  };
}

const TB: ViewOptions = { direction: "TB", collapsed: new Set(), edgeNames: false };

describe("deriveMapView after an edit", () => {
  const map = randomMap(4, { claims: 300, theses: 2, undercuts: 0.05 });

  it("shows exactly what deriving from scratch shows, after any sequence of edits", () => {
    const edit = fc.record({
      kind: fc.nat(100),
      a: fc.nat(1000),
      b: fc.nat(1000),
      text: fc.constantFrom(
        ...RANDOM_EDIT_TEXTS,
        "A reworded claim that runs over more than one line of its box",
      ),
    });
    const options = fc.record({
      direction: fc.constantFrom("TB" as const, "LR" as const),
      fold: fc.nat(5),
      edgeNames: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(edit, options), { minLength: 1, maxLength: 8 }), (steps) => {
        let model: ArgumentMap = map;
        let view = deriveMapView(model, TB);
        for (const [e, o] of steps) {
          try {
            model = applyRandomEdit(model, e as RandomEdit);
          } catch (error) {
            if (!(error instanceof EditError)) throw error;
          }
          const roots = view.tree.roots;
          const folded = o.fold === 0 ? [] : [roots[o.fold % roots.length]].filter(Boolean);
          // The page keeps its set of folded claims until one is folded or unfolded.
          const same = folded.length === view.collapsed.size && folded.every((id) => view.collapsed.has(id));
          const collapsed = same ? view.collapsed : new Set(folded);
          const next: ViewOptions = { direction: o.direction, collapsed, edgeNames: o.edgeNames };
          view = deriveMapView(model, next, view);
          expect(shown(view)).toEqual(shown(deriveMapView(model, next)));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("shows what deriving from scratch shows after edits that change claims only", () => {
    // Rewordings, new notes and tags, and cards attached to claims (each replaces claims and
    // nothing else), with now and then an edit that changes the tree.
    const edit = fc.record({
      kind: fc.constantFrom(2, 2, 2, 3, 9, 1, 4),
      a: fc.nat(1000),
      b: fc.nat(500).map((n) => n * 2 + 1),
      text: fc.constantFrom(
        ...RANDOM_EDIT_TEXTS,
        "Short",
        "A reworded claim that runs over more than one line",
      ),
    });
    fc.assert(
      fc.property(
        fc.array(edit, { minLength: 1, maxLength: 10 }),
        fc.constantFrom("TB" as const, "LR" as const),
        fc.boolean(),
        fc.nat(3),
        (edits, direction, edgeNames, fold) => {
          const roots = deriveMapView(map, TB).tree.roots;
          const options: ViewOptions = {
            direction,
            edgeNames,
            collapsed: new Set(fold === 0 ? [] : [roots[fold % roots.length]]),
          };
          let model: ArgumentMap = map;
          let view = deriveMapView(model, options);
          for (const e of edits) {
            try {
              model = applyRandomEdit(model, e as RandomEdit);
            } catch (error) {
              if (!(error instanceof EditError)) throw error;
            }
            view = deriveMapView(model, options, view);
            expect(shown(view)).toEqual(shown(deriveMapView(model, options)));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("keeps every object when a claim is reworded within its box, except that claim's node", () => {
    const before = deriveMapView(map, TB);
    // A claim of one short line has the narrowest box; another short line keeps that box.
    const box = before.layout.nodes.find(
      (n) => n.kind === "claim" && n.lines.length === 1 && n.width === NODE_STYLES.claim.minWidth,
    )!;
    expect(box).toBeDefined();
    const claim = map.claims.find((c) => c.id === box.id)!;
    const after = deriveMapView(updateClaim(map, claim.id, { text: "Short new words" }), TB, before);
    const moved = after.layout.nodes.find((n) => n.id === claim.id)!;
    expect([moved.width, moved.height, moved.lines]).toEqual([box.width, box.height, ["Short new words"]]);
    expect(after.layout.edges).toBe(before.layout.edges);
    expect(after.flow.edges).toBe(before.flow.edges);
    const namesIt = new Set([
      claim.id,
      ...map.relations.filter((r) => r.to === claim.id).map((r) => r.from),
      ...map.relations
        .filter((r) => map.relations.some((u) => u.to === r.id) && (r.from === claim.id || r.to === claim.id))
        .flatMap((r) => map.relations.filter((u) => u.to === r.id).map((u) => u.from)),
    ]);
    const changed = after.flow.nodes.filter((n, i) => n !== before.flow.nodes[i]).map((n) => n.id);
    expect(changed).toContain(claim.id);
    expect(changed.every((id) => namesIt.has(id))).toBe(true);
  });

  it("keeps the objects of claims an added answer does not move", () => {
    const before = deriveMapView(map, TB);
    // An answer to the last claim of the last thesis's subtree moves only what follows it.
    const last = before.order[before.order.length - 1];
    const { map: edited, claimId } = addClaim(map, {
      text: "A new answer",
      relation: { type: "attack", to: last },
    });
    const after = deriveMapView(edited, TB, before);
    const kept = after.flow.nodes.filter((n) => before.flow.nodes.includes(n));
    expect(after.flow.nodes.some((n) => n.id === claimId)).toBe(true);
    const firstThesis = new Set([before.tree.roots[0], ...descendantsOf(before.tree, before.tree.roots[0])]);
    // The first thesis's subtree stays where it was, so most of its nodes are the same objects.
    const keptThere = kept.filter((n) => firstThesis.has(n.id)).length;
    expect(keptThere).toBeGreaterThan(firstThesis.size * 0.9);
  });

  it("keeps both arrays when nothing changed", () => {
    const before = deriveMapView(map, TB);
    const again = deriveMapView({ ...map }, TB, before);
    expect(again.flow.nodes).toBe(before.flow.nodes);
    expect(again.flow.edges).toBe(before.flow.edges);
  });

  it("names edges in their objects, or through the element their component draws", () => {
    const named = deriveMapView(map, { ...TB, edgeNames: true });
    const edge = named.flow.edges[0];
    expect(edge.ariaLabel).toMatch(/ (supports|attacks|undercuts) /);
    const unnamed = deriveMapView(map, TB).flow.edges[0];
    expect(unnamed.ariaLabel).toBeUndefined();
    expect(unnamed.domAttributes).toMatchObject({ tabIndex: -1, "aria-labelledby": edgeNameId(unnamed.id) });
    expect(edgeNameId("a b/c")).not.toMatch(/[ /]/);
  });
});
