import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ImportNote } from "@/components/workspace/import-note";
import { MapProblems } from "@/components/workspace/map-problems";
import { WorkspaceFromPayload } from "@/components/workspace/workspace-from-payload";
import { mapPayload } from "@/lib/model/map-payload";
import { accessConfig, accessInfo, editingAllowed, SESSION_COOKIE } from "@/lib/server/access";
import { liveEnabled } from "@/lib/server/live-config";
import { loadMapOnce } from "./load-map";
import { redirectIfRenamed } from "./renamed";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const focusSchema = z.string().max(128).optional().catch(undefined);
const analysisSchema = z.literal("1").optional().catch(undefined);
const directionSchema = z.enum(["TB", "LR"]).optional().catch(undefined);
const collapsedSchema = z.string().max(200_000).optional().catch(undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const stored = await loadMapOnce(slug);
  if (!stored) return { title: "Map not found" };
  return { title: stored.ok ? stored.map.title : `Problems in ${stored.file}` };
}

export default async function MapPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const stored = await loadMapOnce(slug);
  if (!stored) {
    await redirectIfRenamed(slug, "", await searchParams);
    notFound();
  }
  if (!stored.ok) return <MapProblems file={stored.file} problems={stored.problems} />;
  const query = await searchParams;
  const focus = focusSchema.parse(query.focus);
  const analysis = analysisSchema.parse(query.analysis) === "1";
  const access = accessInfo(accessConfig(), (await cookies()).get(SESSION_COOKIE)?.value);
  const canEdit = editingAllowed(access);
  return (
    <>
      {query.imported === "1" ? <ImportNote slug={stored.slug} /> : null}
      <WorkspaceFromPayload
        slug={stored.slug}
        payload={mapPayload(stored.map)}
        revision={stored.revision}
        focus={focus}
        direction={directionSchema.parse(query.dir)}
        collapsed={collapsedSchema.parse(query.collapsed)}
        canEdit={canEdit}
        signInToEdit={!canEdit && access.needsToken && !access.signedIn}
        analysis={analysis}
        live={liveEnabled()}
      />
    </>
  );
}
