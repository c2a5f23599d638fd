import { cache } from "react";
import { loadStoredMap } from "@/lib/storage/maps";

/** One read of a map per request, shared by a page and its metadata. */
export const loadMapOnce = cache((slug: string) => loadStoredMap(slug));
