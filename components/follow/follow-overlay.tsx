"use client";

import { Fragment, useEffect, useId, useState } from "react";
import { ControlButton } from "@/components/present/control-button";
import { followUrl, PRESENTER_NAME_MAX, shortFollowUrl } from "@/lib/present/follow";
import { QrCode } from "./qr-code";
import type { FollowPresenter } from "./use-follow-presenter";

/** How the presenter's link to the followers stands, in a few words. */
function connectionText(follow: FollowPresenter): string {
  const { status, scope, followers } = follow.doc;
  if (status === "offline") return "Offline: reconnecting to the live server…";
  if (status === "connecting" || scope === undefined) return "Connecting to the live server…";
  if (scope === "readonly") return "You cannot edit on this server, so your steps do not reach followers.";
  if (followers === 0) return "No one is following yet.";
  return followers === 1 ? "1 person is following." : `${followers} people are following.`;
}

/**
 * Over the slide: a large QR code and the short link to the map's follow page, so the class can
 * follow the presentation on their phones. Q or the Hide button takes it away; the presentation's
 * keys keep working underneath.
 */
export function FollowOverlay({ slug, follow }: { slug: string; follow: FollowPresenter }) {
  const titleId = useId();
  const nameId = useId();
  const [url, setUrl] = useState("");
  useEffect(() => setUrl(followUrl(window.location.origin, slug)), [slug]);

  return (
    <section
      aria-labelledby={titleId}
      data-testid="follow-overlay"
      className="fixed inset-0 z-40 overflow-y-auto bg-[#020617] text-slate-50 print:hidden"
    >
      <div className="flex min-h-full flex-wrap items-center justify-center gap-[4vw] p-[4vh]">
        {follow.live && url ? (
          <div className="w-[min(70vh,44vw)] shrink-0 overflow-hidden rounded-2xl bg-white">
            <QrCode text={url} label={`QR code for ${url}`} className="block h-auto w-full" />
          </div>
        ) : null}
        <div className="min-w-0 max-w-[40rem] flex-1 basis-[24rem]">
          <h2 id={titleId} className="text-[clamp(2rem,3.5vw,4rem)] font-bold leading-tight">
            Follow on your phone
          </h2>
          {follow.live ? (
            <>
              <p className="mt-4 text-[clamp(1.25rem,1.8vw,2rem)] text-slate-200">Scan the code, or open:</p>
              <p
                className="mt-2 break-words font-mono text-[clamp(1.25rem,2vw,2.75rem)] font-semibold text-yellow-300"
                data-testid="follow-link"
              >
                {url ? <LinkText text={shortFollowUrl(url)} /> : null}
              </p>
              {follow.localOnly ? (
                <p
                  className="mt-4 rounded-lg border-2 border-amber-300 px-3 py-2 text-[clamp(1rem,1.3vw,1.5rem)] text-amber-200"
                  data-testid="follow-local-only"
                >
                  <span aria-hidden="true">⚠ </span>This address works on this computer only. For phones, open
                  Clashmap at this computer&apos;s network address (started with <code>HOST=0.0.0.0</code>).
                </p>
              ) : null}
              <p className="mt-6 text-[clamp(1rem,1.3vw,1.5rem)] text-slate-300" role="status">
                {connectionText(follow)}
              </p>
              <p className="mt-6">
                <label htmlFor={nameId} className="block text-lg text-slate-200">
                  Your name, as followers see it
                </label>
                <input
                  id={nameId}
                  type="text"
                  value={follow.name}
                  maxLength={PRESENTER_NAME_MAX}
                  placeholder="the presenter"
                  autoComplete="name"
                  onChange={(event) => follow.setName(event.target.value)}
                  // Enter ends typing, so the presentation's keys work again.
                  onKeyDown={(event) => {
                    if (event.key === "Enter") event.currentTarget.blur();
                  }}
                  className="mt-2 w-full max-w-sm rounded-lg border border-slate-500 bg-slate-900 px-3 py-2 text-lg text-slate-50 placeholder:text-slate-400"
                />
              </p>
            </>
          ) : (
            <p
              className="mt-4 text-[clamp(1.25rem,1.8vw,2rem)] text-slate-200"
              data-testid="follow-needs-live"
            >
              Following needs the live server, and this server runs without it. Start Clashmap with{" "}
              <code className="font-mono text-yellow-300">npm start</code> to let the class follow on their
              phones.
            </p>
          )}
          <p className="mt-8">
            <ControlButton onClick={follow.close} title="Hide the QR code (Q)">
              Hide
            </ControlButton>
          </p>
        </div>
      </div>
    </section>
  );
}

/** A link as text that breaks after its slashes when it must, never inside a word. */
function LinkText({ text }: { text: string }) {
  const parts = text.split("/");
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? (
            <>
              /<wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </>
  );
}
