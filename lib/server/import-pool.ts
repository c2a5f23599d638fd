import { availableParallelism } from "node:os";
import { type ResourceLimits, Worker } from "node:worker_threads";
import { z } from "zod";
import { type ImportAnswer, type ImportJob, importAnswerSchema } from "./import-job";

/** How the pool of import workers is bounded. */
export interface ImportPoolOptions {
  /** Most workers at once (each reads one upload at a time). */
  size?: number;
  /** Most uploads waiting for a worker; one more is refused as busy. */
  queueLimit?: number;
  /** Longest one upload may take; a worker still busy then is stopped and the upload refused. */
  timeLimitMs?: number;
  /** Heap one worker may use, in MB; a worker that needs more is stopped and the upload refused. */
  memoryLimitMb?: number;
  /** Starts a worker (tests give their own); the import worker by default. */
  createWorker?: (resourceLimits: ResourceLimits) => Worker;
}

/** An answer of the pool: the import's, or a refusal because too many uploads are waiting already. */
export type PooledAnswer = ImportAnswer | { ok: false; busy: true; message: string };

export const IMPORT_TIME_LIMIT_MS = 30_000;
export const IMPORT_MEMORY_LIMIT_MB = 512;

const fromWorkerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("started") }),
  z.object({ kind: z.literal("warm") }),
  z.object({ kind: z.literal("done"), id: z.number(), answer: importAnswerSchema }),
]);

interface Waiting {
  id: number;
  job: ImportJob;
  resolve: (answer: PooledAnswer) => void;
}

interface Slot {
  worker: Worker;
  running?: Waiting & { timer: ReturnType<typeof setTimeout> };
  /** The worker said it runs (a worker that dies before that is not restarted on its own). */
  started: boolean;
  /** Asked to load and run its importers once: settles when they have run (or the worker is gone). */
  warmed?: Promise<void>;
  onWarm?: () => void;
  gone: boolean;
}

/**
 * Starts the import worker. In the built server the bundler turns the `new URL` below into the
 * worker's own bundled script; run from source (the command line, tests) tsx reads the TypeScript.
 */
function startImportWorker(resourceLimits: ResourceLimits): Worker {
  // NEXT_RUNTIME is set in the Next server only (and the bundler folds it to a constant there).
  if (!process.env.NEXT_RUNTIME) return startFromSource(resourceLimits);
  return new Worker(new URL("./import-worker.ts", import.meta.url), { resourceLimits });
}

function startFromSource(resourceLimits: ResourceLimits): Worker {
  const entry = import.meta.url.replace(/[^/]*$/, "import-worker.ts");
  const code = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(/* turbopackIgnore: true */ code, { eval: true, resourceLimits });
}

function seconds(ms: number): string {
  return ms < 10_000 ? String(Math.round(ms / 100) / 10) : String(Math.round(ms / 1000));
}

function failure(file: string, code: "size" | "unreadable", message: string): ImportAnswer {
  return { ok: false, problems: [{ code, file, line: 1, col: 1, path: "", message }] };
}

/**
 * Worker threads that import uploads off the main thread. Jobs wait in a bounded queue; each has
 * a time limit, and each worker a memory limit: a worker over either is stopped (and replaced),
 * and its upload answered with a clear refusal. Idle workers stay loaded and warm, but never keep
 * the process alive.
 */
