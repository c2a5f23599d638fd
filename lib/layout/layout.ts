import { flextree } from "d3-flextree";
import type { ArgumentMap, Relation } from "../model/schema";
import { compactInPoint, compactLayout, type Point } from "./compact";
import { type NodeKind, nodeBox } from "./node-style";
import { buildClaimTree, type ClaimTree } from "./tree";

/** Top-down (thesis on top) or left-to-right (the debate flow sheet). */
export type Direction = "TB" | "LR";

export type HandleSide = "top" | "bottom" | "left" | "right";

/** A connection point on a node, relative to the node's top-left corner. */
export interface HandleSpec {
  id: string;
  type: "source" | "target";
  position: HandleSide;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutNode {
  id: string;
  kind: NodeKind;
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  textWidth: number;
  depth: number;
  parent?: string;
  /** Visible tree children, in order. */
  children: string[];
  /** All tree descendants, shown or not. */
  descendants: number;
  collapsed: boolean;
  handles: HandleSpec[];
}

/** A small point at the middle of an attacked relation's edge, where undercuts end. */
export interface LayoutAnchor {
  /** `anchor:<relation id>`. */
  id: string;
  relationId: string;
  x: number;
  y: number;
  size: number;
  handles: HandleSpec[];
}

/** tree: to the tree parent; cross: to another target; peer: between neighbouring siblings, side by side; undercut: to an anchor. */
export type EdgeRole = "tree" | "cross" | "peer" | "undercut";

export interface LayoutEdge {
  relationId: string;
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string;
  role: EdgeRole;
  /** Compact layout: the bends of the edge, from its source's handle to its target's, in map coordinates. */
  route?: Point[];
}

export interface MapLayout {
  direction: Direction;
  mode: LayoutMode;
  nodes: LayoutNode[];
  anchors: LayoutAnchor[];
  edges: LayoutEdge[];
  width: number;
  height: number;
  /** Claims inside collapsed subtrees. */
  hidden: Set<string>;
  tree: ClaimTree;
  /** The relations it was laid out from (a later layout of the same list may keep its places). */
  relations: readonly Relation[];
}

export interface LayoutOptions {
  direction?: Direction;
  /** Claims whose subtrees are folded away. */
  collapsed?: ReadonlySet<string>;
  /** A tree built earlier for the same map, to skip rebuilding it. */
  tree?: ClaimTree;
  /**
   * `compact` (the default) stacks answers in columns under what they answer, like an indented
   * list; `tidy` spreads every level in one row (a classic tidy tree).
   */
  mode?: LayoutMode;
  /**
   * The layout of the same map before an edit. Nodes, edges and anchors that come out the same
   * are its objects (so what is drawn from them can be kept), and when only texts changed within
   * boxes of the same size nothing is placed again.
   */
  previous?: MapLayout;
}

export type LayoutMode = "compact" | "tidy";

/** Gap between neighbouring boxes across the tree, and between levels along it, per direction. */
export const SPACING: Record<Direction, { sibling: number; cousin: number; level: number; peer: number }> = {
  TB: { sibling: 28, cousin: 48, level: 72, peer: 100 },
  LR: { sibling: 18, cousin: 32, level: 110, peer: 56 },
};

const HANDLE = 8;
const ANCHOR_SIZE = 12;

/** Handle ids: `out` leaves a claim towards its target, `in` receives its children; `peer-*` join roots. */
const HANDLE_IDS = {
  out: "out",
  in: "in",
  peerOutForward: "peer-out-fwd",
  peerInForward: "peer-in-fwd",
  peerOutBack: "peer-out-back",
  peerInBack: "peer-in-back",
  /** Compact top-down layout: the tree edge leaves a stacked answer from its left side. */
  sideOut: "side-out",
} as const;

function handle(
  id: string,
  type: HandleSpec["type"],
  position: HandleSide,
  width: number,
  height: number,
  along: number,
): HandleSpec {
  // React Flow reads an edge's end from the handle box: the centre of its outer side, so each
  // box is placed with that side on the node's border.
  const half = HANDLE / 2;
  switch (position) {
    case "top":
      return { id, type, position, x: along * width - half, y: 0, width: HANDLE, height: HANDLE };
    case "bottom":
      return {
        id,
        type,
        position,
        x: along * width - half,
        y: height - HANDLE,
        width: HANDLE,
        height: HANDLE,
      };
    case "left":
      return { id, type, position, x: 0, y: along * height - half, width: HANDLE, height: HANDLE };
    case "right":
      return {
        id,
        type,
        position,
        x: width - HANDLE,
        y: along * height - half,
        width: HANDLE,
        height: HANDLE,
      };
  }
}

/**
 * The handles of a node of this size: tree handles on the sides facing parent and children (at
 * their middle, or in the compact layout where the line to the answers leaves), peer handles on
 * the other two.
 */
function nodeHandles(width: number, height: number, direction: Direction, mode: LayoutMode): HandleSpec[] {
  // Boxes come in few sizes: nodes of one size share one (never changed) list of handles.
  const key = `${direction} ${mode} ${width} ${height}`;
  const cached = handleCache.get(key);
  if (cached) return cached;
  if (handleCache.size >= HANDLE_CACHE_LIMIT) handleCache.clear();
  const handles = makeHandles(width, height, direction, mode);
  handleCache.set(key, handles);
  return handles;
}

const HANDLE_CACHE_LIMIT = 10_000;
const handleCache = new Map<string, HandleSpec[]>();

function makeHandles(width: number, height: number, direction: Direction, mode: LayoutMode): HandleSpec[] {
  const [toParent, toChildren, before, after]: HandleSide[] =
    direction === "TB" ? ["top", "bottom", "left", "right"] : ["left", "right", "top", "bottom"];
  const compact = mode === "compact";
  const inPoint = compactInPoint(direction, width);
  const inAlong = !compact ? 0.5 : direction === "TB" ? inPoint.x / width : inPoint.y / height;
  const extra =
    compact && direction === "TB" ? [handle(HANDLE_IDS.sideOut, "source", "left", width, height, 0.5)] : [];
  return [
    handle(HANDLE_IDS.out, "source", toParent, width, height, 0.5),
    handle(HANDLE_IDS.in, "target", toChildren, width, height, inAlong),
    ...extra,
    handle(HANDLE_IDS.peerOutForward, "source", after, width, height, 0.4),
    handle(HANDLE_IDS.peerInForward, "target", before, width, height, 0.4),
    handle(HANDLE_IDS.peerOutBack, "source", before, width, height, 0.6),
    handle(HANDLE_IDS.peerInBack, "target", after, width, height, 0.6),
  ];
}

/** The point where an edge meets a handle, in map coordinates (React Flow's rule). */
export function handlePoint(box: { x: number; y: number }, spec: HandleSpec): { x: number; y: number } {
  switch (spec.position) {
    case "top":
      return { x: box.x + spec.x + spec.width / 2, y: box.y + spec.y };
    case "bottom":
      return { x: box.x + spec.x + spec.width / 2, y: box.y + spec.y + spec.height };
    case "left":
      return { x: box.x + spec.x, y: box.y + spec.y + spec.height / 2 };
    case "right":
      return { x: box.x + spec.x + spec.width, y: box.y + spec.y + spec.height / 2 };
  }
}

interface Datum {
  id: string;
  size: [number, number];
  children: Datum[];
}

/**
 * Lays out a map: theses side by side on top (or one under another on the left), every visible
 * claim once, no two boxes overlapping. The compact mode (the default) stacks answers in columns
 * under what they answer; the tidy mode is a classic tidy tree with variable node sizes
 * (d3-flextree). Deterministic: the same map and options give the same positions. Non-tree
 * relations become cross, peer and undercut edges.
 */
export function layoutMap(
  map: Pick<ArgumentMap, "theses" | "claims" | "relations" | "evidence">,
  options: LayoutOptions = {},
): MapLayout {
  const direction = options.direction ?? "TB";
  const mode = options.mode ?? "compact";
  const collapsed = options.collapsed ?? new Set<string>();
  const tree = options.tree ?? buildClaimTree(map);
  const { index } = tree;
  const thesisSet = new Set(map.theses);
  const { previous } = options;
  if (previous && previous.direction === direction && previous.mode === mode) {
    const kept = sameBoxes(map, previous, tree, collapsed, thesisSet);
    if (kept) return kept;
  }
  const counts = descendantCounts(tree);

  const hidden = new Set<string>();
  const nodes: LayoutNode[] = [];
  const byId = new Map<string, LayoutNode>();
  // Depth first without recursion, in tree order, so deep chains cannot overflow the stack.
  const stack: [string, number, string | undefined][] = [];
  for (let r = tree.roots.length - 1; r >= 0; r--) stack.push([tree.roots[r], 0, undefined]);
  while (stack.length > 0) {
    const [id, depth, parent] = stack.pop()!;
    const claim = index.claims.get(id)!;
    const kind: NodeKind = thesisSet.has(id) ? "thesis" : "claim";
    const box = nodeBox(kind, claim.text);
    const allChildren = tree.children.get(id) ?? [];
    const isCollapsed = collapsed.has(id) && allChildren.length > 0;
    if (isCollapsed) for (const d of descendantsOfIterative(tree, id)) hidden.add(d);
    const visibleChildren = isCollapsed ? [] : allChildren;
    const node: LayoutNode = {
      id,
      kind,
      x: 0,
      y: 0,
      width: box.width,
      height: box.height,
      lines: box.lines,
      textWidth: box.textWidth,
      depth,
      parent,
      children: visibleChildren,
      descendants: counts.get(id) ?? 0,
      collapsed: isCollapsed,
      handles: nodeHandles(box.width, box.height, direction, mode),
    };
    nodes.push(node);
    byId.set(id, node);
    for (let k = visibleChildren.length - 1; k >= 0; k--) stack.push([visibleChildren[k], depth + 1, id]);
  }

  const peers = peerPairs(map, tree.roots, byId, mode);
  const routes =
    mode === "compact" ? placeCompact(tree, byId, direction, peers) : placeTidy(tree, byId, direction, peers);

  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  for (const node of nodes) {
    minX = Math.min(minX, node.x);
    minY = Math.min(minY, node.y);
  }
  let width = 0;
  let height = 0;
  for (const node of nodes) {
    node.x -= minX;
    node.y -= minY;
    width = Math.max(width, node.x + node.width);
    height = Math.max(height, node.y + node.height);
  }
  if (minX !== 0 || minY !== 0)
    for (const route of routes.values())
      for (const p of route) {
        p.x -= minX;
        p.y -= minY;
      }
  nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const { edges, anchors } = routeEdges(map, tree, byId, direction, peers, routes);
  const layout: MapLayout = {
    direction,
    mode,
    nodes,
    anchors,
    edges,
    width,
    height,
    hidden,
    tree,
    relations: map.relations,
  };
  return previous ? keepUnchanged(layout, previous) : layout;
}

/**
 * The previous layout with new texts, when the tree, the relations and the folded claims are the
 * previous layout's and every box keeps its size (a claim reworded within its lines, a side or a
 * note changed): nothing moves, so only the nodes whose lines changed are new objects.
 */
function sameBoxes(
  map: Pick<ArgumentMap, "relations">,
  previous: MapLayout,
  tree: ClaimTree,
  collapsed: ReadonlySet<string>,
  theses: ReadonlySet<string>,
): MapLayout | undefined {
  const before = previous.tree;
  if (tree.roots !== before.roots || tree.children !== before.children) return undefined;
  if (map.relations !== previous.relations) return undefined;
  let changed = false;
  const nodes: LayoutNode[] = [];
  // A plain loop: the first box of another size ends the check.
  for (const node of previous.nodes) {
    const claim = tree.index.claims.get(node.id);
    if (!claim) return undefined;
    if ((collapsed.has(node.id) && (tree.children.get(node.id)?.length ?? 0) > 0) !== node.collapsed)
      return undefined;
    const kind: NodeKind = theses.has(node.id) ? "thesis" : "claim";
    if (kind !== node.kind) return undefined;
    const box = nodeBox(kind, claim.text);
    if (box.width !== node.width || box.height !== node.height) return undefined;
    if (box.lines === node.lines) nodes.push(node);
    else {
      changed = true;
      nodes.push({ ...node, lines: box.lines, textWidth: box.textWidth });
    }
  }
  return { ...previous, nodes: changed ? nodes : previous.nodes, tree };
}

/** Where each item sits in a list by id, found once per list and shared by lists made from it in place. */
const places = new WeakMap<readonly { id: string }[], ReadonlyMap<string, number>>();

/** The index of each item of `items` (layout nodes, graph nodes or edges) by its id. */
export function placesOf(items: readonly { id: string }[]): ReadonlyMap<string, number> {
  let found = places.get(items);
  if (!found) {
    found = new Map(items.map((item, i) => [item.id, i]));
    places.set(items, found);
  }
  return found;
}

/** Records that `items`, made from another list by replacing items in place, has its places. */
export function sharePlaces(items: readonly { id: string }[], from: ReadonlyMap<string, number>): void {
  places.set(items, from);
}

/**
 * The layout after an edit that replaced only the given claims (the map's ids, relations, theses
 * and folds as before): the same as `layoutMap` given `previous`, in time that follows the
 * claims, not the map. Undefined when a replaced claim's box changes size, so the map has to be
 * laid out again.
 */
export function relayoutClaims(
  previous: MapLayout,
  claims: readonly string[],
  tree: ClaimTree,
): MapLayout | undefined {
  const where = placesOf(previous.nodes);
  let nodes: LayoutNode[] | undefined;
  for (const id of claims) {
    const at = where.get(id);
    if (at === undefined) continue; // folded away
    const node = previous.nodes[at];
    const box = nodeBox(node.kind, tree.index.claims.get(id)!.text);
    if (box.width !== node.width || box.height !== node.height) return undefined;
    if (box.lines === node.lines) continue;
    nodes ??= previous.nodes.slice();
    nodes[at] = { ...node, lines: box.lines, textWidth: box.textWidth };
  }
  if (nodes) sharePlaces(nodes, where);
  return { ...previous, nodes: nodes ?? previous.nodes, tree };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameNode(a: LayoutNode, b: LayoutNode): boolean {
  return (
    a.x === b.x &&
    a.y === b.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.lines === b.lines &&
    a.kind === b.kind &&
    a.depth === b.depth &&
    a.parent === b.parent &&
    a.descendants === b.descendants &&
    a.collapsed === b.collapsed &&
    a.handles === b.handles &&
    sameList(a.children, b.children)
  );
}

function sameAnchor(a: LayoutAnchor, b: LayoutAnchor): boolean {
  return a.relationId === b.relationId && a.x === b.x && a.y === b.y && a.size === b.size;
}

/**
 * Keeps the previous layout's object for every node, edge and anchor that came out the same. A
 * routed edge's bends follow from the boxes at its two ends, so one between two boxes that stayed
 * where they were, with the same handles, is the same edge: its route is not compared point by
 * point, which on a big map cost more than the rest.
 */
function keepUnchanged(layout: MapLayout, previous: MapLayout): MapLayout {
  const keep = <T>(
    next: T[],
    before: T[],
    key: (item: T) => string,
    same: (a: T, b: T) => boolean,
    stayed?: (a: T, b: T) => void,
  ): T[] => {
    const old = new Map(before.map((item) => [key(item), item]));
    let all = next.length === before.length;
    const kept = next.map((item, i) => {
      const prior = old.get(key(item));
      if (prior && stayed) stayed(prior, item);
      const result = prior && same(prior, item) ? prior : item;
      if (result !== before[i]) all = false;
      return result;
    });
    return all ? before : kept;
  };
  // Ends (claims and anchors) whose box is where it was, at the same size.
  const still = new Set<string>();
  const nodes = keep(
    layout.nodes,
    previous.nodes,
    (n) => n.id,
    sameNode,
    (a, b) => {
      if (a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height) still.add(b.id);
    },
  );
  const anchors = keep(
    layout.anchors,
    previous.anchors,
    (a) => a.id,
    sameAnchor,
    (a, b) => {
      if (sameAnchor(a, b)) still.add(b.id);
    },
  );
  const sameEdge = (a: LayoutEdge, b: LayoutEdge) =>
    a.relationId === b.relationId &&
    a.source === b.source &&
    a.target === b.target &&
    a.sourceHandle === b.sourceHandle &&
    a.targetHandle === b.targetHandle &&
    a.role === b.role &&
    // An edge without bends holds no coordinates (React Flow draws it between its ends' handles).
    (a.route === undefined
      ? b.route === undefined
      : b.route !== undefined && still.has(b.source) && still.has(b.target));
  return {
    ...layout,
    nodes,
    edges: keep(layout.edges, previous.edges, (e) => e.relationId, sameEdge),
    anchors,
  };
}

/** Number of tree descendants of every claim, shown or not, in one pass. */
function descendantCounts(tree: ClaimTree): Map<string, number> {
  const order: string[] = [];
  const stack = [...tree.roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    order.push(id);
    for (const kid of tree.children.get(id) ?? []) stack.push(kid);
  }
  const counts = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i];
    let n = 0;
    for (const kid of tree.children.get(id) ?? []) n += 1 + (counts.get(kid) ?? 0);
    counts.set(id, n);
  }
  return counts;
}

