import { relationId } from "../model/ids";
import type { ArgumentMap, Card, Side } from "../model/schema";

/** A small map written for a test: claims by id and side, relations as `[from, to]` pairs. */
export interface FrameworkSpec {
  /** Claim ids with their sides; the text is the id in capitals unless `texts` says otherwise. */
  claims: Record<string, Side>;
  texts?: Record<string, string>;
  /** `[from, to]`: `to` is a claim, or a relation id for an undercut. */
  attacks?: [string, string][];
  supports?: [string, string][];
  evidence?: Card[];
  /** Cards on claims. */
  claimCards?: Record<string, string[]>;
}

/**
 * Builds a normalized map from a compact description, with relation ids as files derive them
 * (`b-attacks-a`, `s-supports-t`), for tests of the analysis.
 */
export function framework(spec: FrameworkSpec): ArgumentMap {
  const claims = Object.entries(spec.claims).map(([id, side]) => ({
    id,
    side,
    text: spec.texts?.[id] ?? id.toUpperCase(),
    ...(spec.claimCards?.[id] ? { evidence: spec.claimCards[id] } : {}),
  }));
  const relations = [
    ...(spec.supports ?? []).map(([from, to]) => ({
      id: relationId(from, "support", to),
      from,
      to,
      type: "support" as const,
    })),
    ...(spec.attacks ?? []).map(([from, to]) => ({
      id: relationId(from, "attack", to),
      from,
      to,
      type: "attack" as const,
    })),
  ];
  const sources = new Set(relations.map((r) => r.from));
  return {
    version: 1,
    title: "Test framework",
    theses: claims.filter((c) => !sources.has(c.id)).map((c) => c.id),
    claims,
    relations,
    evidence: spec.evidence ?? [],
  };
}
