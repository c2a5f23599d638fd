import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_FILE_MB, maxFileBytes } from "./schema";

describe("maxFileBytes", () => {
  it("defaults to room for a 20,000-claim map", () => {
    expect(maxFileBytes(undefined)).toBe(DEFAULT_MAX_FILE_MB * 1024 * 1024);
    expect(maxFileBytes(undefined)).toBeGreaterThan(12 * 1024 * 1024);
  });

  it("reads CLASHMAP_MAX_FILE_MB in megabytes", () => {
    expect(maxFileBytes("2")).toBe(2 * 1024 * 1024);
    expect(maxFileBytes("0.5")).toBe(512 * 1024);
  });

  it("ignores a value that is not a positive number", () => {
    for (const bad of ["", " ", "-1", "0", "lots", "99999"]) {
      expect(maxFileBytes(bad)).toBe(DEFAULT_MAX_FILE_MB * 1024 * 1024);
    }
  });
});
