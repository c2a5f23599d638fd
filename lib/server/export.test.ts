import { describe, expect, it } from "vitest";
import { bundledMap } from "../formats/fixtures/export-maps";
import "../formats/render-node";
import type { StoredMap } from "../storage/maps";
import { exportResponse } from "./export";

const map = bundledMap();
const stored = { ok: true, slug: "russia-iran", file: "russia-iran.yaml", map } as unknown as StoredMap;
const q = (query: string) => new URLSearchParams(query);

describe("export response", () => {
  it("answers the file with the registry's type, named from the slug", async () => {
    const res = await exportResponse(stored, "russia-iran", q("format=svg"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="russia-iran.svg"');
    expect(await res.text()).toMatch(/^<svg /);
  });

  it("names a subtree export after its claim and holds only that subtree", async () => {
    const res = await exportResponse(
      stored,
      "russia-iran",
      q("format=md&claim=convince-moscow&direction=LR"),
    );
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="russia-iran-convince-moscow.md"',
    );
    const text = await res.text();
    expect(text).toContain("Moscow can be persuaded");
    expect(text).not.toContain("Russia is key to isolating Iran");
  });

  it("sends binary formats as bytes", async () => {
    const res = await exportResponse(stored, "russia-iran", q("format=png"));
    expect(res.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  it("refuses an unknown format, claim or direction with 400, listing the formats", async () => {
    for (const query of ["format=gif", "", "format=svg&claim=nope", "format=svg&direction=up"]) {
      const res = await exportResponse(stored, "russia-iran", q(query));
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: string; formats: string[] };
      expect(body.formats).toEqual(
        expect.arrayContaining(["svg", "png", "pdf", "docx", "md", "csv", "json", "yaml"]),
      );
      expect(body.error.length).toBeGreaterThan(0);
    }
  });

  it("answers 404 for an unknown map and 422 for a file with problems", async () => {
    expect((await exportResponse(undefined, "ghost", q("format=svg"))).status).toBe(404);
    const broken = { ok: false, slug: "b", file: "b.yaml", problems: [] } as unknown as StoredMap;
    expect((await exportResponse(broken, "b", q("format=svg"))).status).toBe(422);
  });
});
