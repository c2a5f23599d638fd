import { Redis } from "@hocuspocus/extension-redis";
import type { onStoreDocumentPayload } from "@hocuspocus/server";
import type { RedisTarget } from "../lib/server/redis-url";

/** Key prefix of everything Clashmap keeps in Redis. */
export const REDIS_PREFIX = "clashmap";

/** How long one server may hold a document's store lock (a store of a big map takes well under this). */
const LOCK_MS = 15_000;

/**
 * Hocuspocus's Redis extension, which shares every document between the app servers on one Redis,
 * with two changes for argument files:
 * - a store WAITS for the document's lock instead of being skipped while another server stores it:
 *   each server stores its own clients' edits, and a skipped store would leave them unwritten;
 * - the same lock is available to the file watcher (`withLock`), so reading the file after a
 *   change and storing never interleave between servers.
 * It also records which file revisions the live servers wrote, and lets exactly one server merge a
 * change made on disk into the shared document.
 */
export class ClashmapRedis extends Redis {
  constructor(target: RedisTarget, identifier?: string) {
    super({
      host: target.host,
      port: target.port,
      prefix: REDIS_PREFIX,
      lockTimeout: LOCK_MS,
      ...(identifier ? { identifier } : {}),
      options: {
        username: target.username,
        password: target.password,
        db: target.db,
        ...(target.tls ? { tls: {} } : {}),
        // Fail a command after a few reconnect attempts rather than queueing edits forever.
        maxRetriesPerRequest: 5,
      },
    });
  }

  private lockResource(documentName: string): string {
    return `${REDIS_PREFIX}:${documentName}:lock`;
  }

  async onStoreDocument({ documentName }: onStoreDocumentPayload): Promise<void> {
    const resource = this.lockResource(documentName);
    const lock = await this.redlock.acquire([resource], LOCK_MS, {
      retryCount: Math.ceil(LOCK_MS / 100),
      retryDelay: 100,
      retryJitter: 50,
    });
    const previous = this.locks.get(resource);
    if (previous?.release) await previous.release.catch(() => undefined);
    this.locks.set(resource, { lock });
  }

  /** Runs `task` holding the document's store lock (waiting for it while another server stores). */
  async withLock<T>(documentName: string, task: () => Promise<T>): Promise<T> {
    const lock = await this.redlock.acquire([this.lockResource(documentName)], LOCK_MS, {
      retryCount: Math.ceil(LOCK_MS / 100),
      retryDelay: 100,
      retryJitter: 50,
    });
    try {
      return await task();
    } finally {
      await lock.release().catch(() => undefined);
    }
  }

  /** Whether another server has the document open right now (it is subscribed to its channel). */
  async openElsewhere(documentName: string): Promise<boolean> {
    try {
      const result = (await this.pub.pubsub("NUMSUB", `${REDIS_PREFIX}:${documentName}`)) as [string, number];
      return Number(result?.[1] ?? 0) > 0;
    } catch {
      return false;
    }
  }

  /** Notes the revision a live server last wrote to the document's file. */
  async markWritten(documentName: string, revision: string): Promise<void> {
    await this.pub.set(`${REDIS_PREFIX}:written:${documentName}`, revision, "EX", 24 * 3600);
  }

  /**
   * Whether the file's revision is the one a live server (this one or another) wrote last: its
   * content came from the shared document. An older revision coming back (a `git checkout`, an
   * editor's undo) is a change on disk like any other.
   */
  async wasWritten(documentName: string, revision: string): Promise<boolean> {
    return (await this.pub.get(`${REDIS_PREFIX}:written:${documentName}`)) === revision;
  }

  /** True for exactly one server: the one that merges this revision (a change on disk) into the document. */
  async claimMerge(documentName: string, revision: string): Promise<boolean> {
    const key = `${REDIS_PREFIX}:merged:${documentName}:${revision}`;
    return (await this.pub.set(key, this.configuration.identifier, "EX", 3600, "NX")) === "OK";
  }
}
