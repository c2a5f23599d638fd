import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { MAX_FILE_BYTES } from "../lib/model/schema";
import { createMap, getMap, type NormalizedMap } from "./pages/api-maps";
import { serverDir, serverUrl } from "./servers";

const MAIN = serverUrl("main");
const TOKEN = "e2e-secret-token";

function withRebuttal(map: NormalizedMap, text: string): NormalizedMap {
  const thesis = map.theses[0];
  const id = `rebuttal-${map.claims.length}`;
  return {
    ...map,
    claims: [...map.claims, { id, text, side: "neg" }],
    relations: [...map.relations, { id: `${id}-attacks-${thesis}`, from: id, to: thesis, type: "attack" }],
  };
}

test.describe("GET /api/maps/<slug>", () => {
  test("answers the normalized map with its revision as ETag", async ({ request }) => {
    const response = await request.get("/api/maps/russia-iran");
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(headers["cache-control"]).toBe("no-store");
    const map = (await response.json()) as NormalizedMap;
    expect(map.slug).toBe("russia-iran");
    expect(map.theses).toEqual(["russia-key", "decoupling-possible"]);
    expect(map.claims).toHaveLength(28);
    expect(map.relations).toHaveLength(33);
  });

  test("answers 404 for unknown slugs and slugs that try to leave the folder", async ({ request }) => {
    expect((await request.get("/api/maps/no-such-map")).status()).toBe(404);
    expect((await request.get("/api/maps/..%2Fetc")).status()).toBe(404);
    expect((await request.get("/api/maps/..%2F..%2Fpackage.json")).status()).toBe(404);
    expect((await request.get("/api/maps/RUSSIA-IRAN")).status()).toBe(404);
  });
});

