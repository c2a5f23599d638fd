/** What a presentation address can say besides the map. */
export interface PresentLink {
  /** 1-based, as shown in the step counter. */
  step?: number;
  from?: string;
  view?: "presenter";
}

/** The address of a map's presentation: `/maps/<slug>/present?from=…&step=…&view=presenter`. */
export function presentHref(slug: string, link: PresentLink = {}): string {
  const params = new URLSearchParams();
  if (link.from) params.set("from", link.from);
  if (link.step !== undefined) params.set("step", String(link.step));
  if (link.view) params.set("view", link.view);
  const query = params.toString();
  return `/maps/${encodeURIComponent(slug)}/present${query ? `?${query}` : ""}`;
}

/** The workspace with a claim selected, where leaving a presentation lands. */
export function workspaceHref(slug: string, focus?: string): string {
  const base = `/maps/${encodeURIComponent(slug)}`;
  return focus ? `${base}?focus=${encodeURIComponent(focus)}` : base;
}

/** The map picture the handout prints (the export route's SVG). */
export function mapPictureHref(slug: string): string {
  return `/api/maps/${encodeURIComponent(slug)}/export?format=svg`;
}

/** A running time as `m:ss`, or `h:mm:ss` from an hour on. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}
