import { type Direction, layoutMap, type MapLayout } from "../layout/layout";
import { buildClaimTree, type ClaimTree, treeOrder } from "../layout/tree";
import { indexMap, type MapIndex, reindexMap } from "../model/queries";
import type { ArgumentMap } from "../model/schema";
import { type FlowGraph, toFlow } from "./to-flow";

/** Everything the canvas draws from one map, derived once. */
export interface MapView {
  model: ArgumentMap;
  index: MapIndex;
  tree: ClaimTree;
  /** Every claim in reading order. */
  order: string[];
  layout: MapLayout;
  flow: FlowGraph;
  /** Whether edges are named in their objects. */
  edgeNames: boolean;
}

export interface ViewOptions {
  direction: Direction;
  /** Claims whose subtrees are folded away. */
  collapsed: ReadonlySet<string>;
  /** Names edges in their objects (see `FlowOptions.edgeNames`). */
  edgeNames?: boolean;
}

/** True when two maps have the same claims in the same order (their texts may differ). */
function sameClaimIds(a: ArgumentMap, b: ArgumentMap): boolean {
  if (a.claims === b.claims) return true;
  if (a.claims.length !== b.claims.length) return false;
  for (let i = 0; i < a.claims.length; i++) if (a.claims[i].id !== b.claims[i].id) return false;
  return true;
}

/**
 * Indexes, trees, lays out and turns into a React Flow graph one map. Given the view before an
 * edit, it keeps what the edit did not change: the tree (and reading order) when the theses, the
 * relations and the claims' ids are the same, the places when every box keeps its size, and each
 * node and edge object that comes out the same, so React and React Flow redo only what changed.
 */
export function deriveMapView(model: ArgumentMap, options: ViewOptions, previous?: MapView): MapView {
  const index = previous ? reindexMap(model, previous.model, previous.index) : indexMap(model);
  const treeKept =
    previous !== undefined &&
    previous.model.relations === model.relations &&
    previous.model.theses === model.theses &&
    sameClaimIds(previous.model, model);
  const tree = treeKept ? { ...previous.tree, index } : buildClaimTree(model, index);
  const order = treeKept ? previous.order : treeOrder(tree);
  const layout = layoutMap(model, {
    direction: options.direction,
    collapsed: options.collapsed,
    tree,
    previous: previous?.layout,
  });
  const edgeNames = options.edgeNames ?? true;
  const flow = toFlow(layout, index, {
    order,
    previous: previous?.edgeNames === edgeNames ? previous : undefined,
    edgeNames,
  });
  return { model, index, tree, order, layout, flow, edgeNames };
}
