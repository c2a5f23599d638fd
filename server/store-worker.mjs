// A worker thread that turns a live map into its file's new text (server/store-prepare.ts), so
// the live server's event loop keeps passing edits on while a big map is serialized and checked.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { prepareFileText } = await import("./store-prepare.ts");

parentPort?.on("message", async (request) => {
  try {
    const text = await prepareFileText(
      workerData.scratch,
      request.slug,
      request.fileName,
      request.text,
      request.map,
    );
    parentPort?.postMessage({ id: request.id, ok: true, text });
  } catch (error) {
    parentPort?.postMessage({
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      problems: Array.isArray(error?.problems) ? error.problems : undefined,
    });
  }
});
