"use client";

import { useCallback, useEffect, useRef } from "react";
import { type ExportRequest, exportReplySchema } from "@/lib/formats/export-messages";

/** A finished export: the file to download or copy. */
export interface ExportedFile {
  blob: Blob;
  fileName: string;
}

type Job = {
  resolve: (file: ExportedFile) => void;
  reject: (error: Error) => void;
  onProgress: (fraction: number) => void;
};

/**
 * Runs exports in a Web Worker, started on the first export and kept for the next ones (so the
 * wasm renderer and fonts load once). `cancel` stops the worker; the next export starts a new one.
 */
export function useExporter() {
  const worker = useRef<Worker | null>(null);
  const jobs = useRef(new Map<number, Job>());
  const nextId = useRef(1);

  const stop = useCallback((reason: string) => {
    worker.current?.terminate();
    worker.current = null;
    for (const job of jobs.current.values()) job.reject(new Error(reason));
    jobs.current.clear();
  }, []);

  useEffect(() => () => stop("the page closed"), [stop]);

  const start = useCallback((): Worker => {
    if (worker.current) return worker.current;
    const created = new Worker(new URL("./export-worker.ts", import.meta.url), { type: "module" });
    created.addEventListener("message", (event: MessageEvent<unknown>) => {
      const reply = exportReplySchema.safeParse(event.data);
      if (!reply.success) return;
      const job = jobs.current.get(reply.data.id);
      if (!job) return;
      if (reply.data.type === "progress") job.onProgress(reply.data.fraction);
      else {
        jobs.current.delete(reply.data.id);
        if (reply.data.type === "error") job.reject(new Error(reply.data.message));
        else
          job.resolve({
            blob: new Blob([reply.data.body as BlobPart], { type: reply.data.mime }),
            fileName: reply.data.fileName,
          });
      }
    });
    created.addEventListener("error", () => stop("the export stopped with an error"));
    worker.current = created;
    return created;
  }, [stop]);

  const run = useCallback(
    (request: Omit<ExportRequest, "id">, onProgress: (fraction: number) => void): Promise<ExportedFile> => {
      const id = nextId.current++;
      return new Promise<ExportedFile>((resolve, reject) => {
        jobs.current.set(id, { resolve, reject, onProgress });
        start().postMessage({ ...request, id } satisfies ExportRequest);
      });
    },
    [start],
  );

  const cancel = useCallback(() => stop("export cancelled"), [stop]);
  return { run, cancel };
}
