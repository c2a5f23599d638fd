import { MapOutline } from "@/components/outline/map-outline";
import type { ArgumentMap } from "@/lib/model/schema";
import { subtreeMap } from "@/lib/model/subtree";
import { MapPicture } from "./map-picture";
import "./handout.css";

/**
 * The printed handout of a presentation: the picture of the map, then the outline with every
 * card. Hidden on screen; its print stylesheet fills pages and breaks only between claims.
 */
export function Handout({ slug, map, from }: { slug: string; map: ArgumentMap; from?: string }) {
  const shown = from !== undefined && map.claims.some((c) => c.id === from) ? subtreeMap(map, from) : map;
  return (
    <div className="handout hidden print:block" data-testid="handout">
      <MapPicture slug={slug} title={map.title} />
      <MapOutline slug={slug} map={shown} />
    </div>
  );
}
