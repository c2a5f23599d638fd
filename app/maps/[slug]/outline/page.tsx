import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MapOutline } from "@/components/outline/map-outline";
import { MapProblems } from "@/components/workspace/map-problems";
import { loadMapOnce } from "../load-map";
import { redirectIfRenamed } from "../renamed";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const stored = await loadMapOnce(slug);
  if (!stored) return { title: "Map not found" };
  return { title: stored.ok ? `${stored.map.title} — outline` : `Problems in ${stored.file}` };
}

export default async function OutlinePage({ params }: Props) {
  const { slug } = await params;
  const stored = await loadMapOnce(slug);
  if (!stored) {
    await redirectIfRenamed(slug, "/outline");
    notFound();
  }
  if (!stored.ok) return <MapProblems file={stored.file} problems={stored.problems} />;
  return <MapOutline slug={stored.slug} map={stored.map} />;
}
