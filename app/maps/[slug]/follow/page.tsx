import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FollowPresentation } from "@/components/follow/follow-view";
import { MapProblems } from "@/components/workspace/map-problems";
import { liveEnabled } from "@/lib/server/live-config";
import { loadMapOnce } from "../load-map";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const stored = await loadMapOnce(slug);
  if (!stored) return { title: "Map not found" };
  return { title: stored.ok ? `${stored.map.title} — follow` : `Problems in ${stored.file}` };
}

/** A map's presentation as followers see it on their own devices: the presenter's step, read-only. */
export default async function FollowPage({ params }: Props) {
  const { slug } = await params;
  const stored = await loadMapOnce(slug);
  if (!stored) notFound();
  if (!stored.ok) return <MapProblems file={stored.file} problems={stored.problems} />;
  return <FollowPresentation slug={stored.slug} map={stored.map} live={liveEnabled()} />;
}
