import type { ArgumentMap } from "../model/schema";
import { subtreeMap } from "../model/subtree";
import { parseArgumentSource, serializeNewSource } from "./argument-file";
import type { ExportOptions, ImportResult } from "./index";

/** The map as a fresh YAML argument file (the authored shape). */
export function serialize(map: ArgumentMap, options: ExportOptions): string {
  return serializeNewSource(options.claimId ? subtreeMap(map, options.claimId) : map, "yaml");
}

/** Reads a YAML or JSON argument file of our own, in either shape. */
export function parse(input: string, fileName: string): ImportResult {
  const result = parseArgumentSource(input, fileName);
  return result.ok ? { ok: true, value: { map: result.value.map, report: [] } } : result;
}

/** Our own files say `version:` and `claims:` at the top level. */
export function detect(input: string): boolean {
  return /^version:\s*1\b/m.test(input) && /^claims:/m.test(input);
}
