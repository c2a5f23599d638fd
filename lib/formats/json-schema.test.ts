import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { argumentFileJsonSchema, argumentFileJsonSchemaText, JSON_SCHEMA_PATH } from "./json-schema";

describe("the committed JSON Schema", () => {
  it("matches the zod schema (run `npm run -s cli -- schema --out schema/argument-map.schema.json` after a change)", () => {
    const committed = readFileSync(path.join(__dirname, "..", "..", JSON_SCHEMA_PATH), "utf8");
    expect(committed).toBe(argumentFileJsonSchemaText());
  });

  it("describes claims keyed by id with support and attack targets", () => {
    const schema = argumentFileJsonSchema() as {
      required: string[];
      properties: {
        claims: { propertyNames: { pattern: string }; additionalProperties: { properties: object } };
      };
    };
    expect(schema.required).toEqual(expect.arrayContaining(["version", "title", "claims"]));
    expect(schema.properties.claims.propertyNames.pattern).toBe("^[a-z0-9][a-z0-9_-]{0,127}$");
    expect(Object.keys(schema.properties.claims.additionalProperties.properties)).toEqual(
      expect.arrayContaining(["text", "side", "supports", "attacks", "evidence"]),
    );
  });
});
