// The live collaboration server: Hocuspocus (a Yjs WebSocket server) with the argument files as
// the source of truth. A map's document is loaded from its file when the first page opens it,
// stored back through saveMap (debounced, atomic, revision-checked, comments kept), merged with
// changes made on disk, and shared between app servers through Redis when REDIS_URL is set.
import { type FSWatcher, watch } from "node:fs";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import type { Duplex } from "node:stream";
import {
  type Document,
  type Extension,
  Hocuspocus,
  type onAuthenticatePayload,
  type onLoadDocumentPayload,
  type onStoreDocumentPayload,
} from "@hocuspocus/server";
import { type WebSocket, WebSocketServer } from "ws";
import * as Y from "yjs";
import { mapToNormalized } from "../lib/formats/normalized-json";
import {
  isMapDocEmpty,
  LIVE_PATH,
  loadMapIntoDoc,
  mapDocName,
  parseDocName,
  readMapFromDoc,
  writeMapChange,
} from "../lib/live/doc";
import { fileProblemMessage } from "../lib/live/file-problem";
import { type ArgumentMap, MAX_FILE_BYTES } from "../lib/model/schema";
import { type AccessConfig, accessConfig, type RequestFacts } from "../lib/server/access";
import { liveWriteAllowed, refuseUpgrade, upgradeFacts } from "../lib/server/live-access";
import { carriedUpdate } from "../lib/server/live-message";
import { parseRedisUrl } from "../lib/server/redis-url";
import {
  ARGUMENT_EXTENSIONS,
  argumentsDir,
  findMapFile,
  isMapFileName,
  loadStoredMap,
} from "../lib/storage/maps";
import {
  InvalidMapError,
  MapNotFoundError,
  RevisionConflictError,
  validateIncomingMap,
} from "../lib/storage/write";
import { FileWriter, WORKER_FROM_CLAIMS } from "./file-writer";
import { ClashmapRedis } from "./live-redis";
import { keepLiveState, loadLiveState } from "./live-state";

export interface LiveServerOptions {
  /** The arguments folder (default: ARGUMENTS_DIR or ./arguments). */
  dir?: string;
  /** The environment the access rules are read from (default: process.env). */
  env?: Record<string, string | undefined>;
  /** Redis to share documents through (default: REDIS_URL; none → a single server). */
  redisUrl?: string;
  /** A name for this server in Redis (default: a random one). */
  identifier?: string;
  /** Milliseconds of quiet before an edit is written to the file, and the longest wait. */
  debounce?: number;
  maxDebounce?: number;
  /** Largest single message a client may send, in bytes (default: the map size limit). */
  maxMessageBytes?: number;
  /** Serialize maps in a worker thread, off the event loop that passes edits on (default: true). */
  fileWorker?: boolean;
  /** Where to report what happened (default: console). */
  log?: (message: string) => void;
}

/** What the server keeps per open map document. */
interface MapState {
  slug: string;
  /** The revision of the file the document was last in step with, and its map. */
  revision: string;
  base: ArgumentMap;
  /** Load the file only if no other server filled the document through Redis. */
  loadAfterSync: boolean;
  /** A store that could not write (the file was broken or gone) waits for the file to be fixed. */
  storeFailed: boolean;
  /** The last problem reported about the file, so it is logged once, not on every change. */
  lastProblem?: string;
}

/** The context each connection carries from its upgrade request. */
interface ConnectionContext {
  facts: RequestFacts;
}

/** Refused: the client asked for a document that is not a map of this server. */
class UnknownDocument extends Error {
  reason = "unknown-document";
}

/** The file's problem that stopped a write, already reported to the log and the pages. */
class ReportedProblem extends Error {
  constructor() {
    super("the file has problems");
  }
}

const WATCH_SETTLE_MS = 100;

