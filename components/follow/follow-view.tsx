"use client";

import { ReactFlowProvider } from "@xyflow/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { ControlButton } from "@/components/present/control-button";
import { AudienceMap, ClaimPanel } from "@/components/present/presentation";
import { indexMap } from "@/lib/model/queries";
import type { ArgumentMap } from "@/lib/model/schema";
import { FOLLOWING, type FollowMode, followView, pageLocally, presenterStepIn } from "@/lib/present/follow";
import { presentCommandFor } from "@/lib/present/keys";
import { presentationSteps } from "@/lib/present/steps";
import { usePresentDoc } from "./use-present-doc";

export interface FollowPageProps {
  slug: string;
  map: ArgumentMap;
  /** The live server runs beside the pages. */
  live: boolean;
}

/**
 * A student's own screen during a presentation: the map and the current claim's cards at the
 * presenter's step, read-only. They may page back through what was shown and return to the
 * presenter; nothing they do moves anyone else.
 */
export function FollowPresentation({ slug, map, live }: FollowPageProps) {
  if (!live) return <NeedsLive title={map.title} />;
  return <Following slug={slug} map={map} />;
}

function NeedsLive({ title }: { title: string }) {
  return (
    <main className="grid min-h-dvh place-items-center bg-[#020617] p-6 text-slate-50">
      <div className="max-w-xl">
        <p className="text-lg text-slate-300">{title}</p>
        <h1 className="mt-2 text-3xl font-bold">Following needs the live server</h1>
        <p className="mt-4 text-xl text-slate-200" data-testid="follow-needs-live">
          This server runs without it, so it cannot show the presenter&apos;s steps. Whoever runs Clashmap can
          start it with <code className="font-mono text-yellow-300">npm start</code>.
        </p>
      </div>
    </main>
  );
}

function Following({ slug, map }: { slug: string; map: ArgumentMap }) {
  const doc = usePresentDoc(slug, { enabled: true, presenting: false });
  const index = useMemo(() => indexMap(map), [map]);
  const asked = doc.state?.from;
  const from = asked !== undefined && index.claims.has(asked) ? asked : undefined;
  const steps = useMemo(() => presentationSteps(map, { from }), [map, from]);
  const total = steps.length;
  const presenterStep = presenterStepIn(steps, doc.state);
  const [mode, setMode] = useState<FollowMode>(FOLLOWING);
  const view = followView(mode, presenterStep);
  const current = view.step !== undefined ? steps[view.step] : undefined;

  // The presenter stepped back past this reader: they are following again.
  useEffect(() => {
    if (view.following && !mode.following) setMode(FOLLOWING);
  }, [view.following, mode.following]);

  const connected = useRef(false);
  if (doc.status === "connected") connected.current = true;
  const offline = doc.status === "offline" || (doc.status === "connecting" && connected.current);

  const page = (delta: number) => setMode((m) => pageLocally(m, presenterStep, delta));
  const pageRef = useRef(page);
  pageRef.current = page;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = presentCommandFor(event)?.id;
      if (command !== "next" && command !== "previous") return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.key === " " && target?.closest("button, a")) return;
      event.preventDefault();
      pageRef.current(command === "next" ? 1 : -1);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const name = doc.state?.presenter || "the presenter";
  const status =
    view.step === undefined
      ? doc.synced || doc.status === "connected"
        ? "Waiting for the presenter to start"
        : "Connecting to the presentation…"
      : !view.following
        ? `Reading on your own · step ${view.step + 1} of ${total} · ${name} is on ${(presenterStep ?? 0) + 1}`
        : doc.presenterHere || !doc.synced
          ? `Following ${name} · step ${view.step + 1} of ${total}`
          : `${doc.state?.presenter || "The presenter"} has stopped presenting · step ${view.step + 1} of ${total}`;

  return (
    <div
      className="fixed inset-0 grid grid-rows-[auto_minmax(0,1fr)_auto] bg-[#020617] text-slate-50"
      data-testid="follow"
    >
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b-2 border-slate-700 bg-slate-950 px-4 py-2">
        <p className="mr-auto min-w-0 text-lg font-semibold" role="status" data-testid="follow-status">
          {status}
        </p>
        {offline ? (
          <p
            className="rounded-md bg-amber-300 px-2 py-0.5 text-base font-semibold text-slate-950"
            data-testid="follow-offline"
            role="alert"
          >
            <span aria-hidden="true">⚠ </span>Offline: reconnecting…
          </p>
        ) : null}
        {!view.following ? (
          <ControlButton onClick={() => setMode(FOLLOWING)}>Back to the presenter</ControlButton>
        ) : null}
      </header>
      {current ? (
        <main className="grid min-h-0 grid-rows-[minmax(0,2fr)_minmax(0,3fr)] lg:grid-cols-[minmax(0,1fr)_minmax(26rem,42%)] lg:grid-rows-1">
          <section className="min-h-0 min-w-0" aria-label="The map so far">
            <ReactFlowProvider>
              <AudienceMap map={map} index={index} steps={steps} step={view.step ?? 0} />
            </ReactFlowProvider>
          </section>
          <ClaimPanel map={map} index={index} step={current} />
        </main>
      ) : (
        <main className="grid min-h-0 place-items-center p-6">
          <div className="max-w-xl text-center">
            <h1 className="text-3xl font-bold">{map.title}</h1>
            <p className="mt-4 text-xl text-slate-300">
              {total === 0
                ? "This map has no claims to present."
                : "The presentation appears here, step by step, as the presenter goes through it."}
            </p>
          </div>
        </main>
      )}
      <footer className="flex flex-wrap items-center justify-center gap-3 border-t-2 border-slate-700 bg-slate-950 px-4 py-2">
        <ControlButton onClick={() => page(-1)} disabled={view.step === undefined || view.step === 0}>
          ← Back
        </ControlButton>
        <p className="min-w-20 text-center text-xl font-semibold tabular-nums" data-testid="follow-counter">
          {view.step !== undefined ? `${view.step + 1} / ${total}` : `– / ${total}`}
        </p>
        <ControlButton
          onClick={() => page(1)}
          disabled={view.step === undefined || presenterStep === undefined || view.step >= presenterStep}
          title="Up to where the presenter is"
        >
          On →
        </ControlButton>
      </footer>
    </div>
  );
}
