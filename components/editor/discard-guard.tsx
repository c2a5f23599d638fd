"use client";

import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { BUTTON, DANGER_BUTTON } from "./ui";

/**
 * Escape with typed text asks first: `cancel` discards at once when nothing was typed, and
 * otherwise shows `prompt` (Keep editing / Discard) in place. Escape in the prompt keeps editing.
 */
export function useDiscardGuard(
  dirty: boolean,
  discard: () => void,
): { cancel: () => void; prompt: ReactNode } {
  const [asking, setAsking] = useState(false);
  const returnTo = useRef<HTMLElement | null>(null);
  const cancel = () => {
    if (!dirty) {
      discard();
      return;
    }
    if (!asking)
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setAsking(true);
  };
  const keep = () => {
    setAsking(false);
    requestAnimationFrame(() => returnTo.current?.focus());
  };
  const prompt = asking ? <DiscardPrompt onKeep={keep} onDiscard={discard} /> : null;
  return { cancel, prompt };
}

function DiscardPrompt({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  const id = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => keepRef.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    // Escape again means "I did not mean it": back to the text, not out of the form.
    event.preventDefault();
    event.stopPropagation();
    onKeep();
  };
  return (
    <div
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      data-testid="discard-prompt"
      onKeyDown={onKeyDown}
      className="mt-3 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-50"
    >
      <p id={`${id}-title`} className="font-semibold">
        Discard what you typed?
      </p>
      <p id={`${id}-text`} className="mt-1">
        Your text is not in the map yet.
      </p>
      <div className="mt-2 flex gap-2">
        <button ref={keepRef} type="button" className={BUTTON} onClick={onKeep}>
          Keep editing
        </button>
        <button type="button" className={DANGER_BUTTON} onClick={onDiscard}>
          Discard
        </button>
      </div>
    </div>
  );
}
