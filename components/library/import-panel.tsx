"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type DragEvent, useEffect, useId, useRef, useState } from "react";
import { z } from "zod";
import { ProblemKind } from "@/components/problems/problem-kind";
import { importReportKey } from "@/components/workspace/import-note";
import { IMPORT_ACCEPT, MAX_IMPORT_BYTES } from "@/lib/formats/import-limits";
import { formatProblem, type Problem, problemSchema } from "@/lib/model/problems";

const importedSchema = z.object({
  slug: z.string(),
  title: z.string(),
  report: z.array(z.string()),
});
const failedSchema = z.object({
  error: z.string(),
  problems: z.array(problemSchema).optional(),
});

type Outcome =
  | { file: string; state: "pending" }
  | { file: string; state: "done"; slug: string; title: string; report: string[] }
  | { file: string; state: "failed"; error: string; problems: Problem[] };

async function upload(file: File): Promise<Outcome> {
  if (file.size > MAX_IMPORT_BYTES) {
    return {
      file: file.name,
      state: "failed",
      error: `${file.name} was not imported`,
      problems: [
        {
          code: "size",
          file: file.name,
          path: "",
          message: `the file is ${file.size} bytes; the import limit is ${MAX_IMPORT_BYTES}`,
        },
      ],
    };
  }
  try {
    const response = await fetch(`/api/import?name=${encodeURIComponent(file.name)}`, {
      method: "POST",
      headers: { "content-type": "text/plain; charset=utf-8" },
      body: await file.text(),
    });
    const body: unknown = await response.json().catch(() => undefined);
    const imported = importedSchema.safeParse(body);
    if (response.status === 201 && imported.success)
      return { file: file.name, state: "done", ...imported.data };
    const failed = failedSchema.safeParse(body);
    return {
      file: file.name,
      state: "failed",
      error: failed.success
        ? failed.data.error
        : `${file.name} was not imported (the server answered ${response.status})`,
      problems: failed.success ? (failed.data.problems ?? []) : [],
    };
  } catch {
    return {
      file: file.name,
      state: "failed",
      error: `${file.name} was not imported: the server cannot be reached`,
      problems: [],
    };
  }
}

/**
 * The library's import: a drop zone and a file picker (several files at once). Each file goes to
 * the server on its own; one imported file opens in the workspace with its report, several stay
 * listed here with their reports and links.
 */
export function ImportPanel() {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [busy, setBusy] = useState(false);
  // Readies the server's import route and worker while the reader looks for a file.
  useEffect(() => {
    void fetch("/api/import", { cache: "no-store" }).catch(() => undefined);
  }, []);

  async function importFiles(files: File[]) {
    if (busy || files.length === 0) return;
    setBusy(true);
    setOutcomes(files.map((f) => ({ file: f.name, state: "pending" })));
    const results: Outcome[] = [];
    for (const file of files) {
      results.push(await upload(file));
      setOutcomes([
        ...results,
        ...files.slice(results.length).map((f) => ({ file: f.name, state: "pending" as const })),
      ]);
    }
    setBusy(false);
    if (input.current) input.current.value = "";
    const done = results.filter((r) => r.state === "done");
    if (results.length === 1 && done.length === 1) {
      const only = done[0];
      try {
        sessionStorage.setItem(
          importReportKey(only.slug),
          JSON.stringify({ file: only.file, report: only.report }),
        );
      } catch {
        // Storage may be off; the map still opens, only without its report.
      }
      router.push(`/maps/${only.slug}?imported=1`);
      return;
    }
    if (done.length > 0) router.refresh();
  }

  function onDrop(event: DragEvent<HTMLFieldSetElement>) {
    event.preventDefault();
    setOver(false);
    void importFiles(Array.from(event.dataTransfer.files));
  }

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        Import maps
      </h2>
      <fieldset
        data-testid="import-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
          setOver(true);
        }}
        onDragEnter={() => setOver(true)}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        className={`mt-3 flex min-w-0 flex-wrap items-center gap-3 rounded-lg border-2 p-4 ${
          over
            ? "border-solid border-blue-600 bg-blue-50 dark:bg-blue-950/40"
            : "border-dashed border-slate-400 dark:border-slate-600"
        }`}
      >
        <legend className="sr-only">Files to import</legend>
        <input
          ref={input}
          id={`${id}-files`}
          type="file"
          multiple
          accept={IMPORT_ACCEPT}
          disabled={busy}
          aria-describedby={`${id}-hint`}
          onChange={(event) => void importFiles(Array.from(event.target.files ?? []))}
          className="peer sr-only"
        />
        <label
          htmlFor={`${id}-files`}
          className="cursor-pointer rounded-lg bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 peer-focus-visible:ring-2 peer-focus-visible:ring-blue-600 peer-focus-visible:ring-offset-2 peer-disabled:opacity-60 dark:peer-focus-visible:ring-offset-slate-900"
        >
          {busy ? "Importing…" : "Choose files to import"}
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-700 dark:text-slate-300">
          {over ? "Drop the files to import them." : "…or drop files here."} Argdown (<code>.argdown</code>),
          Kialo exports (<code>.txt</code>), AIF-JSON from OVA3 or AIFdb, and Clashmap YAML or JSON; several
          at once.
        </p>
      </fieldset>
      <div aria-live="polite" className="mt-3 space-y-3">
        {outcomes.map((outcome, i) => (
          <OutcomeView key={`${outcome.file}-${i}`} outcome={outcome} />
        ))}
      </div>
    </section>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  if (outcome.state === "pending") {
    return <p className="text-sm text-slate-700 dark:text-slate-300">Importing {outcome.file}…</p>;
  }
  if (outcome.state === "failed") {
    return (
      <div
        role="alert"
        data-testid="import-error"
        className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950/40"
      >
        <p className="font-semibold text-red-800 dark:text-red-300">
          ✕ {outcome.error}. Nothing was written.
        </p>
        {outcome.problems.length > 0 ? (
          <ul className="mt-1 space-y-1 font-mono break-words">
            {outcome.problems.map((p, i) => (
              <li key={i}>
                <ProblemKind code={p.code} /> {formatProblem(p)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return (
    <div
      data-testid="import-result"
      className="rounded-lg border border-green-300 bg-green-50 p-3 text-sm dark:border-green-800 dark:bg-green-950/40"
    >
      <p className="font-semibold text-green-900 dark:text-green-300">
        ✓ {outcome.file} imported as{" "}
        <Link
          href={`/maps/${outcome.slug}`}
          className="underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600"
        >
          {outcome.title}
        </Link>
      </p>
      <ul className="mt-1 list-disc pl-5 text-slate-800 dark:text-slate-200">
        {outcome.report.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
