import { z } from "zod";
import { exportFormatList, exportMap } from "../formats/export";
import type { StoredMap } from "../storage/maps";

const NO_STORE = { "Cache-Control": "no-store" };

/** The query of an export request: `format`, and optionally `claim` and `direction`. */
export const exportQuerySchema = z.object({
  format: z.string().min(1).max(40),
  claim: z.string().min(1).max(128).optional(),
  direction: z.enum(["TB", "LR"]).optional(),
});

function error(status: number, message: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error: message, ...extra }, { status, headers: NO_STORE });
}

/**
 * Answers `GET /api/maps/<slug>/export?format=…[&claim=…][&direction=TB|LR]`: the file with the
 * registry's MIME type as an attachment named from the slug (and claim), 400 for an unknown
 * format, claim or direction (naming the known formats), 404 for an unknown map, 422 when its
 * file has problems. Reads only, so it works on a read-only server.
 */
export async function exportResponse(stored: StoredMap | undefined, slug: string, params: URLSearchParams) {
  const formats = exportFormatList().split(", ");
  if (!stored) return error(404, `no map "${slug.length > 80 ? `${slug.slice(0, 79)}…` : slug}"`);
  if (!stored.ok) return error(422, `${stored.file} has problems`, { problems: stored.problems });
  const query = exportQuerySchema.safeParse(Object.fromEntries(params));
  if (!query.success) {
    const issue = query.error.issues[0];
    return error(
      400,
      `${issue.path.join(".") || "query"}: ${issue.message}; formats: ${formats.join(", ")}`,
      {
        formats,
      },
    );
  }
  const { format, claim, direction } = query.data;
  const result = await exportMap(stored.map, format, { claimId: claim, direction, slug: stored.slug });
  if (!result.ok) return error(400, result.message, { formats });
  const { body, format: info, fileName } = result;
  const type = info.binary ? info.mime : `${info.mime}; charset=utf-8`;
  return new Response(typeof body === "string" ? body : new Blob([body as BlobPart]), {
    headers: {
      ...NO_STORE,
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
