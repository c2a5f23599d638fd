import { z } from "zod";

/**
 * Messages between the windows of one presentation (the audience and the presenter), sent over
 * a BroadcastChannel: no server takes part. `from` keeps presentations of different subtrees apart.
 */
export const presentMessageSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("step"),
    /** 0-based. */
    step: z.number().int().min(0),
    from: z.string().optional(),
    sender: z.enum(["audience", "presenter"]),
  }),
  z.object({ type: z.literal("hello"), from: z.string().optional() }),
]);

export type PresentMessage = z.infer<typeof presentMessageSchema>;

/** The channel one map's presentation windows share. */
export function presentChannelName(slug: string): string {
  return `clashmap-present:${slug}`;
}

/** A message received from another window, or undefined when it is not one of ours. */
export function readPresentMessage(data: unknown): PresentMessage | undefined {
  const parsed = presentMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
