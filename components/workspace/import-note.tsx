"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { z } from "zod";

/** Where the library leaves an import's report for the map page to show once. */
export function importReportKey(slug: string): string {
  return `clashmap:import-report:${slug}`;
}

const storedSchema = z.object({ file: z.string(), report: z.array(z.string()) });

/**
 * The report of the import that made this map (`?imported=1`): what was kept, skipped or
 * changed, in a note over the canvas until dismissed.
 */
export function ImportNote({ slug }: { slug: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const [stored, setStored] = useState<z.infer<typeof storedSchema> | null>(null);
  const [open, setOpen] = useState(true);

  useEffect(() => {
    try {
      const raw = sessionStorage.getItem(importReportKey(slug));
      const parsed = storedSchema.safeParse(raw ? JSON.parse(raw) : undefined);
      if (parsed.success) setStored(parsed.data);
    } catch {
      // No storage, or not ours: the note says only that the map was imported.
    }
  }, [slug]);

  if (!open) return null;
  const dismiss = () => {
    setOpen(false);
    try {
      sessionStorage.removeItem(importReportKey(slug));
    } catch {
      // Nothing to clear.
    }
    router.replace(pathname, { scroll: false });
  };
  return (
    <aside
      aria-labelledby={`${id}-heading`}
      data-testid="import-note"
      className="fixed bottom-4 left-16 z-50 max-h-[50vh] w-[min(30rem,calc(100vw-5rem))] overflow-auto rounded-xl border border-green-300 bg-white p-4 text-sm text-slate-900 shadow-lg dark:border-green-800 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex items-start justify-between gap-3">
        <h2 id={`${id}-heading`} className="font-semibold">
          ✓ Imported{stored ? ` from ${stored.file}` : ""}
        </h2>
        <button
          type="button"
          onClick={dismiss}
          className="rounded px-2 py-0.5 font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 dark:text-blue-300"
        >
          Dismiss
        </button>
      </div>
      {stored ? (
        <ul className="mt-2 list-disc space-y-0.5 pl-5">
          {stored.report.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-2">This map was made by an import.</p>
      )}
    </aside>
  );
}