export class ImportPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Waiting[] = [];
  private nextId = 1;
  private readonly size: number;
  private readonly queueLimit: number;
  private readonly timeLimitMs: number;
  private readonly memoryLimitMb: number;
  private readonly createWorker: (resourceLimits: ResourceLimits) => Worker;
  private closed = false;

  constructor(options: ImportPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(2, availableParallelism()));
    this.queueLimit = options.queueLimit ?? 8;
    this.timeLimitMs = options.timeLimitMs ?? IMPORT_TIME_LIMIT_MS;
    this.memoryLimitMb = options.memoryLimitMb ?? IMPORT_MEMORY_LIMIT_MB;
    this.createWorker = options.createWorker ?? startImportWorker;
  }

  /** Starts one worker and has it load and run every importer once, so the first upload is fast; once per worker. */
  warm(): Promise<void> {
    if (this.closed) return Promise.resolve();
    const slot = this.slots.find((s) => !s.gone) ?? this.spawn();
    if (!slot.warmed) {
      slot.warmed = new Promise((resolve) => {
        slot.onWarm = resolve;
      });
      slot.worker.postMessage({ kind: "warm" });
    }
    return slot.warmed;
  }

  /** Imports one upload in a worker. Never throws; a refusal is an answer. */
  run(job: ImportJob): Promise<PooledAnswer> {
    if (this.closed) return Promise.resolve(failure(job.fileName, "unreadable", "the server is stopping"));
    if (this.queue.length >= this.queueLimit) {
      return Promise.resolve({
        ok: false,
        busy: true,
        message: `the server is busy importing ${this.queue.length + this.slots.length} other files; try again in a moment`,
      });
    }
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, job, resolve });
      this.pump();
    });
  }

  /** How many workers are running and how many uploads wait (for tests and diagnostics). */
  stats(): { workers: number; busy: number; waiting: number } {
    return {
      workers: this.slots.length,
      busy: this.slots.filter((s) => s.running).length,
      waiting: this.queue.length,
    };
  }

  /** Stops every worker; waiting and running uploads are answered as refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.queue.splice(0)) {
      waiting.resolve(failure(waiting.job.fileName, "unreadable", "the server is stopping"));
    }
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        slot.gone = true;
        this.finish(slot, failure(slot.running?.job.fileName ?? "", "unreadable", "the server is stopping"));
        return slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = this.createWorker({
      maxOldGenerationSizeMb: this.memoryLimitMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.round(this.memoryLimitMb / 8))),
      stackSizeMb: 4,
    });
    const slot: Slot = { worker, started: false, gone: false };
    worker.unref();
    worker.on("message", (raw: unknown) => {
      const message = fromWorkerSchema.safeParse(raw);
      if (!message.success) return;
      slot.started = true;
      if (message.data.kind === "warm") slot.onWarm?.();
      if (message.data.kind !== "done") return;
      if (slot.running?.id !== message.data.id) return;
      this.finish(slot, message.data.answer);
      this.pump();
    });
    worker.on("error", (error: Error & { code?: string }) => {
      const file = slot.running?.job.fileName ?? "";
      this.drop(
        slot,
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? failure(
              file,
              "size",
              `reading this file needed more than the ${this.memoryLimitMb} MB of memory one import may use; it was stopped`,
            )
          : failure(file, "unreadable", `the importer stopped on this file: ${error.message}`),
      );
    });
    worker.on("exit", () => {
      this.drop(
        slot,
        failure(slot.running?.job.fileName ?? "", "unreadable", "the importer stopped on this file"),
      );
    });
    this.slots.push(slot);
    return slot;
  }

  /** Hands waiting uploads to idle workers, starting workers up to the pool's size. */
  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const slot =
        this.slots.find((s) => !s.gone && !s.running) ??
        (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const waiting = this.queue.shift()!;
      const timer = setTimeout(() => {
        this.drop(
          slot,
          failure(
            waiting.job.fileName,
            "unreadable",
            `reading this file took longer than the ${seconds(this.timeLimitMs)} s one import may take; it was stopped`,
          ),
        );
      }, this.timeLimitMs);
      slot.running = { ...waiting, timer };
      slot.worker.ref();
      slot.worker.postMessage({ kind: "job", id: waiting.id, job: waiting.job });
    }
  }

  /** Answers the slot's running upload and marks the worker idle. */
  private finish(slot: Slot, answer: ImportAnswer): void {
    const running = slot.running;
    if (!running) return;
    clearTimeout(running.timer);
    slot.running = undefined;
    if (!slot.gone) slot.worker.unref();
    running.resolve(answer);
  }

  /** Stops a worker that ran over a limit or died, answers its upload, and keeps one warm worker ready. */
  private drop(slot: Slot, answer: ImportAnswer): void {
    if (slot.gone) return;
    slot.gone = true;
    slot.onWarm?.();
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    this.finish(slot, answer);
    void slot.worker.terminate();
    if (this.closed) return;
    if (this.queue.length > 0) this.pump();
    else if (this.slots.length === 0 && slot.started) void this.warm();
  }
}

const POOL_KEY = Symbol.for("clashmap.importPool");

/** The server's one import pool (shared by every bundle of the server that asks for it). */
export function importPool(): ImportPool {
  const holder = globalThis as typeof globalThis & { [POOL_KEY]?: ImportPool };
  holder[POOL_KEY] ??= new ImportPool();
  return holder[POOL_KEY];
}
