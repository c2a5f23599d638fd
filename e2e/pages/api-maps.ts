import { type APIRequestContext, expect } from "@playwright/test";
import { serverUrl } from "../servers";

/** The normalized map the API answers, as far as the tests read it. */
export interface NormalizedMap {
  slug: string;
  title: string;
  theses: string[];
  claims: { id: string; text: string; side: string }[];
  relations: { id: string; from: string; to: string; type: string }[];
  evidence: unknown[];
}

/** Creates a fresh map on a server so write tests never touch the bundled ones. */
export async function createMap(
  request: APIRequestContext,
  title: string,
  base = serverUrl("main"),
  headers = {},
): Promise<string> {
  const response = await request.post(`${base}/api/maps`, { data: { title }, headers });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { slug: string };
  expect(response.headers().location).toBe(`/maps/${body.slug}`);
  return body.slug;
}

/** A map as the API answers it, with its revision (the ETag). */
export async function getMap(
  request: APIRequestContext,
  slug: string,
  base = serverUrl("main"),
): Promise<{ map: NormalizedMap; etag: string }> {
  const response = await request.get(`${base}/api/maps/${slug}`);
  expect(response.status()).toBe(200);
  return { map: (await response.json()) as NormalizedMap, etag: response.headers().etag };
}
