import { cache } from "react";
import { accessConfig } from "@/lib/server/access";
import { loadStoredMapKept } from "@/lib/storage/history";

/** One read of a map per request, shared by a page and its metadata; the revision read is kept for merging saves. */
export const loadMapOnce = cache((slug: string) =>
  loadStoredMapKept(slug, { keep: !accessConfig().readOnly }),
);
