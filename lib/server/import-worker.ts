// The import worker: a thread of its own that reads uploads (detects the format, parses, builds
// our map, validates it and writes its YAML text), so the server's main thread keeps answering
// other requests meanwhile. Started by import-pool.ts; one job at a time.
import { parentPort } from "node:worker_threads";
import { z } from "zod";
import { importJobSchema, runImportJob, warmImporters } from "./import-job";

const messageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("job"), id: z.number(), job: importJobSchema }),
  z.object({ kind: z.literal("warm") }),
]);

const port = parentPort;
if (port) {
  port.on("message", async (raw: unknown) => {
    const message = messageSchema.safeParse(raw);
    if (!message.success) return;
    if (message.data.kind === "warm") {
      await warmImporters();
      port.postMessage({ kind: "warm" });
      return;
    }
    const answer = await runImportJob(message.data.job);
    port.postMessage({ kind: "done", id: message.data.id, answer });
  });
  port.postMessage({ kind: "started" });
}
