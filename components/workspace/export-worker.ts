// The export worker: every format is serialized here, off the page's thread, so a big map's PNG or
// PDF never freezes the workspace. Pictures use resvg's wasm build, loaded on the first picture.
import "@/lib/formats/render-browser";
import { exportMap } from "@/lib/formats/export";
import { type ExportReply, exportRequestSchema } from "@/lib/formats/export-messages";

interface WorkerScope {
  postMessage: (message: ExportReply, transfer?: Transferable[]) => void;
  addEventListener: (type: "message", listener: (event: MessageEvent<unknown>) => void) => void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener("message", async (event) => {
  const request = exportRequestSchema.safeParse(event.data);
  if (!request.success) {
    const id =
      typeof (event.data as { id?: unknown })?.id === "number" ? (event.data as { id: number }).id : -1;
    scope.postMessage({ type: "error", id, message: "the export request was not understood" });
    return;
  }
  const { id, map, format, claimId, direction, slug } = request.data;
  try {
    let last = 0;
    const result = await exportMap(map, format, {
      claimId,
      direction,
      slug,
      onProgress: (fraction) => {
        // Progress messages are throttled to whole percents.
        if (fraction - last < 0.01 && fraction < 1) return;
        last = fraction;
        scope.postMessage({ type: "progress", id, fraction });
      },
    });
    if (!result.ok) {
      scope.postMessage({ type: "error", id, message: result.message });
      return;
    }
    const body = result.body as string | Uint8Array<ArrayBuffer>;
    const mime = result.format.binary ? result.format.mime : `${result.format.mime};charset=utf-8`;
    scope.postMessage(
      { type: "done", id, fileName: result.fileName, mime, body },
      typeof body === "string" ? [] : [body.buffer],
    );
  } catch (error) {
    scope.postMessage({ type: "error", id, message: error instanceof Error ? error.message : String(error) });
  }
});
