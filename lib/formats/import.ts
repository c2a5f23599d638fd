import { plural } from "../model/plural";
import type { Problem, ProblemCode } from "../model/problems";
import { type ArgumentMap, MAX_FILE_BYTES } from "../model/schema";
import { parseArgumentSource, serializeNewSource } from "./argument-file";
import { MAX_IMPORT_BYTES, MAX_IMPORT_CLAIMS } from "./import-limits";
import { FORMATS, type FormatId, type FormatInfo, formatInfo } from "./index";
import { excessiveDepthAt, MAX_JSON_DEPTH, parseJsonText, positionOf } from "./json-guard";

export { MAX_IMPORT_BYTES, MAX_IMPORT_CLAIMS };

/** Formats tried when the content has to tell, most particular first (plain prose is valid Argdown). */
const DETECT_ORDER: FormatId[] = ["json", "aif", "yaml", "kialo", "argdown"];

/** A finished import: the map, the YAML file that holds it, and what was kept, skipped or changed. */
export interface ImportedMap {
  format: FormatInfo;
  map: ArgumentMap;
  /** The new argument file's text (our YAML), already checked by the validator. */
  yaml: string;
  report: string[];
}

export type ImportOutcome = { ok: true; value: ImportedMap } | { ok: false; problems: Problem[] };

/** The formats an import can read, as the error for an unknown format lists them. */
export function importFormats(): FormatInfo[] {
  return FORMATS.filter((f) => f.canImport);
}

function knownFormats(): string {
  return importFormats()
    .map((f) => `${f.id} (${f.label})`)
    .join(", ");
}

/** The format of an import, from `from` when given, else from the content (the file name breaks ties). */
export async function detectFormat(
  text: string,
  fileName: string,
  from?: string,
): Promise<{ ok: true; format: FormatInfo } | { ok: false; message: string }> {
  if (from !== undefined) {
    const format = formatInfo(from);
    if (!format?.canImport)
      return { ok: false, message: `unknown import format "${from}"; known formats: ${knownFormats()}` };
    return { ok: true, format };
  }
  const ordered = [
    ...DETECT_ORDER.map((id) => formatInfo(id)).filter((f): f is FormatInfo => f !== undefined),
    ...importFormats().filter((f) => !DETECT_ORDER.includes(f.id)),
  ];
  for (const format of ordered) {
    if (!format.canImport) continue;
    const module = await format.load();
    if (module.parse && module.detect?.(text, fileName)) return { ok: true, format };
  }
  return { ok: false, message: `not a format Clashmap can import; known formats: ${knownFormats()}` };
}

/**
 * Imports one file's text: checks its size and shape, detects or takes its format, parses it,
 * and validates the YAML file it becomes. Nothing is written here; a failure names the place.
 */
export async function importText(
  text: string,
  fileName: string,
  options: {
    from?: string;
    /** The `$schema` line of the YAML made (the file's place decides it; see `schemaReferenceFor`). */
    schemaReference?: string | null;
  } = {},
): Promise<ImportOutcome> {
  const fail = (message: string, line = 1, col = 1, code: ProblemCode = "size"): ImportOutcome => ({
    ok: false,
    problems: [{ code, file: fileName, line, col, path: "", message }],
  });
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_IMPORT_BYTES)
    return fail(`file is ${bytes} bytes; the import limit is ${MAX_IMPORT_BYTES}`);
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const { line, col } = positionOf(text, nul);
    return fail("not a text file (it holds NUL bytes)", line, col, "syntax");
  }
  const detected = await detectFormat(text, fileName, options.from);
  if (!detected.ok) {
    // A JSON file cut short (or otherwise broken) is none of the formats: its syntax error says where.
    if (options.from === undefined && /^\s*[[{]/.test(text.replace(/^\uFEFF/, ""))) {
      const json = parseJsonText(text.replace(/^\uFEFF/, ""), fileName);
      if (!json.ok) return json;
    }
    return fail(detected.message, 1, 1, "shape");
  }
  const format = detected.format;
  if (format.id === "yaml" || format.id === "json") {
    // The YAML parser recurses per level: a file nested thousands deep is refused before it parses.
    const deep = excessiveDepthAt(text);
    if (deep !== undefined) {
      const { line, col } = positionOf(text, deep);
      return fail(`nested deeper than ${MAX_JSON_DEPTH} levels`, line, col);
    }
  }
  const module = await format.load();
  if (!module.parse) return fail(`${format.label} cannot be imported`, 1, 1, "shape");
  // Between the steps of a big import the server answers other requests.
  await yieldToOthers();
  let result: Awaited<ReturnType<NonNullable<typeof module.parse>>>;
  try {
    result = await module.parse(text, fileName);
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return fail("YAML aliases expand too far (an alias bomb): refused");
    }
    if (error instanceof RangeError) return fail(`the file is too deeply nested to read (${error.message})`);
    throw error;
  }
  if (!result.ok) return result;
  const map = result.value.map;
  if (map.claims.length === 0) return fail("the file holds no claims", 1, 1, "shape");
  if (map.claims.length > MAX_IMPORT_CLAIMS)
    return fail(
      `the file holds ${map.claims.length.toLocaleString("en-US")} claims; one import takes at most ${MAX_IMPORT_CLAIMS.toLocaleString("en-US")}`,
    );
  await yieldToOthers();
  const yaml =
    options.schemaReference === undefined
      ? serializeNewSource(map, "yaml")
      : serializeNewSource(map, "yaml", options.schemaReference);
  const yamlBytes = Buffer.byteLength(yaml, "utf8");
  if (yamlBytes > MAX_FILE_BYTES)
    return fail(
      `the imported map would be a ${yamlBytes}-byte file; argument files are limited to ${MAX_FILE_BYTES}`,
    );
  await yieldToOthers();
  const check = parseArgumentSource(yaml, "imported.yaml");
  if (!check.ok) {
    return {
      ok: false,
      problems: check.problems.map((p) => ({
        ...p,
        file: fileName,
        message: `after import: ${p.path} ${p.message}`,
      })),
    };
  }
  const report = [`Read as ${format.label}`, ...result.value.report];
  if (format.id === "yaml" || format.id === "json")
    report.splice(
      1,
      0,
      `${plural(map.claims.length, "claim")}, ${plural(map.relations.length, "relation")}, ${plural(map.evidence.length, "card")} imported`,
    );
  return { ok: true, value: { format, map: check.value.map, yaml, report } };
}

function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
