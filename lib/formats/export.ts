import type { ArgumentMap } from "../model/schema";
import {
  type ExportOptions,
  type ExportOutput,
  exportFileName,
  FORMATS,
  type FormatInfo,
  formatInfo,
} from "./index";

/** The formats a map can be exported to, in registry order. */
export function exportFormats(): FormatInfo[] {
  return FORMATS.filter((f) => f.canExport);
}

/** "svg, png, …": the export format ids, for messages and usage text. */
export function exportFormatList(separator = ", "): string {
  return exportFormats()
    .map((f) => f.id)
    .join(separator);
}

export type ExportResult =
  | { ok: true; format: FormatInfo; body: ExportOutput; fileName: string }
  | { ok: false; reason: "format" | "claim"; message: string };

/**
 * Exports a map (or one claim's subtree) in a registered format, the way the command line and the
 * API both do: an unknown format or claim is an answer, not an exception. Picture formats need a
 * render platform set first (`render-node` on the server, `render-browser` in the worker).
 */
export async function exportMap(
  map: ArgumentMap,
  formatId: string,
  options: Omit<ExportOptions, "claimId"> & { claimId?: string } = {},
): Promise<ExportResult> {
  const format = formatInfo(formatId);
  if (!format?.canExport) {
    return {
      ok: false,
      reason: "format",
      message: `unknown export format "${formatId.slice(0, 40)}": use one of ${exportFormatList()}`,
    };
  }
  if (options.claimId !== undefined && !map.claims.some((c) => c.id === options.claimId)) {
    return { ok: false, reason: "claim", message: `no claim "${options.claimId.slice(0, 130)}" in the map` };
  }
  const module = await format.load();
  if (!module.serialize)
    return { ok: false, reason: "format", message: `${format.label} cannot be exported` };
  const body = await module.serialize(map, options);
  return {
    ok: true,
    format,
    body,
    fileName: exportFileName(format, options.slug ?? map.slug, options.claimId),
  };
}
