import type { ArgumentMap } from "../model/schema";

/**
 * The normalized JSON of FORMATS.md, every object's keys in one fixed order so exports and saves
 * agree. Kept apart from the YAML module so browser code can use it without the YAML parser.
 */
export function mapToNormalized(map: ArgumentMap): ArgumentMap {
  return withoutUndefined({
    version: map.version,
    slug: map.slug,
    title: map.title,
    resolution: map.resolution,
    description: map.description,
    tags: map.tags,
    theses: map.theses,
    presentation: map.presentation,
    claims: map.claims.map((c) => ({
      id: c.id,
      text: c.text,
      side: c.side,
      notes: c.notes,
      tags: c.tags,
      evidence: c.evidence,
    })),
    relations: map.relations.map((r) => ({
      id: r.id,
      from: r.from,
      to: r.to,
      type: r.type,
      evidence: r.evidence,
    })),
    evidence: map.evidence.map((card) => ({
      id: card.id,
      tag: card.tag,
      quote: card.quote,
      read: card.read,
      cite: card.cite,
    })),
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
