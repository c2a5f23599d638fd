// biome-ignore lint/style/noRestrictedImports: the types of what this builds; a type import leaves nothing at runtime.
import type { Edge, Node, NodeHandle, Position } from "@xyflow/react";
import type { HandleSpec, LayoutEdge, MapLayout } from "../layout/layout";
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

/**
 * Turns a laid-out map into React Flow nodes and edges. Each node carries its size (`width`,
 * `height`, `measured`) and its handles, so React Flow draws edges without measuring the DOM.
 * Pass `order` (the `treeOrder` of `layout.tree`) when the caller has it already.
 */
export function toFlow(
  layout: MapLayout,
  index: MapIndex,
  order: readonly string[] = treeOrder(layout.tree),
): FlowGraph {
  const nodes: MapFlowNode[] = [];
  for (const n of layout.nodes) {
    const claim = index.claims.get(n.id)!;
    nodes.push({
      id: n.id,
      type: "claim",
      position: { x: n.x, y: n.y },
      width: n.width,
      height: n.height,
      measured: { width: n.width, height: n.height },
      handles: toHandles(n.handles),
      draggable: false,
      connectable: false,
      deletable: false,
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
    });
  }
  const undercut = new Set<string>();
  for (const a of layout.anchors) {
    undercut.add(a.relationId);
    const relation = index.relations.get(a.relationId)!;
    nodes.push({
      id: a.id,
      type: "anchor",
      position: { x: a.x, y: a.y },
      width: a.size,
      height: a.size,
      measured: { width: a.size, height: a.size },
      handles: toHandles(a.handles),
      draggable: false,
      connectable: false,
      deletable: false,
      selectable: false,
      focusable: false,
      zIndex: 1,
      data: { relationId: a.relationId, type: relation.type, handles: a.handles },
    });
  }
  const edges: RelationFlowEdge[] = layout.edges.map((e) => {
    const relation = index.relations.get(e.relationId)!;
    return {
      id: e.relationId,
      type: "relation",
      source: e.source,
      target: e.target,
      sourceHandle: e.sourceHandle,
      targetHandle: e.targetHandle,
      deletable: false,
      ariaLabel: relationLabel(index, e.relationId),
      data: {
        type: relation.type,
        role: e.role,
        cards: relation.evidence?.length ?? 0,
        undercut: false,
        ...(e.route ? { route: e.route } : {}),
      },
    };
  });
  for (const edge of edges) if (edge.data && undercut.has(edge.id)) edge.data.undercut = true;
  // Claims come first in reading order (each thesis, then its subtree), so the tab order reads the map.
  const rank = new Map(order.map((id, i) => [id, i]));
  nodes.sort(
    (a, b) => (rank.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.id) ?? Number.MAX_SAFE_INTEGER),
  );
  return { nodes, edges };
}
