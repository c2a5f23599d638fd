import { z } from "zod";
import { argumentFileSchema } from "../model/schema";

/** Where the committed schema lives, relative to the repository root. */
export const JSON_SCHEMA_PATH = "schema/argument-map.schema.json";

/** The JSON Schema editors use to validate and complete argument files, generated from the zod schema. */
export function argumentFileJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(argumentFileSchema, { target: "draft-2020-12", io: "input" }) as Record<
    string,
    unknown
  >;
  return {
    ...generated,
    title: "Clashmap argument map",
    description:
      "A debate argument map: claims with support and attack relations, backed by evidence cards. Version 1.",
  };
}

/** The schema as committed: two-space JSON with a final newline. */
export function argumentFileJsonSchemaText(): string {
  return `${JSON.stringify(argumentFileJsonSchema(), null, 2)}\n`;
}
