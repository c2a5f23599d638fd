import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Problem } from "../lib/model/problems";
import type { ArgumentMap } from "../lib/model/schema";
import { keepRevision } from "../lib/storage/history";
import { findMapFile, revisionOf } from "../lib/storage/maps";
import {
  InvalidMapError,
  MapNotFoundError,
  RevisionConflictError,
  saveMap,
  withFileLock,
  writeFileAtomic,
} from "../lib/storage/write";

/** Below this many claims a save takes milliseconds on the server's own thread. */
export const WORKER_FROM_CLAIMS = 200;

type Reply =
  | { id: number; ok: true; text: string }
  | { id: number; ok: false; message: string; problems?: Problem[] };

/**
 * Saves live maps like `saveMap` (validated, comments and order kept, atomic, revision-checked),
 * but computes the new text in a worker thread: serializing and re-checking a map of a thousand
 * claims takes the better part of a second, and the server's event loop must keep passing edits
 * on meanwhile. The revision is checked again and the file replaced on this thread, under the
 * same per-file lock the HTTP API's saves take, so the two never interleave. Small maps (they
 * save in a few milliseconds) and saves while the worker is not available call saveMap directly.
 */
export class FileWriter {
  private worker?: Worker;
  private scratch?: string;
  private failed = false;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (text: string) => void; reject: (error: Error) => void }
  >();

  constructor(
    private readonly dir: string,
    private readonly useWorker = true,
    /** Maps with at least this many claims are serialized in the worker. */
    private readonly workerFromClaims = WORKER_FROM_CLAIMS,
  ) {}

  async save(slug: string, map: ArgumentMap, expectedRevision: string): Promise<{ revision: string }> {
    const worker = this.useWorker && map.claims.length >= this.workerFromClaims ? this.start() : undefined;
    if (!worker) return saveMap(slug, map, expectedRevision, { dir: this.dir });
    const found = await findMapFile(slug, this.dir);
    if (!found) throw new MapNotFoundError(slug);
    let text: string;
    try {
      text = await readFile(found, "utf8");
    } catch {
      throw new MapNotFoundError(slug);
    }
    if (revisionOf(text) !== expectedRevision) throw new RevisionConflictError(revisionOf(text));
    const file = path.basename(found);
    const output = await this.prepare(worker, slug, file, text, map);
    if (output === text) {
      await keepRevision(slug, file, text, this.dir);
      return { revision: expectedRevision };
    }
    return withFileLock(found, async () => {
      const now = await readFile(found, "utf8").catch(() => {
        throw new MapNotFoundError(slug);
      });
      if (revisionOf(now) !== expectedRevision) throw new RevisionConflictError(revisionOf(now));
      await writeFileAtomic(found, output);
      // Like saveMap: the revision replaced and the new one are kept for HTTP saves built on them.
      await keepRevision(slug, file, now, this.dir);
      await keepRevision(slug, file, output, this.dir);
      return { revision: revisionOf(output) };
    });
  }

  /** Starts the worker ahead of the first save (it takes a moment to load the map modules). */
  warm(): void {
    if (this.useWorker) this.start();
  }

  private start(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    try {
      if (!this.scratch) {
        const scratch = mkdtempSync(path.join(tmpdir(), "clashmap-store-"));
        this.scratch = scratch;
        process.once("exit", () => rmSync(scratch, { recursive: true, force: true }));
      }
      const worker = new Worker(new URL("./store-worker.mjs", import.meta.url), {
        workerData: { scratch: this.scratch },
      });
      worker.unref();
      worker.on("message", (reply: Reply) => {
        const waiting = this.pending.get(reply.id);
        if (!waiting) return;
        this.pending.delete(reply.id);
        if (reply.ok) waiting.resolve(reply.text);
        else
          waiting.reject(
            reply.problems ? new InvalidMapError(reply.problems, reply.message) : new Error(reply.message),
          );
      });
      worker.on("error", (error) => this.stopWorker(error));
      worker.on("exit", () => this.stopWorker(new Error("the file writer stopped")));
      this.worker = worker;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }

  private stopWorker(error: Error): void {
    if (!this.worker) return;
    this.worker = undefined;
    this.failed = true;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private prepare(
    worker: Worker,
    slug: string,
    fileName: string,
    text: string,
    map: ArgumentMap,
  ): Promise<string> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, slug, fileName, text, map });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failed = true;
    await worker?.terminate();
    if (this.scratch) rmSync(this.scratch, { recursive: true, force: true });
  }
}
