import type { ArgumentMap } from "../model/schema";
import { subtreeMap } from "../model/subtree";
import { parseArgumentSource } from "./argument-file";
import type { ExportOptions, ImportResult } from "./index";
import { mapToNormalized } from "./normalized-json";

/** The normalized JSON of FORMATS.md. */
export function serialize(map: ArgumentMap, options: ExportOptions): string {
  const chosen = options.claimId ? subtreeMap(map, options.claimId) : map;
  return `${JSON.stringify(mapToNormalized(chosen), null, 2)}\n`;
}

/** Reads our JSON in either shape (authored or normalized). */
export function parse(input: string, fileName: string): ImportResult {
  const name = fileName.toLowerCase().endsWith(".json") ? fileName : `${fileName}.json`;
  const result = parseArgumentSource(input, name);
  return result.ok ? { ok: true, value: { map: result.value.map, report: [] } } : result;
}

/** A JSON object with our `version` and `claims`. */
export function detect(input: string): boolean {
  const head = input.trimStart();
  return head.startsWith("{") && /"version"\s*:\s*1\b/.test(input) && /"claims"\s*:/.test(input);
}
