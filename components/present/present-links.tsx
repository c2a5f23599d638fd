"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useMapStore, useMapStoreApi } from "@/components/map/map-store";
import { fieldTakesKey } from "@/lib/editor/shortcuts";
import { presentHref } from "@/lib/present/links";

/** The keys that open a presentation from the workspace, for its shortcuts help. */
export const PRESENT_SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: "p", action: "Present the map, step by step" },
  { keys: "Shift+P", action: "Present from the selected claim (its subtree)" },
];

/**
 * The workspace's way into a presentation: "Present", and "Present from here" while a claim is
 * selected; `p` and Shift+P do the same from the keyboard.
 */
export function PresentLinks({ className }: { className: string }) {
  const api = useMapStoreApi();
  const router = useRouter();
  const slug = useMapStore((s) => s.slug);
  const selected = useMapStore((s) => (s.selection?.kind === "claim" ? s.selection.id : undefined));

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key !== "p" && event.key !== "P") return;
      const field = event.target instanceof HTMLElement ? event.target : null;
      if (field && fieldTakesKey(field, event.key)) return;
      if (document.querySelector("dialog[open], [popover]:popover-open")) return;
      const state = api.getState();
      const from = state.selection?.kind === "claim" ? state.selection.id : undefined;
      if (event.key === "P" && !from) return;
      event.preventDefault();
      router.push(presentHref(state.slug, event.key === "P" ? { from } : {}));
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [api, router]);

  return (
    <>
      <Link href={presentHref(slug)} className={className} title="Present the map step by step (p)">
        Present
      </Link>
      {selected ? (
        <Link
          href={presentHref(slug, { from: selected })}
          className={className}
          title="Present the selected claim and what answers it (Shift+P)"
        >
          Present from here
        </Link>
      ) : null}
    </>
  );
}
