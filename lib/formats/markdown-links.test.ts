import { describe, expect, it } from "vitest";
import { unsafeLinksAsLabels } from "./markdown-links";

describe("unsafeLinksAsLabels", () => {
  it("turns a javascript: link into its label, with no stray bracket", () => {
    expect(unsafeLinksAsLabels("See [this](javascript:alert(1)) now.")).toEqual({
      text: "See this now.",
      changed: 1,
    });
    expect(unsafeLinksAsLabels("[a](data:text/html,x) and [b](file:///etc/passwd)").text).toBe("a and b");
  });

  it("keeps http(s) links, parentheses in their targets included, and escaped brackets as text", () => {
    const text = "Read [the study](https://example.org/a_(b)) and \\[x\\]\\(javascript:alert(1)\\) [open";
    expect(unsafeLinksAsLabels(text)).toEqual({ text, changed: 0 });
  });
});
