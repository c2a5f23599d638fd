"use client";

import {
  type RefObject,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from "react";
import { EditingShortcutsHelp } from "@/components/editor/editing-shortcuts-help";
import { BUTTON, ModalDialog } from "@/components/editor/ui";

const SHORTCUTS: { keys: string; action: string }[] = [
  {
    keys: "↑ ↓ ← →",
    action: "Move to the parent, first child or a sibling claim (in left-to-right view ← is the parent)",
  },
  { keys: "Enter", action: "Open the focused claim or link in the inspector" },
  { keys: "Escape", action: "Clear the selection" },
  { keys: "/", action: "Search claims and cards" },
  { keys: "Enter / Shift+Enter in search", action: "Next / previous match" },
  { keys: "c", action: "Collapse or expand the selected claim" },
  { keys: "f", action: "Fit the whole map in view" },
  { keys: "i", action: "Hide or show the inspector" },
  { keys: "?", action: "Show these shortcuts" },
];

/** A list of keyboard shortcuts: the keys, then what they do. */
export function ShortcutList({ shortcuts }: { shortcuts: readonly { keys: string; action: string }[] }) {
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
      {shortcuts.map(({ keys, action }) => (
        <div key={keys} className="contents">
          <dt>
            <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
              {keys}
            </kbd>
          </dt>
          <dd>{action}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Opens the shortcuts dialog; `ShortcutsDialog` fills it in. */
type OpenHandle = () => void;

/** The keyboard shortcuts, in a modal dialog opened from the toolbar or with "?". */
export function ShortcutsDialog({ dialog }: { dialog: RefObject<OpenHandle | null> }) {
  const [shown, setShown] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);
  useImperativeHandle(
    dialog,
    () => () => {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setShown(true);
    },
    [],
  );
  // Closing unmounts the dialog, so focus goes back by hand to where it was when it opened.
  useEffect(() => {
    if (shown || !returnFocus.current) return;
    returnFocus.current.focus();
    returnFocus.current = null;
  }, [shown]);
  if (!shown) return null;
  const close = () => setShown(false);
  return (
    <ModalDialog title="Keyboard shortcuts" onClose={close} wide>
      <ShortcutList shortcuts={SHORTCUTS} />
      <EditingShortcutsHelp />
      <div className="mt-4 text-right">
        <button type="button" onClick={close} className={BUTTON}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}

/** A ref the shortcuts dialog fills in, and a function that opens the dialog. */
export function useShortcutsDialog() {
  const dialog = useRef<OpenHandle>(null);
  const open = useCallback(() => dialog.current?.(), []);
  return useMemo(() => ({ dialog, open }), [open]);
}
