"use client";

import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from "react";
import { useMapStore } from "@/components/map/map-store";
import { ToolbarLabel } from "@/components/ui/toolbar-label";
import { exportFormats } from "@/lib/formats/export";
import type { FormatInfo } from "@/lib/formats/index";
import { type ExportedFile, useExporter } from "./use-exporter";

/** The toolbar's Export button; the workspace's `x` key clicks it. */
export const EXPORT_BUTTON_ID = "export-menu-button";

const BUTTON =
  "shrink-0 whitespace-nowrap rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

const ITEM =
  "flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-sky-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 aria-disabled:cursor-not-allowed aria-disabled:opacity-50 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-700";

type Status =
  | { kind: "working"; label: string; fraction: number }
  | { kind: "done"; message: string }
  | { kind: "error"; message: string }
  | null;

function clip(text: string, max = 48): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
}

function download(file: ExportedFile) {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The Export menu: every registered export format for the whole map or the selected claim's
 * subtree, and Copy picture. Exports run in a worker, with their progress shown beside the button,
 * so the page keeps answering while a big map's PNG or PDF is made.
 */
export function ExportMenu() {
  const model = useMapStore((s) => s.model);
  const slug = useMapStore((s) => s.slug);
  const direction = useMapStore((s) => s.direction);
  const selected = useMapStore((s) => (s.selection?.kind === "claim" ? s.selection.id : undefined));
  const selectedText = model.claims.find((c) => c.id === selected)?.text;
  const [open, setOpen] = useState(false);
  const [subtree, setSubtree] = useState(false);
  const [status, setShownStatus] = useState<Status>(null);
  // Each export owns the status line until the next one starts: late progress never overwrites a result.
  const job = useRef(0);
  const begin = () => {
    const mine = ++job.current;
    return (next: Status) => {
      if (job.current === mine) setShownStatus(next);
    };
  };
  const exporter = useExporter();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const formats = exportFormats();
  const claimId = subtree && selected ? selected : undefined;

  useEffect(() => {
    if (!selected) setSubtree(false);
  }, [selected]);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);

  // The menu is a manual popover: in the top layer over the canvas, and the workspace leaves keys
  // to it while it is open. It sits under its button.
  useEffect(() => {
    const el = menu.current;
    if (!el) return;
    if (open) {
      const rect = button.current?.getBoundingClientRect();
      if (rect) {
        el.style.top = `${rect.bottom + 4}px`;
        el.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - 320))}px`;
      }
      if (!el.matches(":popover-open")) el.showPopover();
      menuItems(el)[0]?.focus();
    } else if (el.matches(":popover-open")) el.hidePopover();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [open, close]);

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = menuItems(menu.current);
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === "ArrowDown") move(at + 1);
    else if (event.key === "ArrowUp") move(at - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(list.length - 1);
    else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") close(false);
  };

  const runExport = async (format: FormatInfo) => {
    close(true);
    const setStatus = begin();
    const label = `${format.label}${claimId ? " of the selected claim" : ""}`;
    setStatus({ kind: "working", label, fraction: 0 });
    try {
      const file = await exporter.run(
        { map: model, format: format.id, claimId, direction, slug },
        (fraction) => setStatus({ kind: "working", label, fraction }),
      );
      download(file);
      setStatus({ kind: "done", message: `Downloaded ${file.fileName}` });
    } catch (error) {
      setStatus({ kind: "error", message: `Export failed: ${(error as Error).message}` });
    }
  };

  const copyPicture = async () => {
    close(true);
    const setStatus = begin();
    const label = "Picture for the clipboard";
    if (typeof ClipboardItem === "undefined" || !navigator.clipboard?.write) {
      setStatus({
        kind: "error",
        message: "This browser cannot put pictures on the clipboard. Use Export → PNG picture instead.",
      });
      return;
    }
    setStatus({ kind: "working", label, fraction: 0 });
    // The clipboard item takes the PNG as a promise, so the copy keeps the click's permission
    // while the worker draws the picture.
    const png = exporter
      .run({ map: model, format: "png", claimId, direction, slug }, (fraction) =>
        setStatus({ kind: "working", label, fraction }),
      )
      .then((file) => file.blob);
    try {
      await navigator.clipboard.write([new ClipboardItem({ "image/png": png })]);
      setStatus({ kind: "done", message: "Copied the picture: paste it into slides or a chat" });
    } catch (error) {
      png.catch(() => undefined);
      // The picture may still be on its way: this message stays.
      job.current++;
      const refused = error instanceof DOMException && error.name === "NotAllowedError";
      setShownStatus({
        kind: "error",
        message: refused
          ? "The browser refused to copy the picture (clipboard permission denied). Use Export → PNG picture instead."
          : `Could not copy the picture: ${(error as Error).message}`,
      });
    }
  };

  return (
    <>
      <button
        ref={button}
        id={EXPORT_BUTTON_ID}
        type="button"
        className={BUTTON}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        title="Export (x)"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <ToolbarLabel icon="export">Export</ToolbarLabel>
      </button>
      <div
        ref={menu}
        id={menuId}
        popover="manual"
        role="menu"
        aria-label="Export"
        onKeyDown={onMenuKey}
        className="fixed m-0 w-80 rounded-md border border-slate-300 bg-white p-1 shadow-lg dark:border-slate-600 dark:bg-slate-900"
      >
        <fieldset
          aria-label="What to export"
          className="m-0 min-w-0 border-0 border-b border-slate-200 p-0 pb-1 dark:border-slate-700"
        >
          <button
            type="button"
            role="menuitemradio"
            aria-checked={!subtree}
            tabIndex={-1}
            className={ITEM}
            onClick={() => setSubtree(false)}
          >
            <span aria-hidden="true" className="w-3">
              {subtree ? "" : "●"}
            </span>
            Whole map
          </button>
          <button
            type="button"
            role="menuitemradio"
            aria-checked={subtree}
            aria-disabled={!selected}
            tabIndex={-1}
            className={ITEM}
            onClick={() => {
              if (selected) setSubtree(true);
            }}
          >
            <span aria-hidden="true" className="w-3">
              {subtree ? "●" : ""}
            </span>
            {selectedText ? `Selected claim: ${clip(selectedText)}` : "Selected claim (select one first)"}
          </button>
        </fieldset>
        <fieldset
          aria-label="Formats"
          className="m-0 min-w-0 border-0 border-b border-slate-200 p-0 py-1 dark:border-slate-700"
        >
          {formats.map((format) => (
            <button
              key={format.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={ITEM}
              onClick={() => void runExport(format)}
            >
              <span className="flex-1">{format.label}</span>
              <span className="font-mono text-xs text-slate-600 dark:text-slate-300">
                .{format.extension}
              </span>
            </button>
          ))}
        </fieldset>
        <div className="pt-1">
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={ITEM}
            onClick={() => void copyPicture()}
          >
            Copy picture
          </button>
        </div>
      </div>
      {/* Out of the toolbar's flow, under its right end, so the toolbar keeps its one row. */}
      <div
        role="status"
        aria-live="polite"
        className={`fixed top-14 right-4 z-40 flex max-w-md items-center gap-2 text-sm ${
          status
            ? "rounded-md border border-slate-300 bg-white px-3 py-2 shadow-md dark:border-slate-600 dark:bg-slate-900"
            : ""
        }`}
      >
        {status?.kind === "working" ? (
          <>
            <span className="whitespace-nowrap text-slate-700 dark:text-slate-200">{status.label}</span>
            <progress
              max={100}
              value={Math.round(status.fraction * 100)}
              aria-label={`Exporting ${status.label}`}
              className="h-2 w-24"
            />
            <span className="whitespace-nowrap text-slate-700 dark:text-slate-200">
              {Math.round(status.fraction * 100)}%
            </span>
            <button
              type="button"
              className={BUTTON}
              onClick={() => {
                exporter.cancel();
                begin()({ kind: "error", message: "Export cancelled" });
              }}
            >
              Cancel
            </button>
          </>
        ) : status ? (
          <>
            <span
              className={
                status.kind === "error"
                  ? "font-medium text-red-700 dark:text-red-300"
                  : "text-slate-700 dark:text-slate-200"
              }
            >
              {status.message}
            </span>
            <button
              type="button"
              aria-label="Dismiss"
              title="Dismiss"
              className="rounded px-1 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              onClick={() => begin()(null)}
            >
              ×
            </button>
          </>
        ) : null}
      </div>
    </>
  );
}
