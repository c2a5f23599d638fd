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
 * The workspace's way into a presentation: "Present" in the toolbar, with `p`; Shift+P presents
 * from the selected claim, like "Present from here" in the inspector.
 */
export function PresentLinks({ className }: { className: string }) {
  const api = useMapStoreApi();
  const router = useRouter();
  const slug = useMapStore((s) => s.slug);

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
    <Link href={presentHref(slug)} className={className} title="Present the map step by step (p)">
      Present
    </Link>
  );
}

/** "Present from here" for the claim the inspector shows: its subtree, the claim first. */
export function PresentFromHere({ id }: { id: string }) {
  const slug = useMapStore((s) => s.slug);
  return (
    <p className="mt-3">
      <Link
        href={presentHref(slug, { from: id })}
        className="inline-block rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
        title="Present this claim and what answers it (Shift+P)"
      >
        Present from here
      </Link>
    </p>
  );
}
