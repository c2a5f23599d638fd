import { z } from "zod";

/** The only file version this build reads and writes. */
export const FORMAT_VERSION = 1;

/** The default size limit of an argument file: room for a 20,000-claim map (about 12 MB of JSON). */
export const DEFAULT_MAX_FILE_MB = 32;

/**
 * The size limit of an argument file in bytes, from `CLASHMAP_MAX_FILE_MB` (megabytes, may be
 * fractional) or DEFAULT_MAX_FILE_MB when it is unset or not a positive number.
 */
export function maxFileBytes(value: string | undefined): number {
  const mb = z.coerce.number().positive().max(4096).safeParse(value);
  return Math.round(
    (value !== undefined && value.trim() !== "" && mb.success ? mb.data : DEFAULT_MAX_FILE_MB) * 1024 * 1024,
  );
}

/** Largest argument file accepted, in bytes (also the API's body limit); set by `CLASHMAP_MAX_FILE_MB`. */
export const MAX_FILE_BYTES = maxFileBytes(
  typeof process === "undefined" ? undefined : process.env.CLASHMAP_MAX_FILE_MB,
);

/** Claim, relation and card ids: lowercase, readable, safe in URLs and YAML keys. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,127}$/;

export const idSchema = z
  .string()
  .regex(ID_PATTERN, "ids are lowercase letters, digits, '-' or '_' (at most 128)");

export const sideSchema = z.enum(["aff", "neg"]);
export const relationTypeSchema = z.enum(["support", "attack"]);

// biome-ignore lint/suspicious/noControlCharactersInRegex: a link holding a control character is refused
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;

/** True for absolute http(s) URLs; cite links never carry javascript:, data: or file: schemes. */
export function isHttpUrl(value: string): boolean {
  // The URL parser would quietly drop or encode control characters; a link holding one is refused.
  if (CONTROL_CHARACTER.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

const httpUrlSchema = z.string().refine(isHttpUrl, "links must be absolute http:// or https:// URLs");

// A refinement, not `.trim()`: the text is kept exactly as written, so saving never rewrites it.
const textSchema = z
  .string()
  .min(1, { message: "must not be empty", abort: true })
  .refine((text) => text.trim().length > 0, "must not be blank");

export const citeSchema = z.strictObject({
  author: z.string().optional(),
  qualifications: z.string().optional(),
  title: z.string().optional(),
  publication: z.string().optional(),
  date: z.string().optional(),
  url: httpUrlSchema.optional(),
  accessed: z.string().optional(),
  pages: z.string().optional(),
  note: z.string().optional(),
});

export const idListSchema = z.array(idSchema);
const tagListSchema = z.array(z.string().trim().min(1));

/** One relation written on its source claim in long form: `{ to, id?, evidence? }`. */
export const relationEntrySchema = z.strictObject({
  to: idSchema,
  id: idSchema.optional(),
  evidence: idListSchema.optional(),
});

const relationTargetsSchema = z.union([
  idSchema,
  z.array(z.union([idSchema, relationEntrySchema])),
  relationEntrySchema,
]);

export const fileClaimSchema = z.strictObject({
  text: textSchema.describe("The claim as a short debate tag line."),
  side: sideSchema
    .optional()
    .describe("aff or neg. Optional: a support takes its target's side, an attack the opposite one."),
  notes: z.string().optional(),
  tags: tagListSchema.optional(),
  evidence: idListSchema.optional(),
  supports: relationTargetsSchema
    .optional()
    .describe("The claim(s) this claim supports: an id, a list, or { to, evidence }."),
  attacks: relationTargetsSchema
    .optional()
    .describe("The claim(s) or relation(s) this claim attacks; attacking a relation id is an undercut."),
});

export const fileCardSchema = z.strictObject({
  tag: textSchema.describe("One line: what the card proves."),
  cite: citeSchema.optional(),
  quote: z.string().describe("The evidence, verbatim."),
  read: z
    .array(z.string().min(1))
    .optional()
    .describe("The highlighted spans a debater reads aloud; each must occur in the quote."),
});

/** The claims a presentation reveals, in order; without it a presentation follows the reading order. */
const presentationSchema = idListSchema.describe(
  "Claim ids in the order a presentation reveals them. Default: each thesis, then supports before attacks, depth first.",
);

/** The argument file as authors write it (YAML or JSON): claims and cards keyed by id. */
export const argumentFileSchema = z.strictObject({
  version: z.literal(FORMAT_VERSION),
  title: textSchema,
  resolution: z.string().optional(),
  description: z.string().optional(),
  tags: tagListSchema.optional(),
  theses: idListSchema
    .optional()
    .describe("The root claims, in display order. Default: claims that relate to nothing."),
  presentation: presentationSchema.optional(),
  claims: z.record(idSchema, fileClaimSchema).describe("Claims keyed by id."),
  evidence: z.record(idSchema, fileCardSchema).optional().describe("Evidence cards keyed by id."),
});

export const claimSchema = z.object({
  id: idSchema,
  text: textSchema,
  side: sideSchema,
  notes: z.string().optional(),
  tags: tagListSchema.optional(),
  evidence: idListSchema.optional(),
});

export const relationSchema = z.object({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  type: relationTypeSchema,
  evidence: idListSchema.optional(),
});

export const cardSchema = z.object({
  id: idSchema,
  tag: textSchema,
  quote: z.string(),
  read: z.array(z.string().min(1)).optional(),
  cite: citeSchema.loose().optional(),
});

/** The normalized map: flat lists with explicit ids; the shape every other module works on. */
export const argumentMapSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  slug: z.string().optional(),
  title: textSchema,
  resolution: z.string().optional(),
  description: z.string().optional(),
  tags: tagListSchema.optional(),
  theses: idListSchema,
  presentation: presentationSchema.optional(),
  claims: z.array(claimSchema),
  relations: z.array(relationSchema),
  evidence: z.array(cardSchema),
});

export type Side = z.infer<typeof sideSchema>;
export type RelationType = z.infer<typeof relationTypeSchema>;
export type Cite = z.infer<typeof citeSchema>;
export type RelationEntry = z.infer<typeof relationEntrySchema>;
export type FileClaim = z.infer<typeof fileClaimSchema>;
export type FileCard = z.infer<typeof fileCardSchema>;
export type ArgumentFile = z.infer<typeof argumentFileSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type Card = z.infer<typeof cardSchema>;
export type ArgumentMap = z.infer<typeof argumentMapSchema>;
