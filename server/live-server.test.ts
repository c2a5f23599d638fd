import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { mapDocName, presentDocName, readMapFromDoc, writeMapChange } from "../lib/live/doc";
import { sessionValue } from "../lib/server/access";
import { loadStoredMap } from "../lib/storage/maps";
import {
  type Client,
  connect,
  copyMaps,
  type RunningLive,
  redisAvailable,
  removeDir,
  startLive,
  startRedis,
  waitFor,
  withRebuttal,
} from "./live-test-kit";

// Ports of this suite: 3360–3379 (servers) and 3380 (Redis).
const SLUG = "russia-iran";
const LOCAL = { HOST: "127.0.0.1" };

let dir: string;
const clients: Client[] = [];
const servers: RunningLive[] = [];

function client(
  server: RunningLive,
  name = mapDocName(SLUG),
  options: Parameters<typeof connect>[2] = {},
): Client {
  const c = connect(server.url, name, options);
  clients.push(c);
  return c;
}

async function server(port: number, options: Parameters<typeof startLive>[1] = {}): Promise<RunningLive> {
  const s = await startLive(port, { dir, env: LOCAL, debounce: 150, maxDebounce: 600, ...options });
  servers.push(s);
  return s;
}

function claimIds(c: Client): string[] {
  return readMapFromDoc(c.doc).claims.map((claim) => claim.id);
}

async function fileMap() {
  const stored = await loadStoredMap(SLUG, dir);
  if (!stored?.ok) throw new Error("the map file does not read back");
  return stored;
}

function addRebuttal(c: Client, id: string, to = "russia-key"): void {
  const before = readMapFromDoc(c.doc);
  writeMapChange(c.doc, before, withRebuttal(before, id, to));
}

afterEach(async () => {
  // Closing stores what is left and, with Redis, waits a second for the last syncs.
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.close();
  removeDir(dir);
}, 30_000);