export class LiveServer {
  readonly hocuspocus: Hocuspocus<ConnectionContext>;
  readonly dir: string;
  readonly access: AccessConfig;
  readonly redis?: ClashmapRedis;
  readonly maxMessageBytes: number;
  /** How many times this server wrote a map file (for tests and the benchmark). */
  writes = 0;

  private readonly states = new Map<string, MapState>();
  private readonly wss: WebSocketServer;
  private readonly files: FileWriter;
  private readonly log: (message: string) => void;
  private watcher?: FSWatcher;
  private readonly watchTimers = new Map<string, NodeJS.Timeout>();
  private stopping = false;

  constructor(options: LiveServerOptions = {}) {
    this.dir = path.resolve(options.dir ?? argumentsDir());
    this.access = accessConfig(options.env ?? process.env);
    this.log = options.log ?? ((message) => console.log(`[live] ${message}`));
    this.maxMessageBytes = options.maxMessageBytes ?? MAX_FILE_BYTES;
    this.files = new FileWriter(this.dir, options.fileWorker ?? true);
    const redisUrl = options.redisUrl ?? process.env.REDIS_URL?.trim();
    if (redisUrl) this.redis = new ClashmapRedis(parseRedisUrl(redisUrl), options.identifier);

    const persistence: Extension = {
      extensionName: "clashmap-files",
      onAuthenticate: (payload) => this.authenticate(payload),
      onLoadDocument: (payload) => this.load(payload),
      afterLoadDocument: async ({ documentName, document }) => this.afterLoad(documentName, document),
      // A page that joins while the file has a problem hears of it at once.
      connected: async ({ documentName, connection }) => {
        const problem = this.states.get(documentName)?.lastProblem;
        if (problem) connection.sendStateless(fileProblemMessage(problem));
      },
      beforeHandleMessage: async ({ update, connection }) => {
        const refusal = this.refuseMessage(update);
        if (!refusal) return;
        // The whole socket goes: a client that sends this is broken or hostile.
        connection.webSocket.close(refusal.code, refusal.reason);
        throw Object.assign(new Error(refusal.reason), refusal);
      },
      onStoreDocument: (payload) => this.store(payload),
      // Edits that could not be written (the file is broken or gone) stay in memory after the
      // last page leaves, until the file watcher sees the file fixed and writes them.
      beforeUnloadDocument: async ({ documentName }) => {
        const state = this.states.get(documentName);
        if (!state?.storeFailed) return;
        if (!this.stopping) throw new Error(`${documentName} has edits not yet written`);
        this.log(`${state.slug}: stopped with edits its file could not take (broken or gone)`);
      },
      afterUnloadDocument: async ({ documentName }) => {
        this.states.delete(documentName);
      },
    };
    this.hocuspocus = new Hocuspocus<ConnectionContext>({
      name: options.identifier ?? "clashmap",
      quiet: true,
      debounce: options.debounce ?? 1000,
      maxDebounce: options.maxDebounce ?? 5000,
      unloadImmediately: true,
      extensions: this.redis ? [this.redis, persistence] : [persistence],
    });
    // A message over the limit is refused by ws itself, before it is even read (close code 1009).
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.maxMessageBytes + 1024 });
  }

  /** Starts watching the arguments folder for changes made on disk. */
  start(): this {
    try {
      this.watcher = watch(this.dir, (_event, name) => {
        if (typeof name === "string") this.fileChanged(name);
      });
      this.watcher.on("error", (error) => this.log(`watching ${this.dir} stopped: ${error.message}`));
    } catch (error) {
      this.log(`cannot watch ${this.dir} for changes on disk: ${(error as Error).message}`);
    }
    return this;
  }

  /** Whether an upgrade request is for the live server. */
  handles(request: IncomingMessage): boolean {
    return new URL(request.url ?? "/", "http://localhost").pathname === LIVE_PATH;
  }

  /** Accepts (or refuses) a WebSocket upgrade on LIVE_PATH and hands it to Hocuspocus. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const facts = upgradeFacts({
      host: request.headers.host,
      origin: request.headers.origin,
      cookie: request.headers.cookie,
    });
    const refusal = refuseUpgrade(this.access, facts);
    if (refusal) {
      socket.end(
        `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n${refusal}\n`,
      );
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.connect(ws, request, facts));
  }

  private connect(ws: WebSocket, request: IncomingMessage, facts: RequestFacts): void {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) headers.set(name, value.join(", "));
    }
    const fetchRequest = new Request(new URL(request.url ?? "/", "http://localhost"), { headers });
    const connection = this.hocuspocus.handleConnection(ws, fetchRequest, { facts });
    ws.on("message", (data: Buffer | ArrayBuffer | Buffer[]) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      connection.handleMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
    ws.on("close", (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
    ws.on("error", (error) => this.log(`a live connection failed: ${error.message}`));
  }

  /** Why a message is refused: over the size limit, or a Yjs update that does not decode. */
  private refuseMessage(message: Uint8Array): { code: number; reason: string } | undefined {
    if (message.byteLength > this.maxMessageBytes) return { code: 1009, reason: "message-too-large" };
    const update = carriedUpdate(message);
    if (!update) return undefined;
    try {
      Y.decodeUpdate(update);
      return undefined;
    } catch {
      return { code: 1003, reason: "malformed-update" };
    }
  }

  /** Decides a connection's rights for one document: unknown documents are refused, writes need edit rights. */
  private async authenticate(payload: onAuthenticatePayload<ConnectionContext>): Promise<void> {
    const doc = parseDocName(payload.documentName);
    if (!doc || !(await findMapFile(doc.slug, this.dir)))
      throw new UnknownDocument(`no map for "${payload.documentName}"`);
    if (!liveWriteAllowed(this.access, payload.context.facts, payload.token)) {
      payload.connectionConfig.readOnly = true;
    }
  }

  private async load({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const doc = parseDocName(documentName);
    if (!doc) throw new UnknownDocument(`no map for "${documentName}"`);
    // A presentation's state lives in memory only (and in Redis when servers share it).
    if (doc.kind === "present") return;
    const stored = await loadStoredMap(doc.slug, this.dir);
    if (!stored) throw new UnknownDocument(`no map "${doc.slug}"`);
    if (!stored.ok) {
      const first = stored.problems[0];
      throw new Error(
        `${stored.file} has problems (${first?.line ?? 1}:${first?.col ?? 1} ${first?.message ?? ""})`,
      );
    }
    // When another server has the document open, its state (perhaps ahead of the file) comes
    // through Redis; loading the file too would only repeat it.
    const elsewhere = this.redis ? await this.redis.openElsewhere(documentName) : false;
    this.states.set(documentName, {
      slug: doc.slug,
      revision: stored.revision,
      base: stored.map,
      loadAfterSync: elsewhere,
      storeFailed: false,
    });
    if (!elsewhere) {
      const kept = await loadLiveState(this.dir, doc.slug, stored.revision, stored.map, document, sameMap);
      if (!kept) loadMapIntoDoc(document, stored.map);
    }
    // A big map is written through the worker thread: start it before the first save needs it.
    if (stored.map.claims.length >= WORKER_FROM_CLAIMS / 2) this.files.warm();
  }

  private afterLoad(documentName: string, document: Y.Doc): void {
    const state = this.states.get(documentName);
    if (!state?.loadAfterSync) return;
    state.loadAfterSync = false;
    if (isMapDocEmpty(document)) loadMapIntoDoc(document, state.base);
  }

  /**
   * Writes a document back to its file. Runs debounced, one at a time per document (Hocuspocus's
   * save mutex) and, with Redis, one server at a time (the store lock). Never throws: the document
   * stays in memory and the next change or the file watcher tries again.
   */
  private async store({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    const state = this.states.get(documentName);
    if (!state) return;
    try {
      await this.writeBack(documentName, state, document);
    } catch (error) {
      state.storeFailed = true;
      // A file that does not read has been reported as such, in its own words.
      if (!(error instanceof ReportedProblem))
        this.report(state, `edits are not written to its file: ${(error as Error).message}`);
    }
  }

  private async writeBack(documentName: string, state: MapState, document: Document): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const map = readMapFromDoc(document);
      const checked = validateIncomingMap(map);
      if (!checked.ok) {
        const first = checked.problems[0];
        throw new Error(`the live map does not validate (${first.path}: ${first.message}); the file is kept`);
      }
      const size = Buffer.byteLength(JSON.stringify(mapToNormalized(checked.value)));
      if (size > MAX_FILE_BYTES)
        throw new Error(`the live map is over the size limit (${size} bytes); the file is kept`);
      if (sameMap(checked.value, state.base)) {
        state.storeFailed = false;
        await this.keepState(state, document);
        return;
      }
      try {
        const { revision } = await this.files.save(state.slug, checked.value, state.revision);
        if (revision !== state.revision) {
          this.writes += 1;
          await this.markWritten(documentName, revision);
        }
        state.revision = revision;
        state.base = checked.value;
        state.storeFailed = false;
        this.report(state, undefined);
        await this.keepState(state, document);
        return;
      } catch (error) {
        if (error instanceof RevisionConflictError) {
          // Someone wrote the file meanwhile (an editor, a script, another server): take in their
          // change, then write again.
          if (!(await this.catchUp(documentName, state, document))) throw new ReportedProblem();
          continue;
        }
        if (error instanceof MapNotFoundError) throw new Error("its file is gone (renamed or deleted)");
        if (error instanceof InvalidMapError) {
          const first = error.problems[0];
          throw new Error(`${error.message}${first ? ` (${first.path}: ${first.message})` : ""}`);
        }
        throw error;
      }
    }
    throw new Error("the file kept changing while it was being written");
  }

  /**
   * Brings a document in step with its file: a revision a live server wrote is already in the
   * shared document; any other change (a text editor, `git pull`, an HTTP PUT) is merged into it
   * field by field. False when the file cannot be read as a map right now.
   */
  private async catchUp(documentName: string, state: MapState, document: Y.Doc): Promise<boolean> {
    const stored = await loadStoredMap(state.slug, this.dir);
    if (!stored) {
      this.report(state, "its file is gone (renamed or deleted); the live map is kept in memory");
      return false;
    }
    if (!stored.ok) {
      const first = stored.problems[0];
      this.report(
        state,
        `${stored.file} does not read as a map (${first?.line ?? 1}:${first?.col ?? 1} ${first?.message ?? ""}); ignored until it does`,
      );
      return false;
    }
    this.report(state, undefined);
    if (stored.revision === state.revision) return true;
    if (
      !(await this.wasWritten(documentName, stored.revision)) &&
      (await this.claimMerge(documentName, stored.revision))
    ) {
      writeMapChange(document, state.base, stored.map, "file");
      this.log(`${state.slug}: merged a change of ${stored.file} made on disk`);
    }
    state.revision = stored.revision;
    state.base = stored.map;
    return true;
  }

  /** Keeps the document's Yjs state beside the file, for the revision it is in step with. */
  private async keepState(state: MapState, document: Y.Doc): Promise<void> {
    await keepLiveState(this.dir, state.slug, state.revision, document).catch((error: unknown) =>
      this.report(state, `cannot keep its live state: ${(error as Error).message}`),
    );
  }

  /**
   * Records why the file is not taking edits right now (undefined: it is again): logged once, and
   * told to every open page, so a page does not say "Live" while its edits only reach memory.
   */
  private report(state: MapState, problem: string | undefined): void {
    if (state.lastProblem === problem) return;
    state.lastProblem = problem;
    if (problem) this.log(`${state.slug}: ${problem}`);
    this.hocuspocus.documents
      .get(mapDocName(state.slug))
      ?.broadcastStateless(fileProblemMessage(problem ?? null));
  }

  private fileChanged(name: string): void {
    if (!isMapFileName(name) || name.includes(path.sep)) return;
    const ext = ARGUMENT_EXTENSIONS.find((e) => name.toLowerCase().endsWith(e)) ?? "";
    const slug = name.slice(0, name.length - ext.length);
    const documentName = `map:${slug}`;
    clearTimeout(this.watchTimers.get(documentName));
    this.watchTimers.set(
      documentName,
      setTimeout(() => {
        this.watchTimers.delete(documentName);
        this.mergeFromDisk(documentName).catch((error) =>
          this.log(`${slug}: could not merge the change on disk: ${(error as Error).message}`),
        );
      }, WATCH_SETTLE_MS),
    );
  }

  /** Merges a file changed on disk into its open document, under the same locks as a store. */
  private async mergeFromDisk(documentName: string): Promise<void> {
    const document = this.hocuspocus.documents.get(documentName);
    const state = this.states.get(documentName);
    if (!document || !state) return;
    const run = async () => {
      if (!this.states.has(documentName)) return;
      const ok = await this.catchUp(documentName, state, document);
      // Edits that could not be written while the file was broken are written now.
      if (ok && state.storeFailed) {
        this.hocuspocus.storeDocumentHooks(document, {
          instance: this.hocuspocus,
          clientsCount: document.getConnectionsCount(),
          document,
          documentName,
          lastContext: {},
          lastTransactionOrigin: "file",
        });
      }
    };
    await document.saveMutex.runExclusive(() =>
      this.redis ? this.redis.withLock(documentName, run) : run(),
    );
    // The last page may have left while the merge held the document: unload it now.
    if (document.getConnectionsCount() === 0) await this.hocuspocus.unloadDocument(document);
  }

  private async markWritten(documentName: string, revision: string): Promise<void> {
    await this.redis?.markWritten(documentName, revision).catch(() => undefined);
  }

  /** Whether another server wrote this revision from the shared document (this server's own writes are `state.revision`). */
  private async wasWritten(documentName: string, revision: string): Promise<boolean> {
    return this.redis ? this.redis.wasWritten(documentName, revision).catch(() => false) : false;
  }

  private async claimMerge(documentName: string, revision: string): Promise<boolean> {
    return this.redis ? this.redis.claimMerge(documentName, revision).catch(() => true) : true;
  }

  /** Stores every open document, closes every connection and stops watching. */
  async destroy(): Promise<void> {
    this.watcher?.close();
    for (const timer of this.watchTimers.values()) clearTimeout(timer);
    this.watchTimers.clear();
    const unloaded = new Promise<void>((resolve) => {
      if (this.hocuspocus.getDocumentsCount() === 0) return resolve();
      const check = setInterval(() => {
        if (this.hocuspocus.getDocumentsCount() === 0) {
          clearInterval(check);
          resolve();
        }
      }, 20);
      setTimeout(() => {
        clearInterval(check);
        const left = [...this.hocuspocus.documents.values()].map(
          (d) => `${d.name} (${d.getConnectionsCount()} connections)`,
        );
        if (left.length > 0) this.log(`stopped without unloading ${left.join(", ")}`);
        resolve();
      }, 10_000);
    });
    this.stopping = true;
    this.hocuspocus.closeConnections();
    this.hocuspocus.flushPendingStores();
    // Maps kept in memory for a broken file have no page left to close: unload them now.
    for (const document of this.hocuspocus.documents.values())
      if (document.getConnectionsCount() === 0) void this.hocuspocus.unloadDocument(document);
    await unloaded;
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    await this.files.close();
    await this.hocuspocus.hooks("onDestroy", { instance: this.hocuspocus });
  }
}

/** Whether two maps are the same as a file would hold them. */
function sameMap(a: ArgumentMap, b: ArgumentMap): boolean {
  return (
    JSON.stringify(mapToNormalized({ ...a, slug: undefined })) ===
    JSON.stringify(mapToNormalized({ ...b, slug: undefined }))
  );
}
