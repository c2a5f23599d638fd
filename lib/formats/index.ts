import type { Result } from "../model/problems";
import type { ArgumentMap } from "../model/schema";

/** Every format Clashmap reads or writes, by the id the command line and the API use. */
export type FormatId =
  | "yaml"
  | "json"
  | "svg"
  | "png"
  | "pdf"
  | "docx"
  | "md"
  | "csv"
  | "argdown"
  | "aif"
  | "kialo";

/** What an export is asked for: the whole map, or the subtree of one claim. */
export interface ExportOptions {
  /** Export only this claim and what answers it (its subtree in reading order). */
  claimId?: string;
  /** The map's address, for file names and links. */
  slug?: string;
  /** Layout direction of pictures; top-down unless set. */
  direction?: "TB" | "LR";
  /** Called with a number between 0 and 1 as a long export goes on. */
  onProgress?: (fraction: number) => void;
}

/** An export's bytes (binary formats) or text. */
export type ExportOutput = string | Uint8Array;

/** What an import gives: a map and a report of what was kept, skipped or changed; or located problems. */
export type ImportResult = Result<{ map: ArgumentMap; report: string[] }>;

/** The functions a format module provides; loaded only when the format is used. */
export interface FormatModule {
  serialize?: (map: ArgumentMap, options: ExportOptions) => Promise<ExportOutput> | ExportOutput;
  parse?: (input: string, fileName: string) => Promise<ImportResult> | ImportResult;
  /** True when `input` looks like this format (used to detect the format of an import). */
  detect?: (input: string, fileName: string) => boolean;
}

/** One entry of the registry. */
export interface FormatInfo {
  id: FormatId;
  label: string;
  /** File extension without the dot. */
  extension: string;
  mime: string;
  binary: boolean;
  canExport: boolean;
  canImport: boolean;
  /** Loads the module lazily, so a bundle ships only the formats it uses. */
  load: () => Promise<FormatModule>;
}

/**
 * The format registry: the command line, the API and the browser all read this list. A heavy
 * dependency lives only in its format's module, which is imported when the format is used.
 */
export const FORMATS: readonly FormatInfo[] = [
  {
    id: "yaml",
    label: "YAML argument file",
    extension: "yaml",
    mime: "application/yaml",
    binary: false,
    canExport: true,
    canImport: true,
    load: () => import("./yaml-format"),
  },
  {
    id: "json",
    label: "Normalized JSON",
    extension: "json",
    mime: "application/json",
    binary: false,
    canExport: true,
    canImport: true,
    load: () => import("./json-format"),
  },
  {
    id: "argdown",
    label: "Argdown",
    extension: "argdown",
    mime: "text/x-argdown",
    binary: false,
    canExport: true,
    canImport: true,
    load: () => import("./argdown"),
  },
  {
    id: "aif",
    label: "AIF-JSON (OVA3, AIFdb)",
    extension: "aif.json",
    mime: "application/json",
    binary: false,
    canExport: true,
    canImport: true,
    load: () => import("./aif"),
  },
  {
    id: "kialo",
    label: "Kialo discussion export",
    extension: "txt",
    mime: "text/plain",
    binary: false,
    canExport: false,
    canImport: true,
    load: () => import("./kialo"),
  },
  {
    id: "svg",
    label: "SVG picture",
    extension: "svg",
    mime: "image/svg+xml",
    binary: false,
    canExport: true,
    canImport: false,
    load: () => import("./svg"),
  },
  {
    id: "png",
    label: "PNG picture (2×)",
    extension: "png",
    mime: "image/png",
    binary: true,
    canExport: true,
    canImport: false,
    load: () => import("./png"),
  },
  {
    id: "pdf",
    label: "PDF handout",
    extension: "pdf",
    mime: "application/pdf",
    binary: true,
    canExport: true,
    canImport: false,
    load: () => import("./pdf"),
  },
  {
    id: "docx",
    label: "Word speech document (Verbatim)",
    extension: "docx",
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    binary: true,
    canExport: true,
    canImport: false,
    load: () => import("./docx"),
  },
  {
    id: "md",
    label: "Markdown brief",
    extension: "md",
    mime: "text/markdown",
    binary: false,
    canExport: true,
    canImport: false,
    load: () => import("./markdown"),
  },
  {
    id: "csv",
    label: "CSV flow sheet",
    extension: "csv",
    mime: "text/csv",
    binary: false,
    canExport: true,
    canImport: false,
    load: () => import("./csv"),
  },
];

/** The registry entry of a format id, or undefined for an unknown one. */
export function formatInfo(id: string): FormatInfo | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** The file name of an export: the map's slug (or "map") with the format's extension; a subtree adds its claim. */
export function exportFileName(format: FormatInfo, slug: string | undefined, claimId?: string): string {
  const stem = slug || "map";
  return `${claimId ? `${stem}-${claimId}` : stem}.${format.extension}`;
}
