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

/** The map of a payload, checked against the schema like any data that crosses a boundary. */
export function readMapPayload(payload: string): ArgumentMap {
  return argumentMapSchema.parse(JSON.parse(payload));
}
