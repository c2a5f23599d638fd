"use client";

import { useEffect, useRef } from "react";
import { type PresentMessage, presentChannelName, readPresentMessage } from "@/lib/present/sync";

interface SyncOptions {
  slug: string;
  from?: string;
  /** The address named a step: this window's step wins over the others' at first. */
  explicitStep: boolean;
  step: number;
  blank: boolean;
  /** Takes the state another window sent. */
  apply: (step: number, blank: boolean) => void;
}

/**
 * Keeps the windows of one presentation on the same step (and the audience's screen blanked or
 * not) over a BroadcastChannel keyed by the map: the presenter's window and the audience's follow
 * each other, whichever one the clicker drives, without a server.
 */
export function usePresentSync({ slug, from, explicitStep, step, blank, apply }: SyncOptions): void {
  const channel = useRef<BroadcastChannel | null>(null);
  const state = useRef({ step, blank });
  state.current = { step, blank };
  const applyRef = useRef(apply);
  applyRef.current = apply;
  // The last state taken from another window: it is not sent back, so two windows never echo.
  const received = useRef<{ step: number; blank: boolean } | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const ch = new BroadcastChannel(presentChannelName(slug));
    channel.current = ch;
    const post = (message: PresentMessage) => ch.postMessage(message);
    ch.onmessage = (event: MessageEvent) => {
      const message = readPresentMessage(event.data);
      if (!message || message.from !== from) return;
      if (message.type === "hello") {
        post({ type: "state", ...state.current, from });
        return;
      }
      received.current = { step: message.step, blank: message.blank };
      applyRef.current(message.step, message.blank);
    };
    post(explicitStep ? { type: "state", ...state.current, from } : { type: "hello", from });
    return () => {
      ch.close();
      channel.current = null;
    };
  }, [slug, from, explicitStep]);

  useEffect(() => {
    if (!started.current) {
      started.current = true;
      return;
    }
    const last = received.current;
    if (last && last.step === step && last.blank === blank) return;
    received.current = null;
    channel.current?.postMessage({ type: "state", step, blank, from } satisfies PresentMessage);
  }, [step, blank, from]);
}
