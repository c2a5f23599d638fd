import { z } from "zod";
import { MAX_IMPORT_BYTES, MAX_IMPORT_CLAIMS } from "@/lib/formats/import-limits";
import { FORMATS } from "@/lib/formats/index";
import { accessConfig, checkWrite } from "@/lib/server/access";
import { readBodyLimited, requestFacts } from "@/lib/server/http";
import { importPool } from "@/lib/server/import-pool";
import { createMapFileFromSource, schemaReferenceFor } from "@/lib/storage/create";
import { argumentsDir } from "@/lib/storage/maps";
import { InvalidMapError } from "@/lib/storage/write";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

const querySchema = z.object({
  // Only for messages and detection: the new file's name always comes from the map's title.
  name: z
    .string()
    .max(255)
    .transform((name) => name.replace(/^.*[\\/]/, "") || "upload")
    .catch("upload"),
  from: z.string().max(20).optional().catch(undefined),
});

/**
 * GET /api/import: the formats an upload may be in and the limits. The library asks once as it
 * opens, which also loads this route and readies the import worker before the first upload.
 */
export function GET() {
  void importPool().warm();
  return Response.json(
    {
      formats: FORMATS.filter((f) => f.canImport).map((f) => ({ id: f.id, label: f.label })),
      maxBytes: MAX_IMPORT_BYTES,
      maxClaims: MAX_IMPORT_CLAIMS,
    },
    { headers: NO_STORE },
  );
}

/** POST /api/import?name=<file name>[&from=<format>] with the file as the body: 201 with the new map's slug and report. */
export async function POST(request: Request) {
  const decision = checkWrite(accessConfig(), requestFacts(request));
  if (!decision.ok) return Response.json({ error: decision.message }, { status: 403, headers: NO_STORE });
  const params = new URL(request.url).searchParams;
  const query = querySchema.parse({
    name: params.get("name") ?? "upload",
    from: params.get("from") ?? undefined,
  });
  const body = await readBodyLimited(request, MAX_IMPORT_BYTES);
  if (!body.ok) {
    const error =
      body.status === 413
        ? `${query.name} is over the import limit of ${MAX_IMPORT_BYTES} bytes`
        : body.message;
    return Response.json({ error }, { status: body.status, headers: NO_STORE });
  }
  // The upload is read in a worker thread: the server answers other requests meanwhile.
  const result = await importPool().run({
    text: body.text,
    fileName: query.name,
    from: query.from,
    schemaReference: schemaReferenceFor(argumentsDir()),
  });
  if (!result.ok) {
    if ("busy" in result) {
      return Response.json(
        { error: `${query.name} was not imported: ${result.message}` },
        { status: 503, headers: { ...NO_STORE, "Retry-After": "5" } },
      );
    }
    return Response.json(
      { error: `${query.name} was not imported`, problems: result.problems },
      { status: 422, headers: NO_STORE },
    );
  }
  try {
    const { title, source, report, format, counts } = result.value;
    const { slug } = await createMapFileFromSource(source, title);
    return Response.json(
      { slug, title, format, report, counts },
      { status: 201, headers: { ...NO_STORE, Location: `/maps/${slug}` } },
    );
  } catch (error) {
    if (error instanceof InvalidMapError) {
      return Response.json(
        { error: error.message, problems: error.problems },
        { status: 422, headers: NO_STORE },
      );
    }
    throw error;
  }
}
