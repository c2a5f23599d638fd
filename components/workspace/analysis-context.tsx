"use client";

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ClaimStatusProvider } from "@/components/map/claim-status";
import { useMapStore } from "@/components/map/map-store";
import { useMapView } from "@/components/map/map-view";
import { analyzeMap, type MapAnalysis } from "@/lib/analysis/analyze";

/** The URL parameter that keeps the analysis shown: `?analysis=1`. */
export const ANALYSIS_PARAM = "analysis";

export interface AnalysisState {
  on: boolean;
  toggle: () => void;
  /** Cards dated before this year are flagged; no age check when undefined. */
  since: number | undefined;
  setSince: (year: number | undefined) => void;
  /** The analysis of the current model while shown, else null. */
  analysis: MapAnalysis | null;
}

const AnalysisContext = createContext<AnalysisState | null>(null);

/**
 * Shows or hides the analysis of the open map. The analysis is derived from the store's model on
 * every change (nothing else is kept), and whether it is shown lives in the address.
 */
export function AnalysisProvider({
  initiallyOn = false,
  children,
}: {
  initiallyOn?: boolean;
  children: ReactNode;
}) {
  const [on, setOn] = useState(initiallyOn);
  const [since, setSince] = useState<number | undefined>(undefined);
  const model = useMapStore((s) => s.model);
  const { index } = useMapView();
  const analysis = useMemo(
    () => (on ? analyzeMap(model, { index, since }) : null),
    [on, model, index, since],
  );
  const toggle = useCallback(() => setOn((value) => !value), []);

  useEffect(() => {
    const url = new URL(window.location.href);
    if (on) url.searchParams.set(ANALYSIS_PARAM, "1");
    else url.searchParams.delete(ANALYSIS_PARAM);
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
  }, [on]);

  const value = useMemo(() => ({ on, toggle, since, setSince, analysis }), [on, toggle, since, analysis]);
  return (
    <AnalysisContext.Provider value={value}>
      <ClaimStatusProvider value={analysis?.byClaim ?? null}>{children}</ClaimStatusProvider>
    </AnalysisContext.Provider>
  );
}

/** Whether the analysis is shown, the toggle, and the analysis itself. */
export function useAnalysis(): AnalysisState {
  const state = useContext(AnalysisContext);
  if (!state) throw new Error("useAnalysis must be used inside an AnalysisProvider");
  return state;
}

/** The analysis while it is shown, else null (also outside an AnalysisProvider, for views without one). */
export function useShownAnalysis(): MapAnalysis | null {
  return useContext(AnalysisContext)?.analysis ?? null;
}
