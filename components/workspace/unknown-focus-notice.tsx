"use client";

import { useState } from "react";
import { BUTTON } from "@/components/editor/ui";

/** Says that the link's `?focus=` names no claim of this map, instead of opening it silently. */
export function UnknownFocusNotice({ id }: { id: string | undefined }) {
  const [shown, setShown] = useState(id !== undefined);
  if (!shown || id === undefined) return null;
  const quoted = id.length > 60 ? `${id.slice(0, 59)}…` : id;
  return (
    <div
      role="status"
      data-testid="unknown-focus"
      className="flex items-center gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="min-w-0 flex-1 break-words">
        This link asks for the claim <code className="font-mono">“{quoted}”</code>, which is not in this map
        (it may have been renamed or deleted). The map opens at its theses.
      </p>
      <button type="button" className={BUTTON} onClick={() => setShown(false)}>
        Dismiss
      </button>
    </div>
  );
}
