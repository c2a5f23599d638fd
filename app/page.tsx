import { LibraryList } from "@/components/library/library-list";
import { toLibraryEntries } from "@/lib/storage/library";
import { listStoredMaps } from "@/lib/storage/maps";

export const dynamic = "force-dynamic";

export default async function LibraryPage() {
  const entries = toLibraryEntries(await listStoredMaps());
  return <LibraryList entries={entries} />;
}
