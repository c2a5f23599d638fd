import { z } from "zod";
import { answer, shown, writeRequest } from "@/lib/server/manage-responses";
import { restoreMap, TrashEntryNotFoundError } from "@/lib/storage/manage";

export const dynamic = "force-dynamic";

const restoreSchema = z.object({ name: z.string().max(200) });

/** Restores a deleted map: `{"name": "<file in the trash>"}` → 200 `{slug}` (a new one when the old is taken). */
export async function POST(request: Request) {
  const input = await writeRequest(request, { body: true });
  if (!input.ok) return input.response;
  const parsed = restoreSchema.safeParse(input.value);
  if (!parsed.success) return answer({ error: 'send the deleted file\'s name as {"name": "…"}' }, 422);
  try {
    return answer(await restoreMap(parsed.data.name));
  } catch (error) {
    if (error instanceof TrashEntryNotFoundError) {
      return answer({ error: `nothing named "${shown(parsed.data.name)}" in the trash` }, 404);
    }
    throw error;
  }
}
