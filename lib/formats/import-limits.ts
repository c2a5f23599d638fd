/** Largest file an import reads, in bytes: real Kialo and AIF corpus exports run to megabytes. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

/** File types the import picker offers (any file may still be dropped; the content decides). */
export const IMPORT_ACCEPT = ".argdown,.ad,.txt,.json,.yaml,.yml";
