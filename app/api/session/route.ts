import { z } from "zod";
import { accessConfig, isSameOrigin, secretsEqual, sessionCookie, sessionValue } from "@/lib/server/access";
import { isHttps, parseJson, readBodyLimited, requestFacts } from "@/lib/server/http";

export const dynamic = "force-dynamic";

const signInSchema = z.object({ token: z.string().min(1, "enter the edit token") });

const NO_STORE = { "Cache-Control": "no-store" };
const WRONG_TOKEN_DELAY_MS = 750;

export async function POST(request: Request) {
  const config = accessConfig();
  if (!isSameOrigin(requestFacts(request))) {
    return Response.json(
      { error: "Sign in from this server's own page." },
      { status: 403, headers: NO_STORE },
    );
  }
  if (config.readOnly) {
    return Response.json({ error: config.readOnlyReason }, { status: 403, headers: NO_STORE });
  }
  if (!config.token) {
    return Response.json(
      { error: "This server needs no sign-in to edit." },
      { status: 400, headers: NO_STORE },
    );
  }
  const body = await readBodyLimited(request, 16 * 1024);
  if (!body.ok) return Response.json({ error: body.message }, { status: body.status, headers: NO_STORE });
  const json = parseJson(body.text);
  const input = json.ok ? signInSchema.safeParse(json.value) : undefined;
  if (!input?.success)
    return Response.json({ error: "Enter the edit token." }, { status: 400, headers: NO_STORE });
  if (!secretsEqual(input.data.token.trim(), config.token)) {
    // A pause on every wrong guess makes trying tokens one by one slow.
    await new Promise((resolve) => setTimeout(resolve, WRONG_TOKEN_DELAY_MS));
    return Response.json({ error: "That token is not right." }, { status: 401, headers: NO_STORE });
  }
  return Response.json(
    { signedIn: true },
    { headers: { ...NO_STORE, "Set-Cookie": sessionCookie(sessionValue(config.token), isHttps(request)) } },
  );
}

export async function DELETE(request: Request) {
  if (!isSameOrigin(requestFacts(request))) {
    return Response.json(
      { error: "Sign out from this server's own page." },
      { status: 403, headers: NO_STORE },
    );
  }
  return Response.json(
    { signedIn: false },
    { headers: { ...NO_STORE, "Set-Cookie": sessionCookie(undefined, isHttps(request)) } },
  );
}
