"use client";

import { useEffect, useRef, useState } from "react";
import { mapPictureHref } from "@/lib/present/links";

/**
 * The picture of the whole map at the top of the handout, from the map's SVG export. Where the
 * server has no such export the picture is left out, and the handout prints without it.
 */
export function MapPicture({ slug, title }: { slug: string; title: string }) {
  const [failed, setFailed] = useState(false);
  const img = useRef<HTMLImageElement>(null);
  // An error before hydration fires no React event: look at the image once mounted.
  useEffect(() => {
    const el = img.current;
    if (el?.complete && el.naturalWidth === 0) setFailed(true);
  }, []);
  if (failed) return null;
  return (
    <figure className="handout-picture" data-testid="handout-picture">
      {/* biome-ignore lint/performance/noImgElement: an SVG from our own API, printed as it is */}
      <img ref={img} src={mapPictureHref(slug)} alt={`The map: ${title}`} onError={() => setFailed(true)} />
    </figure>
  );
}
