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
import { useCanEdit } from "@/components/editor/editor-store";
import { BUTTON, ModalDialog } from "@/components/editor/ui";
import { type CommandRecord, commandsByGroup, keysLabel } from "@/lib/commands/registry";
import { WORKSPACE_COMMANDS } from "@/lib/commands/workspace";

/** A list of keyboard commands: the keys, then what they do. */
export function ShortcutList({ commands }: { commands: readonly CommandRecord[] }) {
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
      {commands.map((command) => (
        <div key={command.id} className="contents">
          <dt>
            <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
              {keysLabel(command)}
            </kbd>
          </dt>
          <dd>{command.label}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The commands of a registry in the help's groups, each under its heading. */
export function CommandHelp({ commands }: { commands: readonly CommandRecord[] }) {
  const canEdit = useCanEdit();
  return commandsByGroup(commands, { canEdit }).map(({ group, commands: listed }) => (
    <section key={group} aria-label={group} className="mt-4 first:mt-2">
      <h3 className="text-sm font-semibold">{group}</h3>
      <ShortcutList commands={listed} />
    </section>
  ));
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
      <CommandHelp commands={WORKSPACE_COMMANDS} />
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
