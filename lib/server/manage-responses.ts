import { accessConfig, checkWrite } from "./access";
import { parseJson, readBodyLimited, requestFacts } from "./http";

const NO_STORE = { "Cache-Control": "no-store" };

/** A JSON answer that no cache keeps. */
export function answer(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/**
 * The checks every map-management write shares with saving: the access policy, then a small JSON
 * body. Gives the body's value, or the answer to send instead.
 */
export async function writeRequest(
  request: Request,
  options: { body: boolean },
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const decision = checkWrite(accessConfig(), requestFacts(request));
  if (!decision.ok) return { ok: false, response: answer({ error: decision.message }, 403) };
  if (!options.body) return { ok: true, value: undefined };
  const body = await readBodyLimited(request, 16 * 1024);
  if (!body.ok) return { ok: false, response: answer({ error: body.message }, body.status) };
  const json = parseJson(body.text);
  if (!json.ok) return { ok: false, response: answer({ error: json.message }, 400) };
  return { ok: true, value: json.value };
}

/** A slug or name as shown in a message: cut short, so a huge one never fills the answer. */
export function shown(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
