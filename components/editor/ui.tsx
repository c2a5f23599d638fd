"use client";

import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from "react";

export const BUTTON =
  "inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 focus-visible:ring-offset-1 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700 dark:focus-visible:ring-sky-400 dark:focus-visible:ring-offset-slate-900";

export const PRIMARY_BUTTON =
  "inline-flex items-center gap-1 rounded-md border border-blue-700 bg-blue-700 px-3 py-1 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 focus-visible:ring-offset-1 disabled:opacity-50 dark:border-blue-400 dark:bg-blue-400 dark:text-slate-950 dark:hover:bg-blue-300 dark:focus-visible:ring-sky-300 dark:focus-visible:ring-offset-slate-900";

export const DANGER_BUTTON =
  "inline-flex items-center gap-1 rounded-md border border-red-700 bg-red-700 px-3 py-1 text-sm font-semibold text-white hover:bg-red-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 focus-visible:ring-offset-1 dark:border-red-300 dark:bg-red-300 dark:text-red-950 dark:hover:bg-red-200 dark:focus-visible:ring-offset-slate-900";

export const INPUT =
  "w-full rounded-md border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100 dark:focus-visible:ring-sky-400";

export const LABEL = "block text-xs font-semibold text-slate-700 dark:text-slate-300";

/** An inline error from an edit that could not be applied. */
export function FormError({ message, id }: { message: string | undefined; id?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-2 text-sm font-medium text-red-700 dark:text-red-300">
      {message}
    </p>
  );
}

/**
 * Form keys: Escape cancels; Enter submits from a text area too, except in one marked
 * `data-multiline`, where Ctrl/Cmd+Enter submits and Enter starts a new line.
 */
export function formKeyDown(onCancel: () => void) {
  return (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (target.tagName !== "TEXTAREA") return;
    const multiline = target.dataset.multiline !== undefined;
    if (multiline && !(event.ctrlKey || event.metaKey)) return;
    if (!multiline && event.shiftKey) return;
    event.preventDefault();
    event.currentTarget.requestSubmit();
  };
}

/** The element marked `data-autofocus`, else the first field or button. */
function firstField(root: HTMLElement | null): HTMLElement | null {
  return (
    root?.querySelector<HTMLElement>("[data-autofocus]") ??
    root?.querySelector<HTMLElement>("input, textarea, select, button") ??
    null
  );
}

/** Moves focus into a form's first field when it opens. */
export function useFocusFirst<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    firstField(ref.current)?.focus();
  }, []);
  return ref;
}

/** A modal dialog (the browser's own: focus stays inside, Escape closes it). */
export function ModalDialog({
  title,
  onClose,
  children,
  wide,
  testId,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    firstField(dialog)?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={`m-auto max-h-[90vh] w-[calc(100vw-2rem)] overflow-y-auto rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 ${
        wide ? "max-w-2xl" : "max-w-md"
      }`}
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
