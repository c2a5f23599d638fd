import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { parseArgumentSource } from "./argument-file";

it("the README's example argument file is valid and means what the README says", () => {
  const readme = readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
  const example = readme.match(/```yaml\n([\s\S]*?)```/)?.[1];
  expect(example).toBeDefined();
  const result = parseArgumentSource(example ?? "", "README.md");
  expect(result.ok ? [] : result.problems).toEqual([]);
  if (!result.ok) return;
  const { map } = result.value;
  const side = Object.fromEntries(map.claims.map((c) => [c.id, c.side]));
  expect(side).toMatchObject({
    "less-bullying": "aff",
    "self-expression": "neg",
    "expression-elsewhere": "aff",
  });
  expect(map.relations.find((r) => r.from === "bullying-moves-online")?.to).toBe(
    "less-bullying-supports-uniforms-required",
  );
});
