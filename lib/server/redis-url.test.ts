import { describe, expect, it } from "vitest";
import { parseRedisUrl } from "./redis-url";

describe("parseRedisUrl", () => {
  it("reads host and port, with Redis's default port", () => {
    expect(parseRedisUrl("redis://10.0.0.5:6380")).toEqual({ host: "10.0.0.5", port: 6380, tls: false });
    expect(parseRedisUrl("redis://cache")).toEqual({ host: "cache", port: 6379, tls: false });
  });

  it("reads the user, password, database and TLS", () => {
    expect(parseRedisUrl("rediss://app:s%40cret@cache.example:7000/2")).toEqual({
      host: "cache.example",
      port: 7000,
      username: "app",
      password: "s@cret",
      db: 2,
      tls: true,
    });
    expect(parseRedisUrl("redis://:pw@[::1]:6379").host).toBe("::1");
  });

  it("refuses what is not a Redis URL, naming the variable", () => {
    expect(() => parseRedisUrl("localhost:6379")).toThrow(/REDIS_URL/);
    expect(() => parseRedisUrl("http://cache:6379")).toThrow(/redis:\/\//);
    expect(() => parseRedisUrl("redis://cache/main")).toThrow(/database/);
  });
});
