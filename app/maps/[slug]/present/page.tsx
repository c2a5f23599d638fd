import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Handout } from "@/components/present/handout";
import { Presentation } from "@/components/present/presentation";
import { MapProblems } from "@/components/workspace/map-problems";
import { idSchema } from "@/lib/model/schema";
import { hostName, isLoopbackHost } from "@/lib/server/access";
import { liveEnabled } from "@/lib/server/live-config";
import { loadMapOnce } from "../load-map";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const querySchema = z.object({
  step: z.coerce.number().int().min(1).optional().catch(undefined),
  from: idSchema.optional().catch(undefined),
  view: z.literal("presenter").optional().catch(undefined),
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const stored = await loadMapOnce(slug);
  if (!stored) return { title: "Map not found" };
  return { title: stored.ok ? `${stored.map.title} — presentation` : `Problems in ${stored.file}` };
}

export default async function PresentPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const stored = await loadMapOnce(slug);
  if (!stored) notFound();
  if (!stored.ok) return <MapProblems file={stored.file} problems={stored.problems} />;
  const query = querySchema.parse(await searchParams);
  const from =
    query.from !== undefined && stored.map.claims.some((c) => c.id === query.from) ? query.from : undefined;
  return (
    <Presentation
      slug={stored.slug}
      map={stored.map}
      from={from}
      step={query.step}
      view={query.view}
      live={liveEnabled()}
      localOnly={isLoopbackHost(hostName((await headers()).get("host") ?? ""))}
      handout={<Handout slug={stored.slug} map={stored.map} from={from} />}
    />
  );
}
