import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createMap, getMap, type NormalizedMap } from "./pages/api-maps";
import { serverDir } from "./servers";

/** The map with one more claim attacking its thesis. */
function withClaim(map: NormalizedMap, id: string, text: string): NormalizedMap {
  const thesis = map.theses[0];
  return {
    ...map,
    claims: [...map.claims, { id, text, side: "neg" }],
    relations: [...map.relations, { id: `${id}-attacks-${thesis}`, from: id, to: thesis, type: "attack" }],
  };
}

function withThesisText(map: NormalizedMap, text: string): NormalizedMap {
  return { ...map, claims: map.claims.map((c) => (c.id === map.theses[0] ? { ...c, text } : c)) };
}

function fileText(slug: string): Promise<string> {
  return readFile(path.join(serverDir("main"), `${slug}.yaml`), "utf8");
}

test.describe("PUT /api/maps/<slug> from an older revision", () => {
  test("ten PUTs racing from one revision, each adding a claim, leave all ten", async ({ request }) => {
    const slug = await createMap(request, "Ten racing saves");
    const { map, etag } = await getMap(request, slug);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        request.put(`/api/maps/${slug}`, {
          data: withClaim(map, `racer-${i}`, `Racer number ${i} answers`),
          headers: { "If-Match": etag },
        }),
      ),
    );
    const answers = await Promise.all(
      responses.map(async (r) => ({ status: r.status(), etag: r.headers().etag, body: await r.json() })),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.etag).toBe(`"${(answer.body as { revision: string }).revision}"`);
    }
    // One of them went first on the revision it named; the other nine were merged.
    expect(answers.filter((a) => (a.body as { merged?: boolean }).merged === true)).toHaveLength(9);

    const after = await getMap(request, slug);
    const ids = after.map.claims.map((c) => c.id);
    for (let i = 0; i < 10; i++) expect(ids).toContain(`racer-${i}`);
    expect(answers.map((a) => a.etag)).toContain(after.etag);
    const text = await fileText(slug);
    for (let i = 0; i < 10; i++) expect(text).toContain(`Racer number ${i} answers`);
  });

  test("a change that does not collide is merged, and the sender can go on from its own copy", async ({
    request,
  }) => {
    const slug = await createMap(request, "Merged saves");
    const { map, etag } = await getMap(request, slug);
    const first = await request.put(`/api/maps/${slug}`, {
      data: withClaim(map, "someone-else", "Someone else answers"),
      headers: { "If-Match": etag },
    });
    expect(first.status()).toBe(200);

    const mine = withThesisText(map, "The thesis, reworded");
    const merged = await request.put(`/api/maps/${slug}`, { data: mine, headers: { "If-Match": etag } });
    expect(merged.status()).toBe(200);
    const body = (await merged.json()) as { revision: string; merged: boolean; ownRevision: string };
    expect(body.merged).toBe(true);
    expect(merged.headers().etag).toBe(`"${body.revision}"`);
    expect(body.ownRevision).toMatch(/^[0-9a-f]{32}$/);

    // Changing the same text again from the copy it sent is no collision, and keeps the other claim.
    const again = await request.put(`/api/maps/${slug}`, {
      data: withThesisText(map, "The thesis, reworded twice"),
      headers: { "If-Match": `"${body.ownRevision}"` },
    });
    expect(again.status()).toBe(200);
    const after = await getMap(request, slug);
    expect(after.map.claims.find((c) => c.id === map.theses[0])?.text).toBe("The thesis, reworded twice");
    expect(after.map.claims.map((c) => c.id)).toContain("someone-else");
  });

  test("the same field changed two ways answers 409 naming the field, and writes nothing", async ({
    request,
  }) => {
    const slug = await createMap(request, "Colliding saves");
    const { map, etag } = await getMap(request, slug);
    const first = await request.put(`/api/maps/${slug}`, {
      data: withThesisText(map, "Reworded by the first"),
      headers: { "If-Match": etag },
    });
    expect(first.status()).toBe(200);
    const firstRevision = ((await first.json()) as { revision: string }).revision;
    const before = await fileText(slug);

    const second = await request.put(`/api/maps/${slug}`, {
      data: withThesisText(map, "Reworded by the second"),
      headers: { "If-Match": etag },
    });
    expect(second.status()).toBe(409);
    const body = (await second.json()) as {
      error: string;
      currentRevision: string;
      collisions: { path: string; message: string }[];
    };
    const field = `claims[${map.theses[0]}].text`;
    expect(body.collisions.map((c) => c.path)).toEqual([field]);
    expect(body.error).toContain(field);
    expect(body.currentRevision).toBe(firstRevision);
    expect(second.headers().etag).toBe(`"${firstRevision}"`);
    expect(await fileText(slug)).toBe(before);
  });

  test("a revision the server never saw answers 409 with the current revision", async ({ request }) => {
    const slug = await createMap(request, "Unknown revision");
    const { map, etag } = await getMap(request, slug);
    const response = await request.put(`/api/maps/${slug}`, {
      data: withClaim(map, "stranger", "From nowhere"),
      headers: { "If-Match": `"${"0".repeat(32)}"` },
    });
    expect(response.status()).toBe(409);
    expect(((await response.json()) as { currentRevision: string }).currentRevision).toBe(
      etag.replaceAll('"', ""),
    );
    expect(await fileText(slug)).not.toContain("From nowhere");
  });
});
