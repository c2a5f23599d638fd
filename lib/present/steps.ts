import type { LayoutAnchor, LayoutEdge, MapLayout } from "../layout/layout";
import { indexMap, type MapIndex } from "../model/queries";
import { readingOrderIn, type StepRole } from "../model/reading-order";
import type { ArgumentMap, Card } from "../model/schema";

/** One step of a presentation: the claim it reveals and what that claim answers. */
export interface PresentStep {
  claimId: string;
  /** 0 for a thesis or the claim presented from, one more for each answer below it. */
  depth: number;
  role: StepRole;
  /** The claim this one supports, attacks or (for an undercut) whose link it attacks; absent for roots. */
  parentId?: string;
  /** The relation that brings the claim in; its cards are shown with the claim. */
  relationId?: string;
}

export interface PresentOptions {
  /** Present only this claim's subtree, starting with it ("Present from here"). */
  from?: string;
}

/**
 * The steps of a presentation, one per claim, each claim once: the reading order (each thesis,
 * then a claim's supports and then its attacks, depth first), or the map's `presentation` list
 * when the file has one. With `from`, only that claim's subtree, the claim first.
 */
export function presentationSteps(map: ArgumentMap, options: PresentOptions = {}): PresentStep[] {
  const index = indexMap(map);
  const from = options.from !== undefined && index.claims.has(options.from) ? options.from : undefined;
  const reading = readingOrderIn(map, index, { from });
  const steps: PresentStep[] = [];
  const byClaim = new Map<string, PresentStep>();
  for (const s of reading) {
    if (s.repeat || byClaim.has(s.claimId)) continue;
    const step: PresentStep = {
      claimId: s.claimId,
      depth: s.depth,
      role: s.role,
      ...(s.parentId !== undefined ? { parentId: s.parentId } : {}),
      ...(s.relation ? { relationId: s.relation.id } : {}),
    };
    byClaim.set(s.claimId, step);
    steps.push(step);
  }
  if (!map.presentation) return steps;
  // The author's list decides the order; each claim keeps what it answers from the reading order.
  const ordered: PresentStep[] = [];
  const seen = new Set<string>();
  const take = (id: string) => {
    const step = byClaim.get(id);
    if (!step || seen.has(id)) return;
    seen.add(id);
    ordered.push(step);
  };
  if (from !== undefined) take(from);
  for (const id of map.presentation) take(id);
  return ordered;
}

/** The claims shown at a step (0-based): every claim up to and including it. */
export function revealedAt(steps: readonly PresentStep[], step: number): Set<string> {
  return new Set(steps.slice(0, Math.max(0, step + 1)).map((s) => s.claimId));
}

/** The parts of a laid-out map that a set of revealed claims shows. */
export interface VisiblePart {
  claims: Set<string>;
  /** Relation ids whose edges are drawn. */
  edges: Set<string>;
  /** Anchor ids (`anchor:<relation>`) drawn. */
  anchors: Set<string>;
}

/**
 * What of the map to draw when `revealed` claims are shown: those claims, the relations between
 * two of them, and an undercut once its claim and the link it attacks are both drawn. Nothing of
 * a claim not yet reached leaks out, not even an edge pointing at where it will be.
 */
export function visiblePart(
  layout: Pick<MapLayout, "edges" | "anchors">,
  revealed: ReadonlySet<string>,
): VisiblePart {
  const edges = new Set<string>();
  const anchors = new Set<string>();
  const anchorOf = new Map<string, LayoutAnchor>(layout.anchors.map((a) => [a.id, a]));
  const pending: LayoutEdge[] = [];
  for (const e of layout.edges) {
    if (!revealed.has(e.source)) continue;
    if (revealed.has(e.target)) edges.add(e.relationId);
    else if (anchorOf.has(e.target)) pending.push(e);
  }
  // An undercut may attack an undercut: resolve in passes until nothing more is drawn.
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of pending) {
      if (edges.has(e.relationId)) continue;
      const anchor = anchorOf.get(e.target);
      if (anchor && edges.has(anchor.relationId)) {
        edges.add(e.relationId);
        anchors.add(anchor.id);
        grew = true;
      }
    }
  }
  return { claims: new Set(revealed), edges, anchors };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of the map the camera frames at a step: the step's claim together with the claim it
 * answers when that one is shown too. Undefined when the claim is not laid out.
 */
export function frameBox(
  layout: Pick<MapLayout, "nodes">,
  step: PresentStep,
  revealed: ReadonlySet<string>,
): Box | undefined {
  const node = layout.nodes.find((n) => n.id === step.claimId);
  if (!node) return undefined;
  const parent =
    step.parentId !== undefined && revealed.has(step.parentId)
      ? layout.nodes.find((n) => n.id === step.parentId)
      : undefined;
  const boxes = parent ? [node, parent] : [node];
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * The step a `?step=` value asks for, 0-based, within the presentation: 1-based in the address,
 * clamped to the first and last step so an old link after an edit still lands somewhere.
 */
export function stepFromParam(value: number | undefined, total: number): number {
  if (total <= 0) return 0;
  if (value === undefined || !Number.isFinite(value)) return 0;
  return Math.min(total - 1, Math.max(0, Math.trunc(value) - 1));
}

/** The cards a step shows: those on the relation that brings the claim in, then the claim's own. */
export function stepCards(index: MapIndex, step: PresentStep): Card[] {
  const ids = new Set<string>(
    step.relationId !== undefined ? (index.relations.get(step.relationId)?.evidence ?? []) : [],
  );
  for (const id of index.claims.get(step.claimId)?.evidence ?? []) ids.add(id);
  return [...ids].map((id) => index.cards.get(id)).filter((c): c is Card => c !== undefined);
}
