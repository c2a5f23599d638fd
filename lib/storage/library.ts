import { type AnalysisCounts, analysisCounts } from "../analysis/analyze";
import type { Failure, Problem } from "../model/problems";
import type { MapCounts, StoredMap } from "./maps";

/** What the library shows of one file: plain data, safe to hand to a client component. */
export type LibraryEntry =
  | {
      ok: true;
      slug: string;
      file: string;
      title: string;
      resolution?: string;
      tags: string[];
      counts: MapCounts;
      /** Unanswered arguments (both sides) and evidence warnings, without an age check. */
      analysis: AnalysisCounts;
      warnings: Problem[];
    }
  | ({ slug: string; file: string } & Failure);

/** Reduces stored maps to the library's plain entries (no documents, no paths on disk). */
export function toLibraryEntries(maps: StoredMap[]): LibraryEntry[] {
  return maps.map((entry) =>
    entry.ok
      ? {
          ok: true,
          slug: entry.slug,
          file: entry.file,
          title: entry.map.title,
          ...(entry.map.resolution ? { resolution: entry.map.resolution } : {}),
          tags: entry.map.tags ?? [],
          counts: entry.counts,
          analysis: analysisCounts(entry.map),
          warnings: entry.warnings ?? [],
        }
      : { ok: false, slug: entry.slug, file: entry.file, problems: entry.problems },
  );
}
