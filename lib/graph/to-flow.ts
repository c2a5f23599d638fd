// biome-ignore lint/style/noRestrictedImports: the types of what this builds; a type import leaves nothing at runtime.
import type { Edge, Node, NodeHandle, Position } from "@xyflow/react";
import {
  type HandleSpec,
  type LayoutAnchor,
  type LayoutEdge,
  type LayoutNode,
  type MapLayout,
  placesOf,
  sharePlaces,
} from "../layout/layout";
import type { NodeKind } from "../layout/node-style";
import { treeOrder } from "../layout/tree";
import { cardsOfClaim, type MapIndex } from "../model/queries";
import type { RelationType, Side } from "../model/schema";

export type ClaimNodeData = {
  kind: NodeKind;
  side: Side;
  lines: string[];
  textWidth: number;
  cards: number;
  /** Tree descendants, shown on the collapse button. */
  descendants: number;
  collapsed: boolean;
  /** The same handles as the node's `handles`, for the component that draws them. */
  handles: HandleSpec[];
};

export type AnchorNodeData = { relationId: string; type: RelationType; handles: HandleSpec[] };

export type ClaimFlowNode = Node<ClaimNodeData, "claim">;
export type AnchorFlowNode = Node<AnchorNodeData, "anchor">;
export type MapFlowNode = ClaimFlowNode | AnchorFlowNode;

export type RelationEdgeData = {
  type: RelationType;
  role: LayoutEdge["role"];
  cards: number;
  /** True when an undercut attacks this relation: its middle is taken by the anchor. */
  undercut: boolean;
  /** The compact layout's bends, drawn instead of a curve between the handles. */
  route?: LayoutEdge["route"];
};

export type RelationFlowEdge = Edge<RelationEdgeData, "relation">;

export interface FlowGraph {
  nodes: MapFlowNode[];
  edges: RelationFlowEdge[];
  /**
   * The run of graphs this one belongs to, each made from the one before: what was made for a
   * layout part (see `built`) holds in the newest graph of the run it was made in.
   */
  lineage?: object;
}

function toHandles(handles: HandleSpec[]): NodeHandle[] {
  // Position is a string enum whose values are the side names the layout uses.
  return handles.map((h) => ({ ...h, position: h.position as Position }));
}

const VERB: Record<RelationType, string> = { support: "supports", attack: "attacks" };

function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** How a relation target reads in a sentence: a claim's text, or "the link from X to Y" for an undercut. */
function describeTarget(index: MapIndex, id: string): string {
  const claim = index.claims.get(id);
  if (claim) return clip(claim.text);
  const relation = index.relations.get(id);
  if (!relation) return id;
  const from = index.claims.get(relation.from)?.text ?? relation.from;
  return `the link “${clip(from, 50)} ${VERB[relation.type]} ${describeTarget(index, relation.to)}”`;
}

/** The accessible name of a claim node: side, kind, text, what it supports or attacks, cards and hidden claims. */
export function claimLabel(index: MapIndex, id: string, kind: NodeKind, hidden = 0): string {
  const claim = index.claims.get(id);
  if (!claim) return id;
  const side = claim.side === "aff" ? "Aff" : "Neg";
  const parts = [`${side} ${kind}: ${claim.text}`];
  for (const r of index.outgoing.get(id) ?? []) {
    const verb = index.relations.has(r.to) ? "undercuts" : VERB[r.type];
    parts.push(`${verb} ${describeTarget(index, r.to)}`);
  }
  const cards = cardsOfClaim(index, id).length;
  if (cards > 0) parts.push(`${cards} ${cards === 1 ? "card" : "cards"}`);
  if (hidden > 0) parts.push(`${hidden} hidden ${hidden === 1 ? "claim" : "claims"}`);
  return parts.join(", ");
}

