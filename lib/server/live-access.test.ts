import { describe, expect, it } from "vitest";
import { accessConfig, sessionValue } from "./access";
import { liveWriteAllowed, refuseUpgrade, upgradeFacts } from "./live-access";

const local = accessConfig({ HOST: "127.0.0.1" });
const open = accessConfig({ HOST: "0.0.0.0", CLASHMAP_EDIT_TOKEN: "class-token" });
const readOnly = accessConfig({ HOST: "127.0.0.1", CLASHMAP_READONLY: "1" });

describe("refuseUpgrade", () => {
  it("accepts this server's own pages and scripts, refuses other sites", () => {
    const page = upgradeFacts({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" });
    expect(refuseUpgrade(local, page)).toBeUndefined();
    expect(refuseUpgrade(local, upgradeFacts({ host: "127.0.0.1:3000" }))).toBeUndefined();
    const other = upgradeFacts({ host: "127.0.0.1:3000", origin: "https://evil.example" });
    expect(refuseUpgrade(local, other)).toMatch(/own pages/);
  });

  it("refuses names that are not the local machine on a local server (DNS rebinding)", () => {
    const rebound = upgradeFacts({ host: "evil.example:3000", origin: "http://evil.example:3000" });
    expect(refuseUpgrade(local, rebound)).toMatch(/local machine/);
    expect(refuseUpgrade(open, rebound)).toBeUndefined();
  });
});

describe("liveWriteAllowed", () => {
  it("lets a local server's pages edit without a token", () => {
    const page = upgradeFacts({ host: "localhost:3000", origin: "http://localhost:3000" });
    expect(liveWriteAllowed(local, page)).toBe(true);
  });

  it("makes every connection of a read-only server read-only", () => {
    const page = upgradeFacts({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" });
    expect(liveWriteAllowed(readOnly, page)).toBe(false);
  });

  it("needs the edit token, as a session cookie or as the provider's token", () => {
    const facts = { host: "class.example:3000", origin: "http://class.example:3000" };
    expect(liveWriteAllowed(open, upgradeFacts(facts))).toBe(false);
    expect(liveWriteAllowed(open, upgradeFacts(facts), "wrong")).toBe(false);
    expect(liveWriteAllowed(open, upgradeFacts(facts), "class-token")).toBe(true);
    const cookie = `clashmap_session=${sessionValue("class-token")}`;
    expect(liveWriteAllowed(open, upgradeFacts({ ...facts, cookie }))).toBe(true);
    expect(liveWriteAllowed(open, upgradeFacts({ ...facts, cookie: "clashmap_session=1.abc" }))).toBe(false);
  });
});
