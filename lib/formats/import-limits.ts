/** Largest file an import reads, in bytes: real Kialo and AIF corpus exports run to megabytes. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

/** File types the import picker offers (any file may still be dropped; the content decides). */
export const IMPORT_ACCEPT = ".argdown,.ad,.txt,.json,.yaml,.yml";

/** Most claims one import may bring in: bounds the work of one request (and the file it writes). */
export const MAX_IMPORT_CLAIMS = 10_000;

/** Largest Argdown file read: its parser is the slowest of the importers (about 1 s per MB). */
export const MAX_ARGDOWN_BYTES = 1024 * 1024;
