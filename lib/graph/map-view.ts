import { type Direction, layoutMap, type MapLayout, relayoutClaims } from "../layout/layout";
import { buildClaimTree, type ClaimTree, treeOrder } from "../layout/tree";
import { indexMap, type MapIndex, reindexMap } from "../model/queries";
import type { ArgumentMap, Claim } from "../model/schema";
import { type FlowGraph, reflowClaims, toFlow } from "./to-flow";

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
  /** The folded claims it was derived with. */
  collapsed: ReadonlySet<string>;
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
  const edgeNames = options.edgeNames ?? true;
  const replaced = previous && replacedClaims(previous, model, options, edgeNames);
  if (replaced) {
    const view = rederive(previous, model, replaced);
    if (view) return view;
  }
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
  const flow = toFlow(layout, index, {
    order,
    previous: previous?.edgeNames === edgeNames ? previous : undefined,
    edgeNames,
  });
  return { model, index, tree, order, layout, flow, edgeNames, collapsed: options.collapsed };
}

/** More claims than this replaced at once are laid out the ordinary way. */
const FEW_CLAIMS = 64;

/**
 * The claims an edit replaced when it replaced nothing else (a reworded claim, a new side, tags
 * or notes): the same claim ids in the same order, the same relations, cards and theses, and the
 * same folds, direction and edge naming. Undefined for any other change.
 */
function replacedClaims(
  previous: MapView,
  model: ArgumentMap,
  options: ViewOptions,
  edgeNames: boolean,
): Claim[] | undefined {
  const before = previous.model;
  if (
    options.direction !== previous.layout.direction ||
    options.collapsed !== previous.collapsed ||
    edgeNames !== previous.edgeNames ||
    model.relations !== before.relations ||
    model.evidence !== before.evidence ||
    model.theses !== before.theses ||
    model.claims === before.claims ||
    model.claims.length !== before.claims.length
  )
    return undefined;
  const replaced: Claim[] = [];
  for (let i = 0; i < model.claims.length; i++) {
    const claim = model.claims[i];
    if (claim === before.claims[i]) continue;
    if (claim.id !== before.claims[i].id || replaced.length === FEW_CLAIMS) return undefined;
    replaced.push(claim);
  }
  return replaced;
}

/**
 * The view after an edit that replaced only these claims, built from the one before in time
 * that follows the claims rather than the map; undefined when a box changes size (the map is
 * placed again).
 */
function rederive(previous: MapView, model: ArgumentMap, replaced: readonly Claim[]): MapView | undefined {
  const claims = new Map(previous.index.claims);
  for (const claim of replaced) claims.set(claim.id, claim);
  const index: MapIndex = { ...previous.index, claims };
  const tree = { ...previous.tree, index };
  const ids = replaced.map((c) => c.id);
  const layout = relayoutClaims(previous.layout, ids, tree);
  if (!layout) return undefined;
  const flow = reflowClaims(layout, index, previous, ids, previous.edgeNames);
  return { ...previous, model, index, tree, layout, flow };
}