/** The accessible name of a relation edge. */
export function relationLabel(index: MapIndex, relationId: string): string {
  const relation = index.relations.get(relationId);
  if (!relation) return relationId;
  const from = clip(index.claims.get(relation.from)?.text ?? relation.from);
  const verb = index.relations.has(relation.to) ? "undercuts" : VERB[relation.type];
  const cards = relation.evidence?.length ?? 0;
  const suffix = cards > 0 ? ` (${cards} ${cards === 1 ? "card" : "cards"})` : "";
  return `${from} ${verb} ${describeTarget(index, relation.to)}${suffix}`;
}

/** What a graph was made from, so the next one can keep what did not change. */
export interface FlowBasis {
  layout: MapLayout;
  index: MapIndex;
  flow: FlowGraph;
}

export interface FlowOptions {
  /** Every claim in reading order (the `treeOrder` of `layout.tree`), when the caller has it. */
  order?: readonly string[];
  /** The graph before an edit: nodes and edges that come out the same are its objects. */
  previous?: FlowBasis;
  /**
   * Names each edge in its `ariaLabel` (the default). Off, edges carry no name, and their
   * component names them from the map (`relationLabel`), so renaming a claim leaves the edge
   * objects, and React Flow's edge bookkeeping, untouched.
   */
  edgeNames?: boolean;
}

/** Edges leave the Tab order (claims are the canvas's Tab stops) but stay focusable. */
const EDGE_DOM = { tabIndex: -1 } as const;

/** The id of the element that names an edge drawn without `edgeNames` (its component's title). */
export function edgeNameId(relationId: string): string {
  return `edge-name-${encodeURIComponent(relationId)}`;
}

/**
 * What was made from each layout part (node, anchor or edge), and in which run of graphs: the
 * next graph of the run keeps it when the part is the same object and its map entries did not
 * change. Each graph of a run replaces what it changed, so an entry holds in the run's newest
 * graph (a layout reuses only the parts of the layout just before it).
 */
const built = new WeakMap<object, { made: MapFlowNode | RelationFlowEdge; lineage: object }>();

/** The newest graph of each run: a graph made from an older one starts a run of its own. */
const newest = new WeakMap<object, FlowGraph>();

/** The run a graph made from `previous` continues, or undefined when it has to start anew. */
function lineageAfter(previous: FlowBasis | undefined): object | undefined {
  const lineage = previous?.flow.lineage;
  return lineage && newest.get(lineage) === previous!.flow ? lineage : undefined;
}

const flowHandles = new WeakMap<HandleSpec[], NodeHandle[]>();

function handlesOf(handles: HandleSpec[]): NodeHandle[] {
  let out = flowHandles.get(handles);
  if (!out) {
    out = toHandles(handles);
    flowHandles.set(handles, out);
  }
  return out;
}

/**
 * What an edit changed between two indexes, by object identity (edits replace what they change):
 * the claims whose node or name may read differently, and the relations that changed or whose
 * name may read differently.
 */
interface Changes {
  /** Claims whose node data or accessible name may differ. */
  claims: Set<string>;
  /** Relations replaced, added or removed. */
  replaced: Set<string>;
  /** Those and the relations whose name may differ (their source or target reads anew). */
  relations: Set<string>;
}

function changesBetween(before: MapIndex, after: MapIndex): Changes {
  const claims = new Set<string>();
  const relations = new Set<string>();
  if (before.claims !== after.claims)
    for (const [id, claim] of after.claims) if (before.claims.get(id) !== claim) claims.add(id);
  if (before.relations !== after.relations) {
    for (const [id, relation] of after.relations)
      if (before.relations.get(id) !== relation) relations.add(id);
    for (const [id, relation] of before.relations)
      if (!after.relations.has(id)) {
        relations.add(id);
        claims.add(relation.from);
      }
  }
  return spread(claims, relations, after);
}

