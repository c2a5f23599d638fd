"use client";

import Link from "next/link";
import { useMapStore } from "@/components/map/map-store";
import { ToolbarLabel } from "@/components/ui/toolbar-label";
import { presentHref } from "@/lib/present/links";

/**
 * The workspace's way into a presentation: "Present" in the toolbar (the workspace binds `p`, and
 * Shift+P to present from the selected claim, like "Present from here" in the inspector).
 */
export function PresentLinks({ className }: { className: string }) {
  const slug = useMapStore((s) => s.slug);

  return (
    <Link href={presentHref(slug)} className={className} title="Present the map step by step (p)">
      <ToolbarLabel icon="present">Present</ToolbarLabel>
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
