"use client";

import { ReactFlowProvider } from "@xyflow/react";
import { useRouter } from "next/navigation";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FollowOverlay } from "@/components/follow/follow-overlay";
import { useFollowPresenter } from "@/components/follow/use-follow-presenter";
import { toFlow } from "@/lib/graph/to-flow";
import { layoutMap } from "@/lib/layout/layout";
import { indexMap, type MapIndex } from "@/lib/model/queries";
import type { ArgumentMap } from "@/lib/model/schema";
import { type PresentCommandId, presentCommandFor, typeDigit } from "@/lib/present/keys";
import { presentHref, workspaceHref } from "@/lib/present/links";
import {
  type PresentStep,
  presentationSteps,
  revealedAt,
  stepCards,
  stepFromParam,
} from "@/lib/present/steps";
import { ControlButton } from "./control-button";
import type { Controls } from "./controls";
import { PresentCard } from "./present-card";
import { type OpenHelp, PresentHelp } from "./present-help";
import { PresentMap } from "./present-map";
import { PresenterView } from "./presenter-view";
import { ROLE_TEXT } from "./step-text";
import { useFullscreen } from "./use-fullscreen";
import { usePresentSync } from "./use-present-sync";

export interface PresentationProps {
  slug: string;
  map: ArgumentMap;
  /** Present this claim's subtree only (`?from=`). */
  from?: string;
  /** The step asked for in the address, 1-based (`?step=`). */
  step?: number;
  view?: "presenter";
  /** The printed handout, rendered on the server; hidden on screen. */
  handout?: ReactNode;
  /** The live server runs: the step is published for followers (`/maps/<slug>/follow`). */
  live?: boolean;
  /** The page was opened at a local-only address (localhost): other devices cannot use its links. */
  localOnly?: boolean;
}

