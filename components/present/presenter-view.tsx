"use client";

import { type ReactNode, useEffect, useState } from "react";
import type { MapIndex } from "@/lib/model/queries";
import type { ArgumentMap } from "@/lib/model/schema";
import { formatElapsed } from "@/lib/present/links";
import { type PresentStep, stepCards } from "@/lib/present/steps";
import { ControlButton } from "./control-button";
import type { Controls } from "./controls";
import { PresentCard } from "./present-card";
import { ROLE_TEXT } from "./step-text";

/** A running clock from when the presenter window opened, with pause and reset. */
function useTimer() {
  const [started, setStarted] = useState(() => Date.now());
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, []);
  const elapsed = (pausedAt ?? now) - started;
  return {
    elapsed,
    paused: pausedAt !== null,
    toggle: () => {
      if (pausedAt === null) setPausedAt(Date.now());
      else {
        setStarted((s) => s + (Date.now() - pausedAt));
        setPausedAt(null);
      }
    },
    reset: () => {
      setStarted(Date.now());
      setNow(Date.now());
      setPausedAt((p) => (p === null ? null : Date.now()));
    },
  };
}

function StepSummary({ index, step, large }: { index: MapIndex; step: PresentStep; large: boolean }) {
  const claim = index.claims.get(step.claimId);
  const parent = step.parentId !== undefined ? index.claims.get(step.parentId) : undefined;
  const role = ROLE_TEXT[step.role];
  if (!claim) return null;
  return (
    <>
      <p className={`text-lg font-semibold uppercase tracking-wide ${role.className}`}>
        <span aria-hidden="true">{role.symbol} </span>
        {claim.side.toUpperCase()} · {role.label}
        {parent && step.role !== "thesis" ? (
          <span className="block font-normal normal-case tracking-normal text-slate-200">{parent.text}</span>
        ) : null}
      </p>
      <p
        className={`mt-2 font-bold leading-tight text-white ${large ? "text-4xl" : "text-2xl"}`}
        data-testid={large ? "presenter-current" : "presenter-next"}
      >
        {claim.text}
      </p>
    </>
  );
}

/**
 * The presenter's window: the current and the next step, the claim's notes, its cards and a
 * timer. The audience's window follows whatever step is shown here.
 */
export function PresenterView({
  map,
  index,
  steps,
  controls,
  room,
}: {
  map: ArgumentMap;
  index: MapIndex;
  steps: readonly PresentStep[];
  controls: Controls;
  /** The map as the audience sees it. */
  room: ReactNode;
}) {
  const { step, total, typed, blank } = controls;
  const timer = useTimer();
  const current = steps[step];
  const next = steps[step + 1];
  const claim = current ? index.claims.get(current.claimId) : undefined;
  const cards = current ? stepCards(index, current) : [];
  return (
    <div className="min-h-dvh bg-[#020617] text-slate-50 print:hidden" data-testid="presenter-view">
      <header className="sticky top-0 z-10 flex flex-wrap items-center gap-4 border-b-2 border-slate-700 bg-slate-950 px-6 py-3">
        <h1 className="mr-auto min-w-0 truncate text-xl font-semibold">Presenter view · {map.title}</h1>
        <p className="text-3xl font-semibold tabular-nums" role="timer" aria-label="Time presenting">
          {formatElapsed(timer.elapsed)}
        </p>
        <ControlButton onClick={timer.toggle}>{timer.paused ? "Resume timer" : "Pause timer"}</ControlButton>
        <ControlButton onClick={timer.reset}>Reset timer</ControlButton>
      </header>
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-800 px-6 py-3">
        <ControlButton onClick={controls.previous} disabled={step === 0}>
          ← Previous
        </ControlButton>
        <ControlButton onClick={controls.next} disabled={step >= total - 1}>
          Next →
        </ControlButton>
        <p className="min-w-24 text-center text-2xl font-semibold tabular-nums" data-testid="step-counter">
          {total > 0 ? step + 1 : 0} / {total}
        </p>
        {typed ? <p className="text-xl text-yellow-300">Go to {typed}… (Enter)</p> : null}
        <div
          role="progressbar"
          aria-label="Progress through the presentation"
          aria-valuemin={1}
          aria-valuemax={Math.max(1, total)}
          aria-valuenow={step + 1}
          className="h-3 min-w-40 flex-1 rounded bg-slate-800"
        >
          <div
            className="h-full rounded bg-yellow-400"
            style={{ width: `${total > 0 ? ((step + 1) / total) * 100 : 0}%` }}
          />
        </div>
        <ControlButton onClick={controls.toggleBlank} aria-pressed={blank} data-testid="blank-audience">
          {blank ? "Show the audience screen" : "Blank the audience screen (B)"}
        </ControlButton>
        <ControlButton onClick={controls.print}>Print handout</ControlButton>
        <ControlButton onClick={controls.help} aria-haspopup="dialog" aria-label="Shortcuts">
          ?
        </ControlButton>
      </div>
      <main className="grid gap-8 break-words px-6 py-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="presenter-now" className="min-w-0">
          <h2
            id="presenter-now"
            className="text-base font-semibold uppercase tracking-widest text-yellow-300"
          >
            Now · step {step + 1}
          </h2>
          {current ? <StepSummary index={index} step={current} large /> : null}
          <h3 className="mt-6 text-base font-semibold uppercase tracking-widest text-slate-300">Notes</h3>
          <p className="mt-1 whitespace-pre-wrap text-xl leading-relaxed" data-testid="presenter-notes">
            {claim?.notes?.trim() ? claim.notes : "No notes on this claim."}
          </p>
          <h3 className="mt-6 text-base font-semibold uppercase tracking-widest text-slate-300">Cards</h3>
          {cards.length > 0 ? (
            <div className="mt-2 space-y-4">
              {cards.map((card) => (
                <PresentCard key={card.id} card={card} compact />
              ))}
            </div>
          ) : (
            <p className="mt-1 text-xl">No cards on this claim.</p>
          )}
        </section>
        <section aria-labelledby="presenter-next-heading" className="min-w-0">
          <h2
            id="presenter-next-heading"
            className="text-base font-semibold uppercase tracking-widest text-slate-300"
          >
            Next{next ? ` · step ${step + 2}` : ""}
          </h2>
          {next ? (
            <div className="mt-1 rounded-xl border border-slate-700 bg-slate-900 p-5">
              <StepSummary index={index} step={next} large={false} />
            </div>
          ) : (
            <p className="mt-1 text-2xl" data-testid="presenter-next">
              End of the presentation.
            </p>
          )}
          <h2 className="mt-6 text-base font-semibold uppercase tracking-widest text-slate-300">
            What the room sees
          </h2>
          <div className="mt-1 h-[26rem] overflow-hidden rounded-xl border border-slate-700">
            {blank ? (
              <p className="flex h-full items-center justify-center bg-black text-xl text-slate-300">
                The audience screen is blank.
              </p>
            ) : (
              room
            )}
          </div>
        </section>
      </main>
    </div>
  );
}
