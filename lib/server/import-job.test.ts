import { describe, expect, it } from "vitest";
import { runImportJob, warmImporters } from "./import-job";

describe("import jobs", () => {
  it("warm up on a file of every format the importers read, each of which imports", async () => {
    const answers = await warmImporters();
    expect(answers.map((a) => (a.ok ? a.value.format : a.problems[0]?.message))).toEqual([
      "kialo",
      "argdown",
      "aif",
      "yaml",
      "kialo",
      "aif",
    ]);
    const medium = answers[4];
    expect(medium.ok && medium.value.counts.claims).toBe(300);
  }, 60_000);

  it("write the new file's $schema line for the folder it goes to", async () => {
    const answer = await runImportJob({
      text: "Discussion Title: S\n\n1. Thesis.\n",
      fileName: "s.txt",
      schemaReference: "../schema/argument-map.schema.json",
    });
    expect(answer.ok && answer.value.source).toContain(
      "# yaml-language-server: $schema=../schema/argument-map.schema.json",
    );
  });
});