describe("the live server on one machine", () => {
  it("loads the map from its file and passes an edit from one page to another within a second", async () => {
    dir = copyMaps();
    const s = await server(3360);
    const a = client(s);
    const b = client(s);
    await Promise.all([a.synced, b.synced]);
    expect(claimIds(a)).toContain("russia-key");
    expect(a.scope()).toBe("read-write");

    const started = Date.now();
    addRebuttal(a, "live-rebuttal");
    await waitFor(() => claimIds(b).includes("live-rebuttal"), 1000, "the edit on page B");
    expect(Date.now() - started).toBeLessThan(1000);

    // Written back to the file, debounced, comments kept.
    await waitFor(
      async () => (await fileMap()).map.claims.some((c) => c.id === "live-rebuttal"),
      8000,
      "the file",
    );
    const text = readFileSync(path.join(dir, `${SLUG}.yaml`), "utf8");
    expect(text).toContain("# ── Theses");
    expect(text).toContain("live-rebuttal:");
    await waitFor(() => s.live.writes === 1, 1000, "the write count");
  });

  it("merges a claim added to the file on disk into open pages, keeping their own edits", async () => {
    dir = copyMaps();
    const s = await server(3361);
    const a = client(s);
    await a.synced;
    addRebuttal(a, "typed-in-the-page");
    await waitFor(
      async () => (await fileMap()).map.claims.some((c) => c.id === "typed-in-the-page"),
      8000,
      "the first write",
    );

    // A text editor (or git pull) adds a claim at the end of the file.
    const file = path.join(dir, `${SLUG}.yaml`);
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      text.replace(
        "\nclaims:\n",
        "\nclaims:\n  from-disk:\n    text: Added in a text editor\n    side: neg\n    attacks: russia-key\n",
      ),
    );
    await waitFor(() => claimIds(a).includes("from-disk"), 8000, "the claim from disk");
    expect(claimIds(a)).toContain("typed-in-the-page");

    // A file that does not parse right now is ignored until it does; nothing is lost meanwhile.
    writeFileSync(file, "version: 1\ntitle: [unclosed\n");
    // The open page is told why its edits stop reaching the file, naming the file and the place.
    await waitFor(
      () => /russia-iran\.yaml does not read as a map \(\d+:\d+ /.test(a.fileProblem() ?? ""),
      3000,
      "the file's problem on the page",
    );
    expect(claimIds(a)).toContain("from-disk");
    addRebuttal(a, "while-broken");
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(readFileSync(file, "utf8")).toBe("version: 1\ntitle: [unclosed\n");
    // A page that joins now hears of the problem at once.
    const late = client(s);
    await late.synced;
    await waitFor(
      () => /does not read as a map/.test(late.fileProblem() ?? ""),
      2000,
      "the problem on a page that joined late",
    );
    writeFileSync(file, text);
    await waitFor(
      () => a.fileProblem() === null && late.fileProblem() === null,
      8000,
      "the all-clear once the file is fixed",
    );
    await waitFor(
      async () => {
        const stored = await loadStoredMap(SLUG, dir);
        return !!stored?.ok && stored.map.claims.some((c) => c.id === "while-broken");
      },
      8000,
      "the edit made while the file was broken",
    );
    const final = await fileMap();
    // The repaired file lacks "from-disk": that is its change, merged in like any other.
    expect(final.map.claims.map((c) => c.id)).toContain("while-broken");
    await waitFor(() => !claimIds(a).includes("from-disk"), 2000, "the repaired file's change in the page");
  });

  it("keeps edits made while the file was broken after the last page leaves, and writes them once it is fixed", async () => {
    dir = copyMaps();
    const s = await server(3369);
    const a = client(s);
    await a.synced;
    const file = path.join(dir, `${SLUG}.yaml`);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, "version: 1\ntitle: [unclosed\n");
    await new Promise((resolve) => setTimeout(resolve, 300));
    addRebuttal(a, "typed-then-left");
    await new Promise((resolve) => setTimeout(resolve, 800));
    // The page leaves before anyone repairs the file: the edit must not go with it.
    a.close();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(s.live.hocuspocus.documents.has(mapDocName(SLUG))).toBe(true);
    writeFileSync(file, text);
    await waitFor(
      async () => {
        const stored = await loadStoredMap(SLUG, dir);
        return !!stored?.ok && stored.map.claims.some((c) => c.id === "typed-then-left");
      },
      8000,
      "the edit in the repaired file",
    );
    // Written, the map leaves memory as usual.
    await waitFor(() => !s.live.hocuspocus.documents.has(mapDocName(SLUG)), 3000, "the map to unload");
  });

  it("stops at once when a map is kept in memory for a broken file", async () => {
    dir = copyMaps();
    const s = await server(3372);
    const a = client(s);
    await a.synced;
    writeFileSync(path.join(dir, `${SLUG}.yaml`), "version: 1\ntitle: [unclosed\n");
    await new Promise((resolve) => setTimeout(resolve, 300));
    addRebuttal(a, "never-written");
    await new Promise((resolve) => setTimeout(resolve, 800));
    a.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(s.live.hocuspocus.documents.has(mapDocName(SLUG))).toBe(true);
    const started = Date.now();
    await s.live.destroy();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(s.live.hocuspocus.documents.size).toBe(0);
  });

  it("merges a page's edits made while the server restarted with edits made on the restarted server", async () => {
    dir = copyMaps();
    let s = await server(3373);
    const a = client(s);
    await a.synced;
    addRebuttal(a, "before-the-restart");
    await waitFor(
      async () => (await fileMap()).map.claims.some((c) => c.id === "before-the-restart"),
      8000,
      "the first write",
    );
    await s.close();
    servers.splice(servers.indexOf(s), 1);
    // Page A, cut off, changes a claim's text; page B, on the restarted server, its notes.
    const edit = (c: Client, change: Partial<{ text: string; notes: string }>) => {
      const map = readMapFromDoc(c.doc);
      writeMapChange(c.doc, map, {
        ...map,
        claims: map.claims.map((claim) => (claim.id === "russia-key" ? { ...claim, ...change } : claim)),
      });
    };
    edit(a, { text: "Changed while the server was away" });
    s = await server(3373);
    const b = client(s);
    await b.synced;
    edit(b, { notes: "Noted on the restarted server" });
    const key = (c: Client) => readMapFromDoc(c.doc).claims.find((claim) => claim.id === "russia-key");
    await waitFor(() => key(b)?.text === "Changed while the server was away", 15_000, "A's edit on B");
    await waitFor(() => key(a)?.notes === "Noted on the restarted server", 2000, "B's edit on A");
    expect(key(b)?.notes).toBe("Noted on the restarted server");
    expect(readMapFromDoc(a.doc).claims.length).toBe(readMapFromDoc(b.doc).claims.length);
  });

  it("makes a connection without edit rights read-only: it receives edits but cannot change the map", async () => {
    dir = copyMaps();
    const s = await server(3362, { env: { HOST: "127.0.0.1", CLASHMAP_READONLY: "1" } });
    const reader = client(s);
    await reader.synced;
    expect(reader.scope()).toBe("readonly");
    addRebuttal(reader, "not-allowed");
    await new Promise((resolve) => setTimeout(resolve, 600));
    const other = client(s);
    await other.synced;
    expect(claimIds(other)).not.toContain("not-allowed");
    expect((await fileMap()).map.claims.map((c) => c.id)).not.toContain("not-allowed");
    expect(s.live.writes).toBe(0);
  });

  it("checks the edit token: a bad token reads only, the right token or a session cookie edits", async () => {
    dir = copyMaps();
    const env = { HOST: "0.0.0.0", CLASHMAP_EDIT_TOKEN: "class-token" };
    const s = await server(3363, { env });
    const wrong = client(s, mapDocName(SLUG), { token: "guess" });
    const right = client(s, mapDocName(SLUG), { token: "class-token" });
    const signedIn = client(s, mapDocName(SLUG), {
      headers: { cookie: `clashmap_session=${sessionValue("class-token")}`, origin: "http://127.0.0.1:3363" },
    });
    await Promise.all([wrong.synced, right.synced, signedIn.synced]);
    expect(wrong.scope()).toBe("readonly");
    expect(right.scope()).toBe("read-write");
    expect(signedIn.scope()).toBe("read-write");
    addRebuttal(wrong, "from-wrong-token");
    addRebuttal(right, "from-right-token");
    await waitFor(() => claimIds(signedIn).includes("from-right-token"), 1000, "the token holder's edit");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(claimIds(signedIn)).not.toContain("from-wrong-token");
  });

  it("refuses other sites' pages, unknown maps, and presentation documents of unknown maps", async () => {
    dir = copyMaps();
    const s = await server(3364);
    const foreign = client(s, mapDocName(SLUG), { headers: { origin: "https://evil.example" } });
    const unknown = client(s, mapDocName("no-such-map"));
    const badName = client(s, "secrets");
    const present = client(s, presentDocName("no-such-map"));
    await expect(unknown.synced).rejects.toThrow(/refused/);
    await expect(badName.synced).rejects.toThrow(/refused/);
    await expect(present.synced).rejects.toThrow(/refused/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readMapFromDoc(foreign.doc).claims).toHaveLength(0);
  });

  it("keeps a presentation document in memory, changeable only with edit rights", async () => {
    dir = copyMaps();
    const s = await server(3365, { env: { HOST: "0.0.0.0", CLASHMAP_EDIT_TOKEN: "t" } });
    const presenter = client(s, presentDocName(SLUG), { token: "t" });
    const student = client(s, presentDocName(SLUG));
    await Promise.all([presenter.synced, student.synced]);
    const before = readFileSync(path.join(dir, `${SLUG}.yaml`), "utf8");
    presenter.doc.getMap("state").set("step", 3);
    await waitFor(() => student.doc.getMap("state").get("step") === 3, 1000, "the presenter's step");
    student.doc.getMap("state").set("step", 9);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(presenter.doc.getMap("state").get("step")).toBe(3);
    expect(readFileSync(path.join(dir, `${SLUG}.yaml`), "utf8")).toBe(before);
  });

  it("refuses an oversized update and never writes it: the file stays valid", async () => {
    dir = copyMaps();
    const s = await server(3366, { maxMessageBytes: 20_000 });
    const a = client(s);
    const b = client(s);
    await Promise.all([a.synced, b.synced]);
    const before = readFileSync(path.join(dir, `${SLUG}.yaml`), "utf8");
    const map = readMapFromDoc(a.doc);
    writeMapChange(a.doc, map, withRebuttal(map, "huge", "russia-key", "x".repeat(50_000)));
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(claimIds(b)).not.toContain("huge");
    expect(readFileSync(path.join(dir, `${SLUG}.yaml`), "utf8")).toBe(before);
    expect((await loadStoredMap(SLUG, dir))?.ok).toBe(true);
  });

  it("closes a connection that sends a malformed update, and goes on serving the others", async () => {
    dir = copyMaps();
    const s = await server(3368);
    const a = client(s);
    await a.synced;
    const name = mapDocName(SLUG);
    const text = (value: string) => [value.length, ...Buffer.from(value)];
    // The provider protocol by hand: authenticate, then a "Yjs update" that is random bytes.
    const raw = new WebSocket(s.url);
    await new Promise((resolve, reject) => {
      raw.once("open", resolve);
      raw.once("error", reject);
    });
    const closed = new Promise<number>((resolve) => raw.once("close", (code) => resolve(code)));
    raw.send(Uint8Array.from([...text(name), 2, 0, ...text("")]));
    const garbage = [0x7f, 0x80, 0xff, 0x01, 0x33, 0x99, 0x10, 0x00, 0xfe, 0x42];
    raw.send(Uint8Array.from([...text(name), 0, 2, garbage.length, ...garbage]));
    expect(await closed).toBe(1003);
    addRebuttal(a, "after-garbage");
    await waitFor(
      async () => (await fileMap()).map.claims.some((c) => c.id === "after-garbage"),
      5000,
      "the file",
    );
    const b = client(s);
    await b.synced;
    expect(claimIds(b)).toContain("after-garbage");
  });

  it("never writes what a hostile client puts in the document: only valid maps reach the file", async () => {
    dir = copyMaps();
    const s = await server(3367);
    const a = client(s);
    await a.synced;
    // Raw Yjs edits that bypass the map model: a claim of the wrong shape, junk at the top level.
    a.doc.transact(() => {
      for (const name of a.doc.share.keys()) {
        const type = a.doc.share.get(name);
        if (type && "set" in type && typeof type.set === "function")
          (type as { set: (k: string, v: unknown) => void }).set("junk", { text: 5 });
      }
    });
    addRebuttal(a, "valid-after-junk");
    await waitFor(
      async () => {
        const stored = await loadStoredMap(SLUG, dir);
        return !!stored?.ok && stored.map.claims.some((c) => c.id === "valid-after-junk");
      },
      8000,
      "the valid edit in the file",
    );
  });
});