/** The changes that follow from replacing these claims and relations (their names read anew). */
function spread(claims: Set<string>, relations: Set<string>, after: MapIndex): Changes {
  const replaced = new Set(relations);
  // A relation reads as "source verb target": its name changes with its source, its target, or
  // the relation it undercuts, and so do the names of the claims it leads from.
  const pending: string[] = [...claims, ...relations];
  const mark = (id: string) => {
    if (relations.has(id)) return;
    relations.add(id);
    pending.push(id);
  };
  for (const id of claims) for (const r of after.outgoing.get(id) ?? []) mark(r.id);
  while (pending.length > 0) {
    const id = pending.pop()!;
    for (const r of after.incoming.get(id) ?? []) {
      claims.add(r.from);
      mark(r.id);
    }
  }
  for (const id of relations) {
    const relation = after.relations.get(id);
    if (relation) claims.add(relation.from);
  }
  return { claims, replaced, relations };
}

/** What every node carries: its place, its size (so React Flow never measures it) and its handles. */
function placed(id: string, x: number, y: number, width: number, height: number, handles: HandleSpec[]) {
  return {
    id,
    position: { x, y },
    width,
    height,
    measured: { width, height },
    handles: handlesOf(handles),
    draggable: false,
    connectable: false,
    deletable: false,
  };
}

function claimNode(n: LayoutNode, index: MapIndex): ClaimFlowNode {
  const claim = index.claims.get(n.id)!;
  return {
    ...placed(n.id, n.x, n.y, n.width, n.height, n.handles),
    type: "claim",
    ariaLabel: claimLabel(index, n.id, n.kind, n.collapsed ? n.descendants : 0),
    data: {
      kind: n.kind,
      side: claim.side,
      lines: n.lines,
      textWidth: n.textWidth,
      cards: cardsOfClaim(index, n.id).length,
      descendants: n.descendants,
      collapsed: n.collapsed,
      handles: n.handles,
    },
  };
}

function anchorNode(a: LayoutAnchor, index: MapIndex): AnchorFlowNode {
  const relation = index.relations.get(a.relationId)!;
  return {
    ...placed(a.id, a.x, a.y, a.size, a.size, a.handles),
    type: "anchor",
    selectable: false,
    focusable: false,
    zIndex: 1,
    data: { relationId: a.relationId, type: relation.type, handles: a.handles },
  };
}

function relationEdge(e: LayoutEdge, index: MapIndex, undercut: boolean, named: boolean): RelationFlowEdge {
  const relation = index.relations.get(e.relationId)!;
  return {
    id: e.relationId,
    type: "relation",
    source: e.source,
    target: e.target,
    sourceHandle: e.sourceHandle,
    targetHandle: e.targetHandle,
    deletable: false,
    ...(named
      ? { ariaLabel: relationLabel(index, e.relationId), domAttributes: EDGE_DOM }
      : { domAttributes: { ...EDGE_DOM, "aria-labelledby": edgeNameId(e.relationId) } }),
    data: {
      type: relation.type,
      role: e.role,
      cards: relation.evidence?.length ?? 0,
      undercut,
      ...(e.route ? { route: e.route } : {}),
    },
  };
}

/**
 * Turns a laid-out map into React Flow nodes and edges. Each node carries its size (`width`,
 * `height`, `measured`) and its handles, so React Flow draws edges without measuring the DOM.
 * Claims come first, in reading order (each thesis, then its subtree), so the tab order reads the
 * map. Given the previous graph, every node and edge whose layout part and map entries are the
 * same objects as before is kept, and so are the arrays when nothing changed: memoised
 * components and React Flow skip them after an edit.
 */
