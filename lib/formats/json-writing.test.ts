import { describe, expect, it } from "vitest";
import { printedLikeStringify } from "./json-writing";

const value = { version: 1, title: "Uniforms", claims: [{ id: "t", text: "Uniforms help", side: "aff" }] };
const retitle = (original: unknown) => ({ ...(original as object), title: "School uniforms" });

describe("printedLikeStringify", () => {
  it("keeps a one-line file on one line and an indented file with its indent", () => {
    const compact = `${JSON.stringify(value)}\n`;
    expect(printedLikeStringify(compact, retitle)).toBe(
      `${JSON.stringify({ ...value, title: "School uniforms" })}\n`,
    );
    for (const indent of [2, 4, "\t"]) {
      const text = `${JSON.stringify(value, null, indent)}\n`;
      expect(printedLikeStringify(text, retitle)).toBe(
        `${JSON.stringify({ ...value, title: "School uniforms" }, null, indent)}\n`,
      );
    }
  });

  it("keeps the file's key order", () => {
    const text = `${JSON.stringify({ title: "Uniforms", version: 1 }, null, 2)}\n`;
    expect(printedLikeStringify(text, (o) => o)).toBe(text);
  });

  it("leaves any other layout to the layout-keeping printer", () => {
    const laidOut = '{\n  "version": 1,\n  "claims": [{ "id": "t", "text": "Uniforms help" }]\n}\n';
    expect(printedLikeStringify(laidOut, retitle)).toBeUndefined();
    expect(printedLikeStringify(JSON.stringify(value), retitle)).toBeUndefined(); // no final newline
    expect(
      printedLikeStringify(`${JSON.stringify(value, null, 2).replaceAll("\n", "\r\n")}\r\n`, retitle),
    ).toBeUndefined();
    expect(printedLikeStringify("{ not json\n", retitle)).toBeUndefined();
  });
});
