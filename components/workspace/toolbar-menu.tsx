"use client";

import { useState } from "react";

/**
 * On phones and tablets the toolbar shows only the way back, the title and this button; the
 * button unfolds the other controls below them (app/globals.css, `[data-toolbar]`).
 */
export function ToolbarMenuButton() {
  const [open, setOpen] = useState(false);
  return (
    <button
      type="button"
      data-toolbar-menu
      aria-expanded={open}
      onClick={(event) => {
        const header = event.currentTarget.closest("[data-toolbar]");
        header?.toggleAttribute("data-open", !open);
        setOpen(!open);
      }}
      className="min-h-11 shrink-0 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 lg:hidden dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
    >
      {open ? "Close menu" : "Menu"}
    </button>
  );
}
