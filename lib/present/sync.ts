import { z } from "zod";

/**
 * Messages between the windows of one presentation (the audience and the presenter), sent over
 * a BroadcastChannel: no server takes part. A window that opens says hello and takes the step the
 * others answer with; every change is sent as the whole state. `from` keeps presentations of
 * different subtrees apart.
 */
export const presentMessageSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("state"),
    /** 0-based. */
    step: z.number().int().min(0),
    /** The audience screen is blanked. */
    blank: z.boolean(),
    from: z.string().optional(),
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