/** A classroom presentation of a map: the audience's screen, or with `view` the presenter's. */
export function Presentation(props: PresentationProps) {
  const { slug, map, from, step: askedStep, view, handout, live, localOnly } = props;
  const router = useRouter();
  const index = useMemo(() => indexMap(map), [map]);
  const steps = useMemo(() => presentationSteps(map, { from }), [map, from]);
  const total = steps.length;
  const [step, setStep] = useState(() => stepFromParam(askedStep, total));
  const [blank, setBlank] = useState(false);
  const [typed, setTyped] = useState("");
  const help = useRef<OpenHelp>(null);
  const fullscreen = useFullscreen();
  const presenter = view === "presenter";
  const current = steps[step] as PresentStep | undefined;

  const follow = useFollowPresenter({
    slug,
    live: live === true,
    localOnly,
    from,
    step,
    claimId: current?.claimId,
  });
  const { open: followOpen, toggle: toggleFollow, close: closeFollow } = follow;

  const go = useCallback((to: number) => setStep(Math.min(Math.max(0, to), Math.max(0, total - 1))), [total]);
  usePresentSync({
    slug,
    from,
    explicitStep: askedStep !== undefined,
    step,
    blank,
    apply: (to, blanked) => {
      go(to);
      setBlank(blanked);
    },
  });

  // The step is shareable: keep it in the address, without a navigation.
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set("step", String(step + 1));
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
  }, [step]);

  const exit = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    router.push(workspaceHref(slug, current?.claimId));
  }, [router, slug, current?.claimId]);

  const run = useCallback(
    (id: PresentCommandId, key: string) => {
      // While the audience's screen is blank, a key brings it back without moving on unseen.
      if (blank && !presenter && id !== "blank") {
        if (id !== "digit") setBlank(false);
        return;
      }
      if (id !== "digit" && id !== "jump") setTyped("");
      switch (id) {
        case "next":
          go(step + 1);
          return;
        case "previous":
          go(step - 1);
          return;
        case "first":
          go(0);
          return;
        case "last":
          go(total - 1);
          return;
        case "digit":
          setTyped((t) => typeDigit(t, key));
          return;
        case "jump":
          if (typed) go(Number(typed) - 1);
          setTyped("");
          return;
        case "blank":
          setBlank((b) => !b);
          return;
        case "fullscreen":
          fullscreen.toggle();
          return;
        case "help":
          help.current?.();
          return;
        case "follow":
          toggleFollow();
          return;
        case "exit":
          if (followOpen) closeFollow();
          else if (!presenter) exit();
          return;
      }
    },
    [blank, presenter, go, step, total, typed, fullscreen, exit, followOpen, toggleFollow, closeFollow],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (document.querySelector("dialog[open]")) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      // Letters typed into a field (the presenter's name) are text, not commands; Escape still closes.
      if (event.key !== "Escape" && target?.closest("input, textarea, select")) return;
      // A focused button or link takes Space and Enter itself (controls drop focus after a mouse
      // click), except Enter ending a typed step number.
      const typedJump = event.key === "Enter" && typed !== "";
      if ((event.key === " " || event.key === "Enter") && !typedJump && target?.closest("button, a, summary"))
        return;
      const command = presentCommandFor(event);
      if (!command) return;
      if (command.id === "jump" && !typed) return;
      event.preventDefault();
      run(command.id, event.key);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [run, typed]);

  const openPresenter = () => {
    window.open(
      presentHref(slug, { from, step: step + 1, view: "presenter" }),
      `clashmap-presenter-${slug}`,
      "popup,width=1280,height=800",
    );
  };

  const controls: Controls = {
    step,
    total,
    typed,
    blank,
    fullscreen,
    previous: () => run("previous", ""),
    next: () => run("next", ""),
    toggleBlank: () => setBlank((b) => !b),
    help: () => help.current?.(),
    print: () => window.print(),
    openPresenter,
    toggleFollow,
    exit,
  };

  if (presenter) {
    return (
      <>
        <PresenterView
          map={map}
          index={index}
          steps={steps}
          controls={controls}
          room={
            <ReactFlowProvider>
              <AudienceMap map={map} index={index} steps={steps} step={step} />
            </ReactFlowProvider>
          }
        />
        <PresentHelp open={help} />
        {followOpen ? <FollowOverlay slug={slug} follow={follow} /> : null}
        {handout}
      </>
    );
  }

  return (
    <>
      <div
        className="fixed inset-0 grid grid-rows-[minmax(0,1fr)_auto] bg-[#020617] text-slate-50 print:hidden"
        data-testid="presentation"
      >
        <main className="grid min-h-0 grid-cols-[minmax(0,1fr)_minmax(26rem,42%)]">
          <section className="min-h-0 min-w-0" aria-label="The map so far">
            <ReactFlowProvider>
              <AudienceMap map={map} index={index} steps={steps} step={step} />
            </ReactFlowProvider>
          </section>
          {current ? (
            <ClaimPanel map={map} index={index} step={current} />
          ) : (
            <p className="p-10 text-3xl">This map has no claims to present.</p>
          )}
        </main>
        <ControlBar title={map.title} controls={controls} />
      </div>
      <p className="sr-only" aria-live="polite" data-testid="step-announcement">
        {current ? `Step ${step + 1} of ${total}: ${index.claims.get(current.claimId)?.text ?? ""}` : ""}
      </p>
      {blank ? (
        <button
          type="button"
          data-testid="blank-screen"
          className="fixed inset-0 z-50 cursor-default bg-black text-transparent focus:outline-none print:hidden"
          onClick={() => setBlank(false)}
          aria-label="The screen is blank. Press B or click to show it again."
          // biome-ignore lint/a11y/noAutofocus: the blank screen takes focus so B and clicks land on it
          autoFocus
        />
      ) : null}
      <PresentHelp open={help} />
      {followOpen ? <FollowOverlay slug={slug} follow={follow} /> : null}
      {handout}
    </>
  );
}

export function AudienceMap({
  map,
  index,
  steps,
  step,
}: {
  map: ArgumentMap;
  index: MapIndex;
  steps: readonly PresentStep[];
  step: number;
}) {
  // The whole map is laid out once, so claims keep their places as they appear. Left to right, as
  // on a flow sheet: siblings stack down the screen, so a claim and the claim it answers sit close
  // together and the camera frames them large, where top-down spreads siblings far apart.
  const layout = useMemo(() => layoutMap(map, { direction: "LR" }), [map]);
  const flow = useMemo(() => toFlow(layout, index), [layout, index]);
  const revealed = useMemo(() => revealedAt(steps, step), [steps, step]);
  return <PresentMap layout={layout} flow={flow} steps={steps} step={step} revealed={revealed} />;
}

