import { indexMap, type MapIndex } from "../model/queries";
import type { ArgumentMap } from "../model/schema";
import { type EvidenceOptions, type EvidenceWarning, evidenceWarnings } from "./evidence";
import { claimReason } from "./explain";
import { groundedLabelling, type Labelling, type Status } from "./grounded";
import { type Unanswered, unansweredArguments } from "./unanswered";

/** A claim's status and why. */
export interface ClaimVerdict {
  id: string;
  status: Status;
  reason: string;
}

/** Everything the analysis says about one map. */
export interface MapAnalysis {
  labelling: Labelling;
  /** Every claim in file order. */
  claims: ClaimVerdict[];
  byClaim: Map<string, ClaimVerdict>;
  unanswered: Unanswered;
  warnings: EvidenceWarning[];
}

export interface AnalyzeOptions extends EvidenceOptions {
  /** A prebuilt index of the same map. */
  index?: MapIndex;
}

/** Analyses a map: the status of every claim with its reason, unanswered arguments per side, evidence warnings. */
export function analyzeMap(map: ArgumentMap, options: AnalyzeOptions = {}): MapAnalysis {
  const index = options.index ?? indexMap(map);
  const labelling = groundedLabelling(index);
  const claims = map.claims.map((claim) => ({
    id: claim.id,
    status: labelling.claims.get(claim.id) ?? "undecided",
    reason: claimReason(index, labelling, claim.id),
  }));
  return {
    labelling,
    claims,
    byClaim: new Map(claims.map((c) => [c.id, c])),
    unanswered: unansweredArguments(map, index),
    warnings: evidenceWarnings(map, index, labelling, options),
  };
}

/** The analysis in the command line's JSON shape: `{claims:[{id,status,reason}], unanswered:{aff,neg}, warnings:[{kind,id,message}]}`. */
export interface AnalysisJson {
  claims: ClaimVerdict[];
  unanswered: Unanswered;
  warnings: { kind: EvidenceWarning["kind"]; id: string; message: string }[];
}

/** Reduces an analysis to its JSON shape, with exactly the documented fields. */
export function analysisJson(analysis: MapAnalysis): AnalysisJson {
  return {
    claims: analysis.claims.map(({ id, status, reason }) => ({ id, status, reason })),
    unanswered: { aff: [...analysis.unanswered.aff], neg: [...analysis.unanswered.neg] },
    warnings: analysis.warnings.map(({ kind, id, message }) => ({ kind, id, message })),
  };
}

/** What the library shows of a map's analysis. */
export interface AnalysisCounts {
  unanswered: number;
  warnings: number;
}

/** Counts of unanswered arguments (both sides) and evidence warnings (without an age check). */
export function analysisCounts(map: ArgumentMap): AnalysisCounts {
  const analysis = analyzeMap(map);
  return {
    unanswered: analysis.unanswered.aff.length + analysis.unanswered.neg.length,
    warnings: analysis.warnings.length,
  };
}