test.describe("POST /api/maps", () => {
  test("creates a map file from a title and answers its slug", async ({ request }) => {
    const slug = await createMap(request, "API created map");
    expect(slug).toMatch(/^api-created-map(-\d+)?$/);
    const text = await readFile(path.join(serverDir("main"), `${slug}.yaml`), "utf8");
    expect(text).toContain("title: API created map");
    const { map } = await getMap(request, slug);
    expect(map.claims).toEqual([{ id: "api-created-map", text: "API created map", side: "aff" }]);
  });

  test("refuses an empty title, a body that is not JSON and one without a title", async ({ request }) => {
    expect((await request.post("/api/maps", { data: { title: "  " } })).status()).toBe(422);
    expect((await request.post("/api/maps", { data: {} })).status()).toBe(422);
    const notJson = await request.post("/api/maps", {
      data: Buffer.from("{title: x"),
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status()).toBe(400);
  });
});

test.describe("PUT /api/maps/<slug>", () => {
  test("saves with If-Match, answers the new revision as ETag, and the file holds the edit", async ({
    request,
  }) => {
    const slug = await createMap(request, "Put saves");
    const { map, etag } = await getMap(request, slug);
    const response = await request.put(`/api/maps/${slug}`, {
      data: withRebuttal(map, "Saved through the API"),
      headers: { "If-Match": etag },
    });
    expect(response.status()).toBe(200);
    const { revision } = (await response.json()) as { revision: string };
    expect(response.headers().etag).toBe(`"${revision}"`);
    const text = await readFile(path.join(serverDir("main"), `${slug}.yaml`), "utf8");
    expect(text).toContain("text: Saved through the API");
    expect((await getMap(request, slug)).etag).toBe(`"${revision}"`);
  });

  test("accepts an unquoted If-Match too", async ({ request }) => {
    const slug = await createMap(request, "Put unquoted");
    const { map, etag } = await getMap(request, slug);
    const response = await request.put(`/api/maps/${slug}`, {
      data: withRebuttal(map, "Unquoted"),
      headers: { "If-Match": etag.replaceAll('"', "") },
    });
    expect(response.status()).toBe(200);
  });

  test("accepts an If-Match list that names the current revision among others", async ({ request }) => {
    const slug = await createMap(request, "Put list");
    const { map, etag } = await getMap(request, slug);
    const response = await request.put(`/api/maps/${slug}`, {
      data: withRebuttal(map, "Listed"),
      headers: { "If-Match": `"0000", ${etag}` },
    });
    expect(response.status()).toBe(200);
  });

  test("answers 409 with the current revision to a save from a stale revision", async ({ request }) => {
    const slug = await createMap(request, "Put conflict");
    const { map, etag } = await getMap(request, slug);
    const first = await request.put(`/api/maps/${slug}`, {
      data: withRebuttal(map, "First tab"),
      headers: { "If-Match": etag },
    });
    expect(first.status()).toBe(200);
    const second = await request.put(`/api/maps/${slug}`, {
      data: withRebuttal(map, "Second tab"),
      headers: { "If-Match": etag },
    });
    expect(second.status()).toBe(409);
    const body = (await second.json()) as { error: string; currentRevision: string };
    expect(body.currentRevision).toBe(((await first.json()) as { revision: string }).revision);
    const text = await readFile(path.join(serverDir("main"), `${slug}.yaml`), "utf8");
    expect(text).toContain("First tab");
    expect(text).not.toContain("Second tab");
  });

  test("answers 428 without If-Match", async ({ request }) => {
    const slug = await createMap(request, "Put no precondition");
    const { map } = await getMap(request, slug);
    const response = await request.put(`/api/maps/${slug}`, { data: map });
    expect(response.status()).toBe(428);
  });

  test("answers 422 with the list of problems for an invalid map", async ({ request }) => {
    const slug = await createMap(request, "Put invalid");
    const { map, etag } = await getMap(request, slug);
    const broken = withRebuttal(map, "Dangling");
    broken.relations[0] = { ...broken.relations[0], to: "nowhere" };
    const response = await request.put(`/api/maps/${slug}`, { data: broken, headers: { "If-Match": etag } });
    expect(response.status()).toBe(422);
    const body = (await response.json()) as { problems: { path: string; message: string }[] };
    expect(body.problems).toEqual([
      {
        code: "reference",
        file: "request body",
        path: "relations[0].to",
        message: 'unknown claim or relation "nowhere"',
      },
    ]);
    expect((await getMap(request, slug)).etag).toBe(etag);
  });

  test("answers 404 for an unknown map", async ({ request }) => {
    const { map, etag } = await getMap(request, "russia-iran");
    const response = await request.put("/api/maps/no-such-map", { data: map, headers: { "If-Match": etag } });
    expect(response.status()).toBe(404);
    const outside = await request.put("/api/maps/..%2Fetc", { data: map, headers: { "If-Match": etag } });
    expect(outside.status()).toBe(404);
  });

  test("answers 413 to a body over the size limit", async ({ request }) => {
    const slug = await createMap(request, "Put too big");
    const { map, etag } = await getMap(request, slug);
    const big = { ...map, description: "x".repeat(MAX_FILE_BYTES + 10) };
    const response = await request.put(`/api/maps/${slug}`, { data: big, headers: { "If-Match": etag } });
    expect(response.status()).toBe(413);
    expect((await getMap(request, slug)).etag).toBe(etag);
  });

  test("answers 403 to a write from another origin", async ({ request }) => {
    const slug = await createMap(request, "Put cross origin");
    const { map, etag } = await getMap(request, slug);
    const response = await request.put(`/api/maps/${slug}`, {
      data: withRebuttal(map, "From elsewhere"),
      headers: { "If-Match": etag, Origin: "http://evil.example" },
    });
    expect(response.status()).toBe(403);
    const create = await request.post("/api/maps", {
      data: { title: "Cross origin" },
      headers: { Origin: "http://evil.example" },
    });
    expect(create.status()).toBe(403);
  });

  test("accepts a write from this server's own origin", async ({ request }) => {
    const slug = await createMap(request, "Put same origin", MAIN, { Origin: MAIN });
    const { map, etag } = await getMap(request, slug);
    const response = await request.put(`/api/maps/${slug}`, {
      data: withRebuttal(map, "From the page"),
      headers: { "If-Match": etag, Origin: MAIN },
    });
    expect(response.status()).toBe(200);
  });
});

test.describe("a read-only server", () => {
  const base = serverUrl("readonly");

  test("reads maps but answers 403 to every write", async ({ request }) => {
    const { map, etag } = await getMap(request, "russia-iran", base);
    const put = await request.put(`${base}/api/maps/russia-iran`, {
      data: map,
      headers: { "If-Match": etag },
    });
    expect(put.status()).toBe(403);
    expect(((await put.json()) as { error: string }).error).toMatch(/read-only/);
    expect((await request.post(`${base}/api/maps`, { data: { title: "Nope" } })).status()).toBe(403);
    expect((await request.post(`${base}/api/session`, { data: { token: TOKEN } })).status()).toBe(403);
  });
});

test.describe("a token-protected server", () => {
  const base = serverUrl("token");
  const bearer = { Authorization: `Bearer ${TOKEN}` };

  test("answers 403 to writes without the token and 200 with it as a Bearer header", async ({ request }) => {
    expect((await request.post(`${base}/api/maps`, { data: { title: "No token" } })).status()).toBe(403);
    const wrong = await request.post(`${base}/api/maps`, {
      data: { title: "Wrong token" },
      headers: { Authorization: "Bearer wrong" },
    });
    expect(wrong.status()).toBe(403);

    const slug = await createMap(request, "Token map", base, bearer);
    const { map, etag } = await getMap(request, slug, base);
    const edited = withRebuttal(map, "With token");
    const without = await request.put(`${base}/api/maps/${slug}`, {
      data: edited,
      headers: { "If-Match": etag },
    });
    expect(without.status()).toBe(403);
    const withToken = await request.put(`${base}/api/maps/${slug}`, {
      data: edited,
      headers: { "If-Match": etag, ...bearer },
    });
    expect(withToken.status()).toBe(200);
  });

  test("signs in with the token into an http-only cookie that allows writes, and signs out", async ({
    playwright,
  }) => {
    const context = await playwright.request.newContext({ baseURL: base });
    expect((await context.post("/api/session", { data: { token: "wrong" } })).status()).toBe(401);
    const signIn = await context.post("/api/session", { data: { token: TOKEN } });
    expect(signIn.status()).toBe(200);
    const cookie = signIn.headers()["set-cookie"];
    expect(cookie).toMatch(
      /^clashmap_session=\d+\.[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/,
    );
    expect(cookie).not.toContain(TOKEN);
    expect((await context.post("/api/maps", { data: { title: "Cookie map" } })).status()).toBe(201);
    expect((await context.delete("/api/session")).status()).toBe(200);
    expect((await context.post("/api/maps", { data: { title: "Signed out" } })).status()).toBe(403);
    await context.dispose();
  });
});
