import { z } from "zod";
import { argumentMapSchema } from "../model/schema";

/** What the page asks the export worker for. */
export const exportRequestSchema = z.object({
  id: z.number().int(),
  map: argumentMapSchema,
  format: z.string().max(40),
  claimId: z.string().max(128).optional(),
  direction: z.enum(["TB", "LR"]).optional(),
  slug: z.string().max(200).optional(),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** What the worker answers: progress, then the file or an error. */
export const exportReplySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("progress"), id: z.number(), fraction: z.number().min(0).max(1) }),
  z.object({
    type: z.literal("done"),
    id: z.number(),
    fileName: z.string(),
    mime: z.string(),
    body: z.union([z.string(), z.instanceof(Uint8Array)]),
  }),
  z.object({ type: z.literal("error"), id: z.number(), message: z.string() }),
]);
export type ExportReply = z.infer<typeof exportReplySchema>;