export function toFlow(layout: MapLayout, index: MapIndex, options: FlowOptions = {}): FlowGraph {
  const order = options.order ?? treeOrder(layout.tree);
  const named = options.edgeNames ?? true;
  const previous = options.previous;
  const continued = lineageAfter(previous);
  const lineage = continued ?? {};
  const changes = continued ? changesBetween(previous!.index, index) : undefined;
  // The object made from this part for the previous graph, when it still holds.
  const kept = <T extends MapFlowNode | RelationFlowEdge>(
    part: object,
    unchanged: boolean,
  ): T | undefined => {
    if (!continued || !unchanged) return undefined;
    const entry = built.get(part);
    return entry?.lineage === lineage ? (entry.made as T) : undefined;
  };
  const make = madeIn(lineage);

  const byId = new Map<string, LayoutNode>();
  for (const n of layout.nodes) byId.set(n.id, n);
  const nodes: MapFlowNode[] = [];
  for (const id of order) {
    const n = byId.get(id);
    if (n) nodes.push(kept(n, !changes?.claims.has(id)) ?? make(n, claimNode(n, index)));
  }
  for (const a of layout.anchors)
    nodes.push(kept(a, !changes?.replaced.has(a.relationId)) ?? make(a, anchorNode(a, index)));

  const undercut = new Set(layout.anchors.map((a) => a.relationId));
  const edges = layout.edges.map((e) => {
    const id = e.relationId;
    const old = kept<RelationFlowEdge>(e, !(named ? changes?.relations : changes?.replaced)?.has(id));
    return old && (old.data?.undercut ?? false) === undercut.has(id)
      ? old
      : make(e, relationEdge(e, index, undercut.has(id), named));
  });
  const same = <T>(next: T[], before: T[] | undefined) =>
    before !== undefined && next.length === before.length && next.every((item, i) => item === before[i]);
  return newestOf({
    nodes: same(nodes, previous?.flow.nodes) ? previous!.flow.nodes : nodes,
    edges: same(edges, previous?.flow.edges) ? previous!.flow.edges : edges,
    lineage,
  });
}

/** Records what is made from a part for a graph of this run. */
function madeIn(lineage: object) {
  return <T extends MapFlowNode | RelationFlowEdge>(part: object, made: T): T => {
    built.set(part, { made, lineage });
    return made;
  };
}

function newestOf(graph: FlowGraph): FlowGraph {
  newest.set(graph.lineage!, graph);
  return graph;
}

/**
 * The graph after an edit that replaced only the given claims (the same ids in the same order,
 * the same relations, cards, theses, folds and direction), from the graph before it and the
 * layout `relayoutClaims` made: the same as `toFlow` given `previous`, remaking only the nodes
 * (and named edges) that read differently, in time that follows the claims, not the map.
 */
export function reflowClaims(
  layout: MapLayout,
  index: MapIndex,
  previous: FlowBasis,
  claims: readonly string[],
  edgeNames = true,
): FlowGraph {
  const lineage = lineageAfter(previous);
  if (!lineage) return toFlow(layout, index, { previous, edgeNames });
  const make = madeIn(lineage);
  const changes = spread(new Set(claims), new Set(), index);
  const before = previous.flow;
  const layoutPlaces = placesOf(layout.nodes);
  let nodes: MapFlowNode[] | undefined;
  const nodePlaces = placesOf(before.nodes);
  for (const id of changes.claims) {
    const at = nodePlaces.get(id);
    const from = layoutPlaces.get(id);
    if (at === undefined || from === undefined) continue; // folded away
    nodes ??= before.nodes.slice();
    const n = layout.nodes[from];
    nodes[at] = make(n, claimNode(n, index));
  }
  let edges: RelationFlowEdge[] | undefined;
  if (edgeNames && changes.relations.size > 0) {
    // The edges are made from the layout's edges in their order, and the layout kept them.
    const edgePlaces = placesOf(before.edges);
    for (const id of changes.relations) {
      const at = edgePlaces.get(id);
      if (at === undefined) continue;
      const part = layout.edges[at];
      edges ??= before.edges.slice();
      edges[at] = make(part, relationEdge(part, index, before.edges[at].data?.undercut ?? false, true));
    }
  }
  if (nodes) sharePlaces(nodes, nodePlaces);
  if (edges) sharePlaces(edges, placesOf(before.edges));
  return newestOf({ nodes: nodes ?? before.nodes, edges: edges ?? before.edges, lineage });
}
