import "@/lib/formats/render-node";
import { exportResponse } from "@/lib/server/export";
import { loadStoredMap } from "@/lib/storage/maps";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  return exportResponse(await loadStoredMap(slug), slug, new URL(request.url).searchParams);
}
