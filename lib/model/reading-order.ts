import { indexMap, type MapIndex } from "./queries";
import type { ArgumentMap, Relation } from "./schema";

/** How a step's claim comes into the reading: as a root, or by the relation it starts. */
export type StepRole = "thesis" | "support" | "attack" | "undercut";

/** One claim in the reading order of a map. */
export interface ReadingStep {
  claimId: string;
  /** 0 for a thesis (or another root), one more for each answer below it. */
  depth: number;
  role: StepRole;
  /** The relation this claim starts that brings it here; absent for roots. */
  relation?: Relation;
  /**
   * The claim this step sits under: the target of a support or attack, or for an undercut the
   * source of the relation it attacks (the claim whose link it answers). Absent for roots.
   */
  parentId?: string;
  /**
   * True when the claim is shown in full at another step (earlier, or in its own root section):
   * this step only refers to it and has no steps of its own below it.
   */
  repeat: boolean;
}

export interface ReadingOrderOptions {
  /** Read only the subtree of this claim, starting with it as the root. */
  from?: string;
}

/**
 * The map in the order a debater reads it: each thesis, then the supports of a claim and then
 * its attacks, depth first, so every answer follows what it answers. An undercut follows the link
 * it attacks. A claim reached twice is in full once and a reference after; a thesis met inside
 * another thesis's tree is a reference to its own section. Claims no thesis reaches (cycles,
 * orphans) get sections of their own at the end, so every claim and every relation appears.
 */
export function readingOrder(map: ArgumentMap, options: ReadingOrderOptions = {}): ReadingStep[] {
  return readingOrderIn(map, indexMap(map), options);
}

/** `readingOrder` on a prebuilt index. */
export function readingOrderIn(
  map: Pick<ArgumentMap, "theses" | "claims">,
  index: MapIndex,
  options: ReadingOrderOptions = {},
): ReadingStep[] {
  const steps: ReadingStep[] = [];
  const shown = new Set<string>();
  const roots = new Set<string>();
  if (options.from !== undefined) {
    if (index.claims.has(options.from)) roots.add(options.from);
  } else {
    for (const id of map.theses) if (index.claims.has(id)) roots.add(id);
  }

  // An explicit stack rather than recursion: deep maps (thousands of levels) must not overflow.
  type Frame =
    | { kind: "claim"; step: ReadingStep }
    | { kind: "answers"; targetId: string; depth: number; parentId: string };

  const walk = (rootId: string) => {
    const stack: Frame[] = [
      { kind: "claim", step: { claimId: rootId, depth: 0, role: "thesis", repeat: false } },
    ];
    while (stack.length > 0) {
      const frame = stack.pop() as Frame;
      if (frame.kind === "claim") {
        const { step } = frame;
        const id = step.claimId;
        const isOtherRoot = step.depth > 0 && roots.has(id);
        const repeat = isOtherRoot || shown.has(id);
        if (!repeat) shown.add(id);
        steps.push({ ...step, repeat });
        // Pushed in reverse: undercuts of the link that brought us here come first, then this
        // claim's own supports and attacks. The link's undercuts are read even when the claim
        // itself is a repeat, since they answer this link and no other.
        const later: Frame[] = [];
        if (step.relation)
          later.push({ kind: "answers", targetId: step.relation.id, depth: step.depth + 1, parentId: id });
        if (!repeat) later.push({ kind: "answers", targetId: id, depth: step.depth + 1, parentId: id });
        for (let i = later.length - 1; i >= 0; i--) stack.push(later[i]);
      } else {
        const incoming = index.incoming.get(frame.targetId) ?? [];
        const undercut = index.relations.has(frame.targetId);
        const ordered = undercut
          ? incoming
          : [...incoming.filter((r) => r.type === "support"), ...incoming.filter((r) => r.type === "attack")];
        for (let i = ordered.length - 1; i >= 0; i--) {
          const relation = ordered[i];
          if (!index.claims.has(relation.from)) continue;
          stack.push({
            kind: "claim",
            step: {
              claimId: relation.from,
              depth: frame.depth,
              role: undercut ? "undercut" : relation.type,
              relation,
              parentId: frame.parentId,
              repeat: false,
            },
          });
        }
      }
    }
  };

  for (const id of roots) walk(id);
  if (options.from === undefined) {
    for (const claim of map.claims) {
      if (shown.has(claim.id)) continue;
      roots.add(claim.id);
      walk(claim.id);
    }
  }
  return steps;
}

/** The claims of a reading order in full, once each, in order: the steps a presentation reveals. */
export function claimsInReadingOrder(steps: readonly ReadingStep[]): string[] {
  return steps.filter((s) => !s.repeat).map((s) => s.claimId);
}

/** A reading step with the steps that sit under it (one level deeper, until the next sibling). */
export interface ReadingNode {
  step: ReadingStep;
  children: ReadingNode[];
}

/** Nests a reading order by depth, for views that render it as a tree (the outline). */
export function nestReadingOrder(steps: readonly ReadingStep[]): ReadingNode[] {
  const roots: ReadingNode[] = [];
  // open[d] is the last node seen at depth d, the parent of whatever comes next at depth d + 1.
  const open: ReadingNode[] = [];
  for (const step of steps) {
    const node: ReadingNode = { step, children: [] };
    const parent = step.depth > 0 ? open[step.depth - 1] : undefined;
    (parent ? parent.children : roots).push(node);
    open[step.depth] = node;
    open.length = step.depth + 1;
  }
  return roots;
}