/** The current claim at projector size beside the map: its role, what it answers, and its cards. */
export function ClaimPanel({ map, index, step }: { map: ArgumentMap; index: MapIndex; step: PresentStep }) {
  const claim = index.claims.get(step.claimId);
  const parent = step.parentId !== undefined ? index.claims.get(step.parentId) : undefined;
  const role = ROLE_TEXT[step.role];
  const cards = stepCards(index, step);
  const panel = useRef<HTMLElement>(null);
  // A new step starts at the top of its cards.
  useEffect(() => {
    if (step.claimId) panel.current?.scrollTo({ top: 0 });
  }, [step.claimId]);
  if (!claim) return null;
  return (
    <aside
      ref={panel}
      aria-label="Current claim and its cards"
      data-testid="card-panel"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: long cards scroll, and a scrolling region must take keyboard focus
      tabIndex={0}
      className="min-h-0 overflow-y-auto break-words border-l-2 border-slate-700 bg-slate-950 px-[clamp(1.5rem,2.5vw,3.5rem)] py-[clamp(1.5rem,3vh,3rem)]"
    >
      <h1 className="text-lg font-medium text-slate-300">{map.title}</h1>
      <p
        className={`mt-6 text-[clamp(1.1rem,1.3vw,1.75rem)] font-semibold uppercase tracking-wide ${role.className}`}
      >
        <span aria-hidden="true">{role.symbol} </span>
        {claim.side.toUpperCase()} · {role.label}
        {parent && step.role !== "thesis" ? (
          <span className="mt-1 block text-[0.85em] font-normal normal-case tracking-normal text-slate-200">
            {parent.text}
          </span>
        ) : null}
      </p>
      <h2
        className="mt-4 text-[clamp(1.75rem,2.5vw,3.25rem)] font-bold leading-tight text-white"
        data-testid="current-claim-text"
      >
        {claim.text}
      </h2>
      {cards.length > 0 ? (
        <div className="mt-8 space-y-6">
          {cards.map((card) => (
            <PresentCard key={card.id} card={card} />
          ))}
        </div>
      ) : (
        <p className="mt-8 text-xl text-slate-300">No cards on this claim.</p>
      )}
    </aside>
  );
}

function ControlBar({ title, controls }: { title: string; controls: Controls }) {
  const { step, total, typed, fullscreen } = controls;
  return (
    <footer className="border-t-2 border-slate-700 bg-slate-950">
      <div
        role="progressbar"
        aria-label="Progress through the presentation"
        aria-valuemin={1}
        aria-valuemax={Math.max(1, total)}
        aria-valuenow={step + 1}
        aria-valuetext={`Step ${step + 1} of ${total}`}
        className="h-2 bg-slate-800"
        data-testid="progress"
      >
        <div
          className="h-full bg-yellow-400 transition-[width] duration-500"
          style={{ width: `${total > 0 ? ((step + 1) / total) * 100 : 0}%` }}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3 px-5 py-3">
        <ControlButton onClick={controls.previous} disabled={step === 0}>
          ← Previous
        </ControlButton>
        <ControlButton onClick={controls.next} disabled={step >= total - 1}>
          Next →
        </ControlButton>
        <p className="min-w-24 text-center text-2xl font-semibold tabular-nums" data-testid="step-counter">
          {total > 0 ? step + 1 : 0} / {total}
        </p>
        {typed ? (
          <p className="text-xl text-yellow-300" data-testid="typed-step">
            Go to {typed}… (Enter)
          </p>
        ) : null}
        <p className="mr-auto min-w-0 flex-[1_1_8rem] truncate text-base text-slate-300" title={title}>
          {title}
        </p>
        {fullscreen.supported ? (
          <ControlButton onClick={fullscreen.toggle} aria-pressed={fullscreen.active} title="Full screen (F)">
            Full screen
          </ControlButton>
        ) : null}
        <ControlButton onClick={controls.openPresenter}>Presenter view</ControlButton>
        <ControlButton
          onClick={controls.toggleFollow}
          aria-label="Follow on phones: QR code"
          title="QR code for following on phones (Q)"
        >
          Follow
        </ControlButton>
        <ControlButton onClick={controls.print}>Print handout</ControlButton>
        <ControlButton
          onClick={controls.help}
          aria-haspopup="dialog"
          aria-label="Shortcuts"
          title="Keyboard shortcuts (?)"
        >
          ?
        </ControlButton>
        <ControlButton onClick={controls.exit} title="Back to the workspace (Escape)">
          Exit
        </ControlButton>
      </div>
    </footer>
  );
}
