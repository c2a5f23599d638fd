import type { FlowGraph, MapFlowNode, RelationFlowEdge } from "./to-flow";

function sameHandles(a: MapFlowNode, b: MapFlowNode): boolean {
  const x = a.handles ?? [];
  const y = b.handles ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const p = x[i];
    const q = y[i];
    if (p.id !== q.id || p.x !== q.x || p.y !== q.y || p.position !== q.position) return false;
  }
  return true;
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const key of Object.keys(b)) {
    const p = a[key];
    const q = b[key];
    if (p === q) continue;
    // Lines come from the text measurement cache; handles and routes are compared by value.
    if (Array.isArray(p) && Array.isArray(q) && p.length === q.length) {
      if (p.every((v, i) => v === q[i] || JSON.stringify(v) === JSON.stringify(q[i]))) continue;
    }
    return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}

function sameNode(a: MapFlowNode, b: MapFlowNode): boolean {
  return (
    a.type === b.type &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.ariaLabel === b.ariaLabel &&
    sameHandles(a, b) &&
    sameData(a.data as Record<string, unknown>, b.data as Record<string, unknown>)
  );
}

function sameEdge(a: RelationFlowEdge, b: RelationFlowEdge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.sourceHandle === b.sourceHandle &&
    a.targetHandle === b.targetHandle &&
    a.ariaLabel === b.ariaLabel &&
    sameData((a.data ?? {}) as Record<string, unknown>, (b.data ?? {}) as Record<string, unknown>)
  );
}

/**
 * The next graph with every node and edge that did not change replaced by the previous object,
 * so memoised node and edge components skip them after an edit; the arrays are reused too when
 * nothing changed at all.
 */
export function reuseFlow(previous: FlowGraph | undefined, next: FlowGraph): FlowGraph {
  if (!previous) return next;
  const oldNodes = new Map(previous.nodes.map((n) => [n.id, n]));
  let changed = previous.nodes.length !== next.nodes.length;
  const nodes = next.nodes.map((n, i) => {
    const old = oldNodes.get(n.id);
    const kept = old && sameNode(old, n) ? old : n;
    if (kept !== previous.nodes[i]) changed = true;
    return kept;
  });
  const oldEdges = new Map(previous.edges.map((e) => [e.id, e]));
  let edgesChanged = previous.edges.length !== next.edges.length;
  const edges = next.edges.map((e, i) => {
    const old = oldEdges.get(e.id);
    const kept = old && sameEdge(old, e) ? old : e;
    if (kept !== previous.edges[i]) edgesChanged = true;
    return kept;
  });
  return { nodes: changed ? nodes : previous.nodes, edges: edgesChanged ? edges : previous.edges };
}
