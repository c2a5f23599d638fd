import { cookies } from "next/headers";
import { LibraryList } from "@/components/library/library-list";
import { accessConfig, accessInfo, editingAllowed, SESSION_COOKIE } from "@/lib/server/access";
import { toLibraryEntries } from "@/lib/storage/library";
import { listStoredMaps } from "@/lib/storage/maps";

export const dynamic = "force-dynamic";

export default async function LibraryPage() {
  const entries = toLibraryEntries(await listStoredMaps());
  const access = accessInfo(accessConfig(), (await cookies()).get(SESSION_COOKIE)?.value);
  const newMap = editingAllowed(access) ? "form" : access.needsToken ? "sign-in" : "hidden";
  return <LibraryList entries={entries} newMap={newMap} />;
}
