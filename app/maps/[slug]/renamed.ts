import { redirect } from "next/navigation";
import { redirectFor } from "@/lib/storage/redirects";

/**
 * Sends a link to a renamed map's old address on to its new one (the rest of the path and the
 * query kept); returns when the slug was never renamed, so the caller shows "not found".
 */
export async function redirectIfRenamed(
  slug: string,
  rest = "",
  query: Record<string, string | string[] | undefined> = {},
): Promise<void> {
  const target = await redirectFor(slug);
  if (!target) return;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
      search.append(key, item);
  }
  const qs = search.toString();
  redirect(`/maps/${target}${rest}${qs ? `?${qs}` : ""}`);
}
