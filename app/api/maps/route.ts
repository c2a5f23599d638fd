import { z } from "zod";
import { describeIssue, issueCode, REPORT_INPUT } from "@/lib/model/issues";
import { accessConfig, checkWrite } from "@/lib/server/access";
import { parseJson, readBodyLimited, requestFacts } from "@/lib/server/http";
import { statusForProblems } from "@/lib/server/problem-status";
import { createMap, MAX_TITLE_LENGTH } from "@/lib/storage/create";
import { InvalidMapError, requestProblem } from "@/lib/storage/write";

export const dynamic = "force-dynamic";

const createSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "a map needs a title")
    .max(MAX_TITLE_LENGTH, `at most ${MAX_TITLE_LENGTH} characters`),
});

const NO_STORE = { "Cache-Control": "no-store" };

export async function POST(request: Request) {
  const decision = checkWrite(accessConfig(), requestFacts(request));
  if (!decision.ok) return Response.json({ error: decision.message }, { status: 403, headers: NO_STORE });
  const body = await readBodyLimited(request, 64 * 1024);
  if (!body.ok) return Response.json({ error: body.message }, { status: body.status, headers: NO_STORE });
  const json = parseJson(body.text);
  if (!json.ok) return Response.json({ error: json.message }, { status: 400, headers: NO_STORE });
  const input = createSchema.safeParse(json.value, REPORT_INPUT);
  if (!input.success) {
    const problems = input.error.issues.map((i) =>
      requestProblem(
        issueCode(i),
        i.path.join("."),
        i.code === "invalid_type" ? describeIssue(i) : i.message,
      ),
    );
    return Response.json(
      { error: "a map needs a title", problems },
      { status: statusForProblems(problems), headers: NO_STORE },
    );
  }
  try {
    const { slug, requested, thesis, placeholder } = await createMap(input.data.title);
    return Response.json(
      { slug, requested, thesis, placeholder },
      { status: 201, headers: { ...NO_STORE, Location: `/maps/${slug}` } },
    );
  } catch (error) {
    if (error instanceof InvalidMapError) {
      return Response.json(
        { error: error.message, problems: error.problems },
        { status: statusForProblems(error.problems), headers: NO_STORE },
      );
    }
    throw error;
  }
}
