import { cookies } from "next/headers";
import { z } from "zod";
import { LibraryList } from "@/components/library/library-list";
import { accessConfig, accessInfo, editingAllowed, SESSION_COOKIE } from "@/lib/server/access";
import { toLibraryEntries } from "@/lib/storage/library";
import { listTrash } from "@/lib/storage/manage";
import { listStoredMaps } from "@/lib/storage/maps";

export const dynamic = "force-dynamic";

const deletedSchema = z.string().max(200).optional().catch(undefined);

export default async function LibraryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const entries = toLibraryEntries(await listStoredMaps());
  const access = accessInfo(accessConfig(), (await cookies()).get(SESSION_COOKIE)?.value);
  const newMap = editingAllowed(access) ? "form" : access.needsToken ? "sign-in" : "hidden";
  const deleted = newMap === "form" ? await listTrash() : [];
  const justDeleted = deletedSchema.parse((await searchParams).deleted);
  return <LibraryList entries={entries} newMap={newMap} deleted={deleted} justDeleted={justDeleted} />;
}
