import Link from "next/link";
import { ProblemKind, problemKindLabel, stopsReading } from "@/components/problems/problem-kind";
import type { Problem } from "@/lib/model/problems";

/** The page shown instead of a map whose file is invalid: every problem with its file, line and message. */
export function MapProblems({ file, problems }: { file: string; problems: Problem[] }) {
  return (
    <main className="mx-auto max-w-3xl px-6 py-10">
      <p>
        <Link href="/" className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-300">
          ← Back to the library
        </Link>
      </p>
      <h1 className="mt-4 text-2xl font-bold">This map cannot be opened</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        <code className="font-mono font-semibold">{file}</code> has{" "}
        {problems.length === 1 ? "a problem" : `${problems.length} problems`}. Fix the file and reload this
        page.
      </p>
      {problems.some((p) => stopsReading(p.code)) ? (
        <p className="mt-2 text-slate-700 dark:text-slate-300" data-testid="stops-reading">
          Reading the file stopped at a problem marked below as {stoppers(problems)}: fix it first, and more
          problems may show after it.
        </p>
      ) : null}
      <ul className="mt-6 space-y-3" aria-label="Problems">
        {problems.map((p, i) => (
          <li
            key={i}
            data-testid="map-problem"
            className="rounded-lg border border-red-300 bg-red-50 p-4 font-mono text-sm dark:border-red-800 dark:bg-red-950/40"
          >
            <p className="flex flex-wrap items-center gap-2 font-semibold">
              <ProblemKind code={p.code} />
              <span>{p.line === undefined ? p.file : `${p.file}, line ${p.line}, column ${p.col ?? 1}`}</span>
            </p>
            {p.path ? <p className="text-slate-700 dark:text-slate-300">{p.path}</p> : null}
            <p className="mt-1 whitespace-pre-wrap break-words">{p.message}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}

/** The labels of the kinds that stopped the reading, in words: "Syntax" or "Syntax or Too large". */
function stoppers(problems: Problem[]): string {
  const codes = [...new Set(problems.map((p) => p.code).filter(stopsReading))];
  return codes.map((code) => `“${problemKindLabel(code)}”`).join(" or ");
}