const haveRedis = redisAvailable();

describe.skipIf(!haveRedis)("two app servers on one Redis", () => {
  const REDIS_PORT = 3380;
  let stopRedis: () => void = () => undefined;
  beforeAll(async () => {
    stopRedis = await startRedis(REDIS_PORT);
  });
  afterAll(() => stopRedis());

  it("passes an edit on one server's page to the other's, and only one server writes the file", async () => {
    dir = copyMaps();
    const redisUrl = `redis://127.0.0.1:${REDIS_PORT}`;
    const one = await server(3370, { redisUrl, identifier: "one" });
    const two = await server(3371, { redisUrl, identifier: "two" });
    const a = client(one);
    await a.synced;
    const b = client(two);
    await b.synced;
    // The second server took the first's document through Redis: no duplicated content.
    expect(readMapFromDoc(b.doc).claims.length).toBe(readMapFromDoc(a.doc).claims.length);

    addRebuttal(a, "across-servers");
    await waitFor(() => claimIds(b).includes("across-servers"), 1000, "the edit on the other server");
    await waitFor(
      async () => (await fileMap()).map.claims.some((c) => c.id === "across-servers"),
      8000,
      "the file",
    );
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(one.live.writes + two.live.writes).toBe(1);

    // Edits on both servers at once both land, in the file too.
    addRebuttal(a, "from-one");
    addRebuttal(b, "from-two");
    await waitFor(
      () => claimIds(a).includes("from-two") && claimIds(b).includes("from-one"),
      1000,
      "both edits",
    );
    await waitFor(
      async () => {
        const ids = (await fileMap()).map.claims.map((c) => c.id);
        return ids.includes("from-one") && ids.includes("from-two");
      },
      8000,
      "both edits in the file",
    );

    // A change on disk is merged once, by one server, and reaches pages of both.
    const file = path.join(dir, `${SLUG}.yaml`);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "\nclaims:\n",
        "\nclaims:\n  disk-edit:\n    text: From disk\n    side: aff\n",
      ),
    );
    await waitFor(
      () => claimIds(a).includes("disk-edit") && claimIds(b).includes("disk-edit"),
      5000,
      "the disk edit",
    );
    const map = readMapFromDoc(a.doc);
    expect(map.claims.filter((c) => c.id === "disk-edit")).toHaveLength(1);
    expect(new Set(map.theses).size).toBe(map.theses.length);
  });
});
