"use client";

import { type ReactNode, useId } from "react";
import { StatusBadge, StatusIcon } from "@/components/map/claim-status";
import { useMapView } from "@/components/map/map-view";
import { ToolbarLabel } from "@/components/ui/toolbar-label";
import { WARNING_KINDS, WARNING_TITLES } from "@/lib/analysis/evidence";
import { STATUS_LABELS } from "@/lib/analysis/explain";
import type { Status } from "@/lib/analysis/grounded";
import { keysLabel } from "@/lib/commands/registry";
import { workspaceCommand } from "@/lib/commands/workspace";
import type { Side } from "@/lib/model/schema";
import { useAnalysis } from "./analysis-context";
import { useFocusClaim } from "./use-focus-claim";

/** How the help and the button's title write the key that shows and hides the analysis. */
const ANALYSIS_KEY = keysLabel(workspaceCommand("toggle-analysis"));

/** The toolbar's Analysis button: pressed while the statuses and the panel are shown. */
export function AnalysisToggle() {
  const { on, toggle } = useAnalysis();
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={toggle}
      title={`Show which claims stand, unanswered arguments and evidence warnings (${ANALYSIS_KEY})`}
      className={`shrink-0 whitespace-nowrap rounded-md border px-2.5 py-1 text-sm font-medium ${
        on
          ? "border-slate-800 bg-slate-800 text-white dark:border-slate-200 dark:bg-slate-200 dark:text-slate-900"
          : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
      }`}
    >
      <ToolbarLabel icon="analysis">Analysis</ToolbarLabel>
    </button>
  );
}

const MEANINGS: Record<Status, string> = {
  in: "every attack on it is refuted or undercut (or it has none)",
  out: "a claim that stands attacks it",
  undecided: "caught in attacks that nothing settles, such as a mutual attack or a cycle",
};

const SIDE_NAMES: Record<Side, string> = { aff: "Aff", neg: "Neg" };

const LINK =
  "w-full rounded text-left text-sm text-blue-800 underline decoration-1 underline-offset-2 hover:text-blue-950 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 dark:text-blue-300 dark:hover:text-blue-100 dark:focus-visible:ring-sky-400";

const HEADING = "text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400";

/** A button that selects a claim and brings it into view with keyboard focus. */
function FocusButton({ claimId, children }: { claimId: string; children: ReactNode }) {
  const focusClaim = useFocusClaim();
  return (
    <button type="button" className={LINK} onClick={() => focusClaim(claimId, true)}>
      {children}
    </button>
  );
}

function UnansweredList({ side, ids }: { side: Side; ids: string[] }) {
  const { index } = useMapView();
  const { analysis } = useAnalysis();
  const headingId = useId();
  const other = side === "aff" ? "neg" : "aff";
  return (
    <section aria-labelledby={headingId} className="mt-3" data-testid={`unanswered-${side}`}>
      <h4 id={headingId} className="text-sm font-semibold">
        {SIDE_NAMES[side]} arguments {SIDE_NAMES[other]} has not answered ({ids.length})
      </h4>
      {ids.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">None: every one is answered.</p>
      ) : (
        <ul className="mt-1 space-y-1.5">
          {ids.map((id) => {
            const status = analysis?.byClaim.get(id)?.status ?? "undecided";
            return (
              <li key={id} className="flex items-start gap-1.5">
                <span className="mt-0.5 shrink-0" title={STATUS_LABELS[status]}>
                  <StatusIcon status={status} className="h-3.5 w-3.5" />
                  <span className="sr-only">{STATUS_LABELS[status]}: </span>
                </span>
                <FocusButton claimId={id}>{index.claims.get(id)?.text ?? id}</FocusButton>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function SinceField() {
  const { since, setSince } = useAnalysis();
  const id = useId();
  return (
    <p className="mt-2 flex items-center gap-2 text-sm">
      <label htmlFor={id}>Flag cards older than</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1000}
        max={9999}
        placeholder="year"
        defaultValue={since}
        onChange={(event) => {
          const value = event.target.value;
          setSince(/^\d{4}$/.test(value) ? Number(value) : undefined);
        }}
        className="w-20 rounded-md border border-slate-400 bg-white px-2 py-0.5 text-sm text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100"
      />
    </p>
  );
}

function Warnings() {
  const { analysis } = useAnalysis();
  const headingId = useId();
  const warnings = analysis?.warnings ?? [];
  return (
    <section aria-labelledby={headingId} className="mt-6" data-testid="analysis-warnings">
      <h3 id={headingId} className={HEADING}>
        Evidence warnings ({warnings.length})
      </h3>
      <SinceField />
      {warnings.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No warnings.</p>
      ) : null}
      {WARNING_KINDS.map((kind) => {
        const ofKind = warnings.filter((w) => w.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind} className="mt-3" aria-label={WARNING_TITLES[kind]}>
            <h4 className="text-sm font-semibold">
              {WARNING_TITLES[kind]} ({ofKind.length})
            </h4>
            <ul className="mt-1 space-y-1.5">
              {ofKind.map((warning) => (
                <li key={`${warning.id}:${warning.message}`} data-kind={kind}>
                  {warning.claimId ? (
                    <FocusButton claimId={warning.claimId}>{warning.message}</FocusButton>
                  ) : (
                    <span className="text-sm">{warning.message} (no claim quotes it)</span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

/** The analysis panel: how many claims stand or fall, the unanswered arguments per side, the evidence warnings. */
export function AnalysisPanel() {
  const { analysis } = useAnalysis();
  const headingId = useId();
  if (!analysis) return null;
  const counts: Record<Status, number> = { in: 0, out: 0, undecided: 0 };
  for (const claim of analysis.claims) counts[claim.status]++;
  return (
    <aside
      aria-labelledby={headingId}
      data-testid="analysis-panel"
      className="h-full overflow-y-auto break-words border-r border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-950"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        Analysis
      </h2>
      <ul className="mt-2 space-y-1.5 text-sm" aria-label="Statuses">
        {(["in", "out", "undecided"] as const).map((status) => (
          <li key={status} className="flex items-start gap-2">
            <StatusBadge status={status} className="mt-0.5 shrink-0" />
            <span>
              <span className="font-semibold" data-testid={`count-${status}`}>
                {counts[status]}
              </span>
              : {MEANINGS[status]}
            </span>
          </li>
        ))}
      </ul>
      <section aria-labelledby={`${headingId}-unanswered`} className="mt-6">
        <h3 id={`${headingId}-unanswered`} className={HEADING}>
          Unanswered arguments
        </h3>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Claims no claim of the other side attacks or undercuts, shallowest first.
        </p>
        <UnansweredList side="aff" ids={analysis.unanswered.aff} />
        <UnansweredList side="neg" ids={analysis.unanswered.neg} />
      </section>
      <Warnings />
    </aside>
  );
}
