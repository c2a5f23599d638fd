"use client";

import { useEffect, useId, useState } from "react";
import { BUTTON } from "@/components/editor/ui";
import { describeLive, NAME_LIMIT } from "@/lib/editor/presence";
import { useLiveMode, useLiveStatus, useLiveStatusApi } from "./live-context";

const TONES = {
  ok: "text-emerald-800 dark:text-emerald-300",
  busy: "text-slate-700 dark:text-slate-300",
  problem: "font-semibold text-red-700 dark:text-red-300",
} as const;

/** A filled dot when live, a hollow one while connecting, a struck one when offline: shape, not just colour. */
const ICONS = { ok: "●", busy: "○", problem: "⊘" } as const;

/**
 * In place of the save status when the map is live: "Live" with how many people are here,
 * "Connecting…", or offline with the promise that edits are kept; and, for editors, the name
 * others see. Renders nothing when the map is saved over HTTP.
 */
export function LiveStatusIndicator() {
  if (!useLiveMode()) return null;
  return <LiveStatusText />;
}

function LiveStatusText() {
  const state = useLiveStatus((s) => s.state);
  const people = useLiveStatus((s) => s.people);
  const readOnly = useLiveStatus((s) => s.readOnly);
  const fileProblem = useLiveStatus((s) => s.fileProblem);
  const { text, tone } = describeLive(state, people, readOnly, fileProblem);
  // Screen readers hear the connection change, not every arrival and departure.
  const [announced, setAnnounced] = useState("");
  const settled = state === "live" ? (fileProblem ? text : "Live") : state === "connecting" ? "" : text;
  useEffect(() => {
    if (settled) setAnnounced(settled);
  }, [settled]);
  return (
    <div className="flex min-w-0 shrink items-center gap-1.5">
      <div
        data-testid="live-status"
        data-state={state}
        data-file-problem={fileProblem ? "" : undefined}
        data-people={state === "live" ? people : undefined}
        className={`flex min-w-0 max-w-80 items-center gap-1 text-sm ${TONES[tone]}`}
        title={text}
      >
        <span aria-hidden="true">{ICONS[tone]}</span>
        {/* Between 1024 and 1280 px the toolbar keeps one row: the icon shows, the words are read out. */}
        <span className="min-w-0 truncate lg:max-xl:sr-only">{text}</span>
      </div>
      {readOnly ? null : <NameButton />}
      <p role="status" className="sr-only">
        {announced}
      </p>
    </div>
  );
}

/** The name others see beside this page's selection, changed in a small popover. */
function NameButton() {
  const api = useLiveStatusApi();
  const name = useLiveStatus((s) => s.name);
  const colour = useLiveStatus((s) => s.colour);
  const popoverId = useId();
  const [typed, setTyped] = useState<string>();
  if (!api || !name) return null;
  return (
    <>
      <button
        type="button"
        popoverTarget={popoverId}
        data-testid="presence-name"
        className={`${BUTTON} inline-flex max-w-40 items-center gap-1`}
        title="The name others see on your selection"
      >
        <span
          aria-hidden="true"
          className="inline-block size-2.5 rounded-full"
          style={{ background: colour }}
        />
        <span className="sr-only">Your name: </span>
        <span className="min-w-0 truncate lg:max-xl:sr-only">{name}</span>
      </button>
      <div
        id={popoverId}
        popover="auto"
        role="dialog"
        aria-labelledby={`${popoverId}-title`}
        className="m-auto w-[min(22rem,calc(100vw-2rem))] rounded-lg border border-slate-300 bg-white p-4 text-sm text-slate-900 shadow-xl backdrop:bg-slate-950/30 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            document.getElementById(popoverId)?.hidePopover();
          }}
        >
          <h2 id={`${popoverId}-title`} className="text-base font-semibold">
            Your name on this map
          </h2>
          <p className="mt-1 text-slate-700 dark:text-slate-300">
            Others see it beside the claim you select. Leave it empty to be a guest.
          </p>
          <label className="mt-3 block font-medium" htmlFor={`${popoverId}-name`}>
            Name
          </label>
          <input
            id={`${popoverId}-name`}
            type="text"
            autoComplete="nickname"
            maxLength={NAME_LIMIT}
            value={typed ?? (name.startsWith("Guest ") ? "" : name)}
            placeholder={name.startsWith("Guest ") ? name : undefined}
            onChange={(event) => {
              setTyped(event.target.value);
              api.getState().rename(event.target.value);
            }}
            className="mt-1 w-full rounded-md border border-slate-400 bg-white px-2 py-1 dark:border-slate-500 dark:bg-slate-950"
          />
          <div className="mt-3 flex justify-end">
            <button type="submit" className={BUTTON}>
              Done
            </button>
          </div>
        </form>
      </div>
    </>
  );
}

/**
 * Below the toolbar while the live server cannot write the map's file (it does not read as a map,
 * it is gone, a write failed): what is wrong, naming the file and the place, and that the edits
 * are kept meanwhile. Renders nothing otherwise.
 */
export function LiveFileProblemBanner() {
  const api = useLiveStatusApi();
  if (!api) return null;
  return <FileProblem />;
}

function FileProblem() {
  const problem = useLiveStatus((s) => s.fileProblem);
  const readOnly = useLiveStatus((s) => s.readOnly);
  if (!problem) return null;
  return (
    <div
      role="alert"
      data-testid="live-file-problem"
      className="border-b-2 border-amber-600 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50"
    >
      <p>
        <span className="font-semibold">
          {readOnly
            ? "The map's file does not take edits right now: "
            : "Edits are not being saved to the file: "}
        </span>
        <span className="break-words">{problem}</span>
      </p>
      <p className="mt-0.5">
        {readOnly
          ? "The map shown is the last one that did."
          : "Everyone's edits are kept on the server and written as soon as the file reads again."}
      </p>
    </div>
  );
}
