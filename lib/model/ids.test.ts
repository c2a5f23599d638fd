import { describe, expect, it } from "vitest";
import { relationId, slugify } from "./ids";

describe("ids made from text", () => {
  it("transliterates letters that have no decomposition", () => {
    expect(slugify("Über-größe")).toBe("uber-grosse");
    expect(slugify("Æsir og Ørsted i Łódź")).toBe("aesir-og-orsted-i-lodz");
    expect(slugify("Þórr, Œuvre, Đorđe, Straße")).toBe("thorr-oeuvre-dorde-strasse");
    expect(slugify("Économie & Société")).toBe("economie-societe");
  });

  it("drops apostrophes inside words instead of splitting them", () => {
    expect(slugify("Russia’s veto doesn't hold")).toBe("russias-veto-doesnt-hold");
    expect(slugify("'quoted' words")).toBe("quoted-words");
  });

  it("cuts a long text after its last whole word, never mid-word", () => {
    const text = "Sanctions relief opens Iran's economy to European and Asian investment";
    const id = slugify(text, "claim", 48);
    expect(id).toBe("sanctions-relief-opens-irans-economy-to-european");
    expect(id.length).toBeLessThanOrEqual(48);
    expect(text.toLowerCase().replace(/'/g, "").replace(/ /g, "-").startsWith(`${id}-`)).toBe(true);
    // A cut that falls exactly on a word's end keeps that word.
    expect(slugify("abcd efgh ijkl", "x", 9)).toBe("abcd-efgh");
    expect(slugify("abcd efgh ijkl", "x", 8)).toBe("abcd");
  });

  it("cuts a single word longer than the limit, and falls back on empty text", () => {
    expect(slugify("Donaudampfschifffahrtsgesellschaft", "x", 10)).toBe("donaudampf");
    expect(slugify("¿¡!!", "map")).toBe("map");
  });

  it("derives relation ids from both ends", () => {
    expect(relationId("uber-grosse", "attack", "b")).toBe("uber-grosse-attacks-b");
  });
});
