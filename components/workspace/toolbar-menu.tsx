"use client";

import { useEffect, useRef, useState } from "react";

/** Whether a click on this element is a finished choice (not one that opens a menu of its own). */
function choiceMade(target: EventTarget | null): boolean {
  const button = target instanceof Element ? target.closest("button") : null;
  if (!button || button.hasAttribute("data-toolbar-menu")) return false;
  return !button.hasAttribute("aria-expanded") && !button.hasAttribute("popovertarget");
}

/**
 * On phones and tablets the toolbar shows only the way back, the title and this button; the
 * button unfolds the other controls below them (app/globals.css, `[data-toolbar]`). A choice made
 * there (an orientation, a fold depth, a search sent with Enter) folds them again, so the map is
 * back on screen.
 */
export function ToolbarMenuButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const header = button.current?.closest("[data-toolbar]");
    if (!header) return;
    header.toggleAttribute("data-open", open);
    if (!open) return;
    const close = () => setOpen(false);
    const onClick = (event: Event) => {
      if (choiceMade(event.target)) close();
    };
    const onChange = (event: Event) => {
      if (event.target instanceof HTMLSelectElement) close();
    };
    const onKey = (event: Event) => {
      const key = event as KeyboardEvent;
      if (key.key === "Enter" && key.target instanceof HTMLInputElement && key.target.type === "search")
        close();
    };
    header.addEventListener("click", onClick);
    header.addEventListener("change", onChange);
    header.addEventListener("keydown", onKey);
    return () => {
      header.removeEventListener("click", onClick);
      header.removeEventListener("change", onChange);
      header.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <button
      ref={button}
      type="button"
      data-toolbar-menu
      aria-expanded={open}
      onClick={() => setOpen(!open)}
      className="min-h-11 shrink-0 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 lg:hidden dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
    >
      {open ? "Close menu" : "Menu"}
    </button>
  );
}
