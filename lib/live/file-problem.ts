import { z } from "zod";

/**
 * The live server's word to open pages about the map's file: why their edits are not reaching it
 * right now (it does not read as a map, it is gone, a write failed), or null once they do again.
 * Sent as a Hocuspocus stateless message; pages keep their edits either way.
 */
const messageSchema = z.object({
  clashmap: z.literal("file-problem"),
  problem: z.string().max(2000).nullable(),
});

/** The stateless payload that tells pages about the file's problem (null: the file takes edits again). */
export function fileProblemMessage(problem: string | null): string {
  return JSON.stringify({ clashmap: "file-problem", problem });
}

/** The problem a stateless payload carries: a string, null for "fixed", or undefined when it is not such a message. */
export function readFileProblem(payload: string): string | null | undefined {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const message = messageSchema.safeParse(json);
  return message.success ? message.data.problem : undefined;
}
