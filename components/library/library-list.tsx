import Link from "next/link";
import { ProblemKind } from "@/components/problems/problem-kind";
import { plural } from "@/lib/model/plural";
import { formatProblem } from "@/lib/model/problems";
import type { LibraryEntry } from "@/lib/storage/library";
import type { TrashEntry } from "@/lib/storage/manage";
import { ImportPanel } from "./import-panel";
import { NewMapForm } from "./new-map-form";
import { RecentlyDeleted } from "./recently-deleted";

/**
 * The library: every map in the arguments folder, with broken files listed as errors. `newMap`
 * says whether this visitor gets the New map form, a sign-in link, or neither (read-only).
 */
export function LibraryList({
  entries,
  newMap = "hidden",
  deleted = [],
  justDeleted,
}: {
  entries: LibraryEntry[];
  newMap?: "form" | "sign-in" | "hidden";
  /** Maps in the trash, shown (with Restore) to visitors who may edit. */
  deleted?: TrashEntry[];
  justDeleted?: string;
}) {
  const maps = entries.filter((e) => e.ok);
  const broken = entries.filter((e) => !e.ok);
  return (
    <main className="mx-auto max-w-5xl px-6 py-10">
      <header className="mb-8">
        <h1 className="text-3xl font-bold tracking-tight">Clashmap</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">Argument maps for debate</p>
      </header>

      {newMap === "form" ? (
        <div className="mb-8 grid gap-4">
          <NewMapForm />
          <ImportPanel />
        </div>
      ) : newMap === "sign-in" ? (
        <p className="mb-8">
          <Link
            href="/sign-in?next=/"
            className="font-medium text-blue-700 underline underline-offset-2 hover:text-blue-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 dark:text-blue-400 dark:hover:text-blue-300"
          >
            Sign in to edit
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="maps-heading">
        <h2 id="maps-heading" className="mb-4 text-xl font-semibold">
          Maps <span className="text-slate-500 dark:text-slate-400">({maps.length})</span>
        </h2>
        {maps.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
            No maps yet. Put argument files (<code>.yaml</code> or <code>.json</code>) in the arguments
            folder.
          </p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {maps.map((entry) => (
              <li key={entry.slug} data-testid="map-card">
                <Link
                  href={`/maps/${entry.slug}`}
                  className="block h-full rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-blue-400 hover:shadow-md dark:border-slate-700 dark:bg-slate-900 dark:hover:border-blue-500"
                >
                  <h3 className="text-lg font-semibold">{entry.title}</h3>
                  {entry.resolution ? (
                    <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{entry.resolution}</p>
                  ) : null}
                  <p className="mt-3 text-sm text-slate-700 dark:text-slate-300" data-testid="map-counts">
                    {plural(entry.counts.claims, "claim")} · {plural(entry.counts.relations, "relation")} ·{" "}
                    {plural(entry.counts.cards, "card")}
                  </p>
                  <p className="mt-1 text-sm text-slate-700 dark:text-slate-300" data-testid="map-analysis">
                    {plural(entry.analysis.unanswered, "unanswered argument")} ·{" "}
                    {plural(entry.analysis.warnings, "evidence warning")}
                  </p>
                  <p className="mt-1 font-mono text-xs text-slate-500 dark:text-slate-400">{entry.file}</p>
                  {entry.warnings.map((w) => (
                    <p key={formatProblem(w)} className="mt-2 text-xs text-amber-700 dark:text-amber-400">
                      {w.message}
                    </p>
                  ))}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {broken.length > 0 ? (
        <section aria-labelledby="broken-heading" className="mt-10">
          <h2 id="broken-heading" className="mb-4 text-xl font-semibold text-red-700 dark:text-red-400">
            Files with problems ({broken.length})
          </h2>
          <ul className="space-y-4">
            {broken.map((entry) => (
              <li
                key={entry.file}
                data-testid="map-error"
                className="rounded-xl border border-red-300 bg-red-50 p-5 dark:border-red-800 dark:bg-red-950/40"
              >
                <h3 className="font-mono text-base font-semibold">{entry.file}</h3>
                <ul className="mt-2 space-y-1 text-sm">
                  {entry.problems.map((p, i) => (
                    <li key={i} className="font-mono break-words">
                      <ProblemKind code={p.code} />{" "}
                      <span className="font-semibold">
                        {p.line === undefined ? p.file : `${p.file}:${p.line}:${p.col ?? 1}`}
                      </span>{" "}
                      {p.path ? <span className="text-slate-600 dark:text-slate-400">{p.path}</span> : null}{" "}
                      <span>{p.message}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {newMap === "form" ? <RecentlyDeleted entries={deleted} justDeleted={justDeleted} /> : null}
    </main>
  );
}
