"use client";

import { StatusBadge, StatusIcon } from "@/components/map/claim-status";
import { useMapView } from "@/components/map/map-view";
import { relationReason } from "@/lib/analysis/explain";
import { useShownAnalysis } from "./analysis-context";

const BOX =
  "mt-3 rounded-md border border-slate-300 bg-white p-2.5 text-sm dark:border-slate-600 dark:bg-slate-900";

/** In the inspector, while the analysis is shown: the claim's status and why, whether it is answered, its warnings. */
export function ClaimAnalysisNote({ id }: { id: string }) {
  const analysis = useShownAnalysis();
  const { index } = useMapView();
  const verdict = analysis?.byClaim.get(id);
  const claim = index.claims.get(id);
  if (!analysis || !verdict || !claim) return null;
  const unanswered = analysis.unanswered[claim.side].includes(id);
  const warnings = analysis.warnings.filter((w) => w.claimId === id);
  return (
    <section aria-label="Analysis of this claim" data-testid="claim-analysis" className={BOX}>
      <p>
        <StatusBadge status={verdict.status} className="mr-1.5 align-middle" />
        <span data-testid="claim-reason">{verdict.reason}</span>
      </p>
      {unanswered ? (
        <p className="mt-1.5 text-slate-700 dark:text-slate-300">
          Unanswered: no {claim.side === "aff" ? "Neg" : "Aff"} claim attacks it or undercuts its link.
        </p>
      ) : null}
      {warnings.length > 0 ? (
        <ul
          className="mt-1.5 list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300"
          aria-label="Warnings"
        >
          {warnings.map((w) => (
            <li key={`${w.kind}:${w.id}:${w.message}`}>{w.message}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** In the inspector, while the analysis is shown: whether a relation counts, and why. */
export function RelationAnalysisNote({ id }: { id: string }) {
  const analysis = useShownAnalysis();
  const { index } = useMapView();
  const status = analysis?.labelling.relations.get(id);
  if (!analysis || !status) return null;
  const reason = relationReason(index, analysis.labelling, id);
  return (
    <section aria-label="Analysis of this link" data-testid="relation-analysis" className={BOX}>
      <p className="flex items-start gap-1.5">
        <StatusIcon status={status} className="mt-0.5 h-4 w-4 shrink-0" />
        <span>{reason}</span>
      </p>
    </section>
  );
}
