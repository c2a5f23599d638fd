"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import type { TrashEntry } from "@/lib/storage/manage";

const restoredSchema = z.object({ slug: z.string() });
const errorSchema = z.object({ error: z.string() });

const BUTTON =
  "rounded-md border border-slate-400 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 disabled:opacity-60 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

function when(ms: number): string {
  return new Date(ms).toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });
}

/**
 * The library's "Recently deleted": maps moved to the trash of the arguments folder, newest first,
 * each with Restore. `justDeleted` names the file the visitor deleted a moment ago, announced first.
 */
export function RecentlyDeleted({ entries, justDeleted }: { entries: TrashEntry[]; justDeleted?: string }) {
  const router = useRouter();
  const [restored, setRestored] = useState<{ slug: string; title: string }>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<string>();
  const notice = useRef<HTMLParagraphElement>(null);
  const deleted = entries.find((e) => e.name === justDeleted);

  useEffect(() => {
    if (restored) notice.current?.focus();
  }, [restored]);

  async function restore(entry: TrashEntry) {
    setPending(entry.name);
    setError(undefined);
    try {
      const response = await fetch("/api/trash/restore", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: entry.name }),
      });
      const body: unknown = await response.json().catch(() => undefined);
      const ok = restoredSchema.safeParse(body);
      if (response.ok && ok.success) {
        setRestored({ slug: ok.data.slug, title: entry.title ?? entry.slug });
        router.replace("/");
        router.refresh();
      } else {
        const failure = errorSchema.safeParse(body);
        setError(
          `Not restored: ${failure.success ? failure.data.error : `the server answered ${response.status}`}.`,
        );
      }
    } catch {
      setError("Not restored: the server cannot be reached.");
    }
    setPending(undefined);
  }

  if (entries.length === 0 && !restored) return null;
  return (
    <section aria-labelledby="deleted-heading" className="mt-10">
      <h2 id="deleted-heading" className="mb-2 text-xl font-semibold">
        Recently deleted <span className="text-slate-500 dark:text-slate-400">({entries.length})</span>
      </h2>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        Deleted maps wait in the arguments folder’s <code>.trash</code> folder until you restore them or
        remove the files.
      </p>
      <div aria-live="polite">
        {restored ? (
          <p
            ref={notice}
            tabIndex={-1}
            className="mb-4 text-sm font-medium text-emerald-800 dark:text-emerald-300"
          >
            Restored “{restored.title}” at{" "}
            <Link href={`/maps/${restored.slug}`} className="underline underline-offset-2">
              /maps/{restored.slug}
            </Link>
            .
          </p>
        ) : deleted ? (
          <p className="mb-4 text-sm font-medium">
            “{deleted.title ?? deleted.slug}” was moved to Recently deleted.
          </p>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="mb-4 text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <ul className="space-y-2">
        {entries.map((entry) => (
          <li
            key={entry.name}
            data-testid="deleted-map"
            className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border border-slate-200 px-4 py-3 dark:border-slate-700"
          >
            <span className="min-w-0 flex-1">
              <span className="font-medium">{entry.title ?? entry.slug}</span>{" "}
              <span className="text-sm text-slate-600 dark:text-slate-400">
                · deleted {when(entry.deletedAt)} · <span className="font-mono text-xs">{entry.name}</span>
              </span>
            </span>
            <button
              type="button"
              className={BUTTON}
              disabled={pending !== undefined}
              onClick={() => void restore(entry)}
              aria-label={`Restore “${entry.title ?? entry.slug}”`}
            >
              {pending === entry.name ? "Restoring…" : "Restore"}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
