import { z } from "zod";
import { answer, shown, writeRequest } from "@/lib/server/manage-responses";
import { renameMap, SlugTakenError } from "@/lib/storage/manage";
import { InvalidMapError, MapNotFoundError } from "@/lib/storage/write";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

const renameSchema = z.object({ slug: z.string().max(200) });

/** Renames a map: `{"slug": "new-slug"}` → 200 `{slug}`; links to the old address then redirect. */
export async function POST(request: Request, { params }: Context) {
  const { slug } = await params;
  const input = await writeRequest(request, { body: true });
  if (!input.ok) return input.response;
  const parsed = renameSchema.safeParse(input.value);
  if (!parsed.success) return answer({ error: 'send the new address as {"slug": "…"}' }, 422);
  try {
    const renamed = await renameMap(slug, parsed.data.slug.trim());
    return answer(renamed, 200, { Location: `/maps/${renamed.slug}` });
  } catch (error) {
    if (error instanceof MapNotFoundError) return answer({ error: `no map "${shown(slug)}"` }, 404);
    if (error instanceof SlugTakenError)
      return answer({ error: `a map named "${error.slug}" already exists` }, 409);
    if (error instanceof InvalidMapError)
      return answer({ error: error.message, problems: error.problems }, 422);
    throw error;
  }
}
