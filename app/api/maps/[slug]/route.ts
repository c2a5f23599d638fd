import { mapToNormalized } from "@/lib/formats/normalized-json";
import { MAX_FILE_BYTES } from "@/lib/model/schema";
import { accessConfig, checkWrite } from "@/lib/server/access";
import { etag, ifMatchRevision, parseJson, readBodyLimited, requestFacts } from "@/lib/server/http";
import { writeRequest } from "@/lib/server/manage-responses";
import { statusForProblems } from "@/lib/server/problem-status";
import { loadStoredMapKept } from "@/lib/storage/history";
import { deleteMap } from "@/lib/storage/manage";
import {
  InvalidMapError,
  MapNotFoundError,
  MergeCollisionError,
  RevisionConflictError,
  saveMap,
} from "@/lib/storage/write";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

const NO_STORE = { "Cache-Control": "no-store" };

function notFound(slug: string): Response {
  const shown = slug.length > 80 ? `${slug.slice(0, 79)}…` : slug;
  return Response.json({ error: `no map "${shown}"` }, { status: 404, headers: NO_STORE });
}

export async function GET(_request: Request, { params }: Context) {
  const { slug } = await params;
  // The revision handed out is kept, so that a save built on it later can be merged.
  const stored = await loadStoredMapKept(slug, { keep: !accessConfig().readOnly });
  if (!stored) return notFound(slug);
  if (!stored.ok) {
    // The file on disk is at fault, not the request, whatever its problems are.
    return Response.json(
      { error: `${stored.file} has problems`, problems: stored.problems },
      { status: 422, headers: NO_STORE },
    );
  }
  return Response.json(mapToNormalized({ ...stored.map, slug: stored.slug }), {
    headers: { ...NO_STORE, ETag: etag(stored.revision) },
  });
}

export async function PUT(request: Request, { params }: Context) {
  const { slug } = await params;
  const decision = checkWrite(accessConfig(), requestFacts(request));
  if (!decision.ok) return Response.json({ error: decision.message }, { status: 403, headers: NO_STORE });
  const revision = ifMatchRevision(request.headers.get("if-match"));
  if (!revision) {
    return Response.json(
      { error: "send the revision the edit starts from as If-Match (the ETag of the GET)" },
      { status: 428, headers: NO_STORE },
    );
  }
  const body = await readBodyLimited(request, MAX_FILE_BYTES);
  if (!body.ok) return Response.json({ error: body.message }, { status: body.status, headers: NO_STORE });
  const json = parseJson(body.text);
  if (!json.ok) return Response.json({ error: json.message }, { status: 400, headers: NO_STORE });
  try {
    // An If-Match naming an older revision the server kept is merged three ways with the file.
    const saved = await saveMap(slug, json.value, revision, { merge: true });
    return Response.json(saved, { headers: { ...NO_STORE, ETag: etag(saved.revision) } });
  } catch (error) {
    if (error instanceof MapNotFoundError) return notFound(slug);
    if (error instanceof MergeCollisionError) {
      return Response.json(
        {
          error: `the map changed since it was loaded, in the same places: ${error.collisions.map((c) => c.path).join(", ")}`,
          currentRevision: error.currentRevision,
          collisions: error.collisions,
        },
        { status: 409, headers: { ...NO_STORE, ETag: etag(error.currentRevision) } },
      );
    }
    if (error instanceof RevisionConflictError) {
      return Response.json(
        { error: "the map changed since it was loaded", currentRevision: error.currentRevision },
        { status: 409, headers: { ...NO_STORE, ETag: etag(error.currentRevision) } },
      );
    }
    if (error instanceof InvalidMapError) {
      return Response.json(
        { error: error.message, problems: error.problems },
        { status: statusForProblems(error.problems), headers: NO_STORE },
      );
    }
    throw error;
  }
}

/** Deletes a map recoverably: its file moves to the arguments folder's trash (200 `{name, slug, deletedAt}`). */
export async function DELETE(request: Request, { params }: Context) {
  const { slug } = await params;
  const input = await writeRequest(request, { body: false });
  if (!input.ok) return input.response;
  try {
    return Response.json(await deleteMap(slug), { headers: NO_STORE });
  } catch (error) {
    if (error instanceof MapNotFoundError) return notFound(slug);
    throw error;
  }
}