function descendantsOfIterative(tree: ClaimTree, id: string): string[] {
  const out: string[] = [];
  const stack = [...(tree.children.get(id) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    out.push(next);
    for (const kid of tree.children.get(next) ?? []) stack.push(kid);
  }
  return out;
}

function placeCompact(
  tree: ClaimTree,
  byId: Map<string, LayoutNode>,
  direction: Direction,
  peers: Set<string>,
): Map<string, Point[]> {
  const { positions, routes } = compactLayout(tree.roots, byId, direction, (a, b) => peers.has(`${a} ${b}`));
  for (const [id, p] of positions) {
    const node = byId.get(id)!;
    node.x = p.x;
    node.y = p.y;
  }
  return routes;
}

function placeTidy(
  tree: ClaimTree,
  byId: Map<string, LayoutNode>,
  direction: Direction,
  peers: Set<string>,
): Map<string, Point[]> {
  const spacing = SPACING[direction];
  const datum = (id: string): Datum => {
    const node = byId.get(id)!;
    const [breadth, length] = direction === "TB" ? [node.width, node.height] : [node.height, node.width];
    return { id, size: [breadth, length + spacing.level], children: node.children.map(datum) };
  };
  const root: Datum = { id: "", size: [0, 0], children: tree.roots.map(datum) };
  const layout = flextree<Datum>({
    nodeSize: (n) => n.data.size,
    spacing: (a, b) =>
      a.parent !== b.parent
        ? spacing.cousin
        : peers.has(`${a.data.id} ${b.data.id}`)
          ? spacing.peer
          : spacing.sibling,
  });
  layout(layout.hierarchy(root)).each((n) => {
    const node = byId.get(n.data.id);
    if (!node) return;
    // flextree gives the centre of the breadth axis and the start of the depth axis.
    if (direction === "TB") {
      node.x = n.x - node.width / 2;
      node.y = n.y;
    } else {
      node.x = n.y;
      node.y = n.x - node.height / 2;
    }
  });
  return new Map();
}

/**
 * Pairs of neighbouring siblings (in both orders, "a b") joined by a relation: they are drawn
 * side by side with a wider gap, so the edge between them and its badge fit.
 */
function peerPairs(
  map: Pick<ArgumentMap, "relations">,
  roots: string[],
  byId: Map<string, LayoutNode>,
  mode: LayoutMode,
): Set<string> {
  const next = new Map<string, string>();
  const link = (row: string[]) => {
    for (let i = 0; i + 1 < row.length; i++) next.set(row[i], row[i + 1]);
  };
  link(roots);
  // The compact layout stacks siblings, so only theses stand side by side.
  if (mode === "tidy") for (const node of byId.values()) link(node.children);
  const pairs = new Set<string>();
  for (const r of map.relations) {
    if (next.get(r.from) === r.to || next.get(r.to) === r.from) {
      pairs.add(`${r.from} ${r.to}`);
      pairs.add(`${r.to} ${r.from}`);
    }
  }
  return pairs;
}

function routeEdges(
  map: Pick<ArgumentMap, "relations">,
  tree: ClaimTree,
  byId: Map<string, LayoutNode>,
  direction: Direction,
  peers: Set<string>,
  routes: Map<string, Point[]>,
): { edges: LayoutEdge[]; anchors: LayoutAnchor[] } {
  const edges: LayoutEdge[] = [];
  const claimEdge = new Map<string, LayoutEdge>();
  const treeRelations = new Set(tree.treeRelation.values());
  const undercuts: { relationId: string; source: string; attacked: string }[] = [];

  for (const relation of map.relations) {
    const source = byId.get(relation.from);
    if (!source) continue;
    if (tree.index.relations.has(relation.to)) {
      undercuts.push({ relationId: relation.id, source: relation.from, attacked: relation.to });
      continue;
    }
    const target = byId.get(relation.to);
    if (!target) continue;
    let edge: LayoutEdge;
    if (peers.has(`${source.id} ${target.id}`)) {
      const forward = direction === "TB" ? source.x < target.x : source.y < target.y;
      edge = {
        relationId: relation.id,
        source: source.id,
        target: target.id,
        sourceHandle: forward ? HANDLE_IDS.peerOutForward : HANDLE_IDS.peerOutBack,
        targetHandle: forward ? HANDLE_IDS.peerInForward : HANDLE_IDS.peerInBack,
        role: "peer",
      };
    } else {
      const isTree = treeRelations.has(relation.id);
      const route = isTree ? routes.get(source.id) : undefined;
      edge = {
        relationId: relation.id,
        source: source.id,
        target: target.id,
        sourceHandle: route && direction === "TB" ? HANDLE_IDS.sideOut : HANDLE_IDS.out,
        targetHandle: HANDLE_IDS.in,
        role: isTree ? "tree" : "cross",
      };
      if (route) edge.route = route;
    }
    edges.push(edge);
    claimEdge.set(relation.id, edge);
  }

  const anchors: LayoutAnchor[] = [];
  const anchorOf = new Map<string, LayoutAnchor>();
  // Undercuts of undercuts attack an edge that ends at an anchor, so resolve in passes until stable.
  let pending = undercuts;
  while (pending.length > 0) {
    const next: typeof pending = [];
    for (const u of pending) {
      const attacked = claimEdge.get(u.attacked);
      if (!attacked) {
        if (tree.index.relations.has(u.attacked) && byId.has(tree.index.relations.get(u.attacked)!.from))
          next.push(u);
        continue;
      }
      let anchor = anchorOf.get(u.attacked);
      if (!anchor) {
        anchor = makeAnchor(u.attacked, attacked, byId, anchorOf, direction);
        if (!anchor) continue;
        anchors.push(anchor);
        anchorOf.set(u.attacked, anchor);
      }
      const edge: LayoutEdge = {
        relationId: u.relationId,
        source: u.source,
        target: anchor.id,
        sourceHandle: HANDLE_IDS.out,
        targetHandle: HANDLE_IDS.in,
        role: "undercut",
      };
      edges.push(edge);
      claimEdge.set(u.relationId, edge);
    }
    if (next.length === pending.length) break;
    pending = next;
  }
  return { edges, anchors };
}

function boxFor(
  id: string,
  byId: Map<string, LayoutNode>,
  anchorOf: Map<string, LayoutAnchor>,
): { x: number; y: number; handles: HandleSpec[] } | undefined {
  if (byId.has(id)) return byId.get(id);
  for (const anchor of anchorOf.values()) if (anchor.id === id) return anchor;
  return undefined;
}

function makeAnchor(
  relationId: string,
  edge: LayoutEdge,
  byId: Map<string, LayoutNode>,
  anchorOf: Map<string, LayoutAnchor>,
  direction: Direction,
): LayoutAnchor | undefined {
  const source = boxFor(edge.source, byId, anchorOf);
  const target = boxFor(edge.target, byId, anchorOf);
  const sourceHandle = source?.handles.find((h) => h.id === edge.sourceHandle);
  const targetHandle = target?.handles.find((h) => h.id === edge.targetHandle);
  if (!source || !target || !sourceHandle || !targetHandle) return undefined;
  const a = handlePoint(source, sourceHandle);
  const b = handlePoint(target, targetHandle);
  // Curved edges have mirrored control points, so their middle is the midpoint of their ends;
  // a routed edge's middle is half way along its bends.
  const { x: cx, y: cy } = edge.route ? routeMiddle(edge.route) : { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const size = ANCHOR_SIZE;
  const handles: HandleSpec[] = [
    {
      id: HANDLE_IDS.in,
      type: "target",
      position: direction === "TB" ? "bottom" : "right",
      x: 0,
      y: 0,
      width: size,
      height: size,
    },
  ];
  return { id: `anchor:${relationId}`, relationId, x: cx - size / 2, y: cy - size / 2, size, handles };
}

/** The point half way along a polyline. */
export function routeMiddle(points: readonly Point[]): Point {
  let total = 0;
  for (let i = 1; i < points.length; i++)
    total += Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
  let left = total / 2;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len >= left && len > 0)
      return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len };
    left -= len;
  }
  return points[points.length - 1] ?? { x: 0, y: 0 };
}
