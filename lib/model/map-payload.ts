import { z } from "zod";
import { type ArgumentMap, argumentMapSchema } from "./schema";

/**
 * A map as the map page sends it to the browser: one JSON string. React serializes a tree of
 * thousands of claims value by value, which took seconds for a 20,000-claim map; one string
 * goes through as it is, and JSON.parse reads it back many times faster.
 */
export function mapPayload(map: ArgumentMap): string {
  let payload = payloads.get(map);
  if (payload === undefined) {
    payload = JSON.stringify(map);
    payloads.set(map, payload);
  }
  return payload;
}

/** Payloads of maps kept between requests (see lib/storage/map-cache.ts), made once each. */
const payloads = new WeakMap<ArgumentMap, string>();

/** A map's fields, with its lists taken as they are (their entries are checked by `readMapPayload`). */
const payloadSchema = argumentMapSchema.extend({
  claims: z.array(z.unknown()),
  relations: z.array(z.unknown()),
  evidence: z.array(z.unknown()),
});

/**
 * The map of a payload. The page makes it from a map the server read and checked in full, so the
 * browser checks its shape (the map's own fields, and lists of entries that each have an id),
 * not every value again: the full check took as long as the rest of opening a big map.
 */
export function readMapPayload(payload: string): ArgumentMap {
  const map = payloadSchema.parse(JSON.parse(payload));
  for (const list of [map.claims, map.relations, map.evidence])
    for (const entry of list)
      if (typeof entry !== "object" || entry === null || typeof (entry as { id?: unknown }).id !== "string")
        throw new Error("The map page's payload holds an entry without an id.");
  return map as ArgumentMap;
}
