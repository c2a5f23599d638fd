import { indexMap, type MapIndex, targetClaimId } from "../model/queries";
import type { ArgumentMap } from "../model/schema";

/** The spanning tree the layout draws: every claim once, under its first target. */
export interface ClaimTree {
  /** Top-level claims in order: the theses, then claims no thesis reaches (cycles). */
  roots: string[];
  /** Tree children of each claim, in file order, undercuts right after the claim they undercut from. */
  children: Map<string, string[]>;
  /** Tree parent of each non-root claim. */
  parent: Map<string, string>;
  /** The relation drawn as the tree edge of each non-root claim (undercuts have none: they point at an anchor). */
  treeRelation: Map<string, string>;
  index: MapIndex;
}

/** The claim a claim is placed under: the target of its first relation (an undercut's: the attacked relation's target). */
function primaryParent(index: MapIndex, claimId: string): string | undefined {
  for (const relation of index.outgoing.get(claimId) ?? []) {
    const target = targetClaimId(index, relation.to);
    if (target !== undefined && target !== claimId) return target;
  }
  return undefined;
}

/**
 * Builds the spanning tree of a map: theses are roots, each other claim hangs under its first
 * target, and claims that no root reaches (they only lead into a cycle) become extra roots.
 * Pass `index` when the caller has already indexed the same map, to skip indexing it again.
 */
export function buildClaimTree(
  map: Pick<ArgumentMap, "theses" | "claims" | "relations" | "evidence">,
  index: MapIndex = indexMap(map),
): ClaimTree {
  const theses = map.theses.filter((id) => index.claims.has(id));
  const thesisSet = new Set(theses);
  const candidates = new Map<string, string[]>();
  for (const claim of map.claims) {
    if (thesisSet.has(claim.id)) continue;
    const parent = primaryParent(index, claim.id);
    if (parent === undefined) continue;
    const list = candidates.get(parent);
    if (list) list.push(claim.id);
    else candidates.set(parent, [claim.id]);
  }

  const roots: string[] = [];
  const children = new Map<string, string[]>();
  const parent = new Map<string, string>();
  const treeRelation = new Map<string, string>();
  const placed = new Set<string>();

  const place = (root: string) => {
    roots.push(root);
    placed.add(root);
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      const kids = (candidates.get(id) ?? []).filter((kid) => !placed.has(kid));
      for (const kid of kids) {
        placed.add(kid);
        parent.set(kid, id);
        const relation = (index.outgoing.get(kid) ?? []).find((r) => r.to === id);
        if (relation) treeRelation.set(kid, relation.id);
      }
      children.set(id, orderUndercuts(index, kids));
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  };

  for (const thesis of theses) place(thesis);
  for (const claim of map.claims) if (!placed.has(claim.id)) place(claim.id);
  return { roots, children, parent, treeRelation, index };
}

/** Moves each undercutting child right after the sibling whose relation it attacks, so its edge stays short. */
function orderUndercuts(index: MapIndex, kids: string[]): string[] {
  const undercutSource = new Map<string, string>();
  for (const kid of kids) {
    const first = (index.outgoing.get(kid) ?? [])[0];
    const attacked = first ? index.relations.get(first.to) : undefined;
    if (attacked && kids.includes(attacked.from) && attacked.from !== kid)
      undercutSource.set(kid, attacked.from);
  }
  if (undercutSource.size === 0) return kids;
  const ordered = kids.filter((kid) => !undercutSource.has(kid));
  for (const [kid, source] of undercutSource) {
    const at = ordered.indexOf(source);
    if (at === -1) ordered.push(kid);
    else ordered.splice(at + 1, 0, kid);
  }
  return ordered;
}

/** Every claim below `id` in the tree, however deep. */
export function descendantsOf(tree: ClaimTree, id: string): string[] {
  const out: string[] = [];
  const stack = [...(tree.children.get(id) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    out.push(next);
    stack.push(...(tree.children.get(next) ?? []));
  }
  return out;
}

/** Tree depth of every claim: roots are 0. */
export function depthsOf(tree: Pick<ClaimTree, "roots" | "children">): Map<string, number> {
  const depths = new Map<string, number>();
  const stack: [string, number][] = tree.roots.map((r) => [r, 0]);
  while (stack.length > 0) {
    const [id, depth] = stack.pop()!;
    depths.set(id, depth);
    for (const kid of tree.children.get(id) ?? []) stack.push([kid, depth + 1]);
  }
  return depths;
}

/** The tree ancestors of a claim, nearest first. */
export function ancestorsOf(tree: ClaimTree, id: string): string[] {
  const out: string[] = [];
  let at = tree.parent.get(id);
  while (at !== undefined && !out.includes(at)) {
    out.push(at);
    at = tree.parent.get(at);
  }
  return out;
}

/** Every claim in reading order: each root, then its subtree depth first. */
export function treeOrder(tree: ClaimTree): string[] {
  const out: string[] = [];
  const stack = [...tree.roots].reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    out.push(id);
    const kids = tree.children.get(id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}
