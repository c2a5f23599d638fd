"use client";

import { useEffect, useRef } from "react";
import { type CommandContext, type CommandRecord, commandFor } from "@/lib/commands/registry";
import { fieldTakesKey } from "@/lib/editor/shortcuts";

/** What a command does when its key is pressed; `false` leaves the key to the browser after all. */
export type CommandHandler = (event: KeyboardEvent) => boolean | undefined;

/** The parts of the context a view knows; the rest is read from the key event and the page. */
export type ViewContext = Pick<CommandContext, "formOpen" | "claimSelected" | "canEdit">;

/** The context of a key press: focused field, dialogs open, key repeat, plus what the view says. */
export function commandContext(event: KeyboardEvent, view: ViewContext): CommandContext {
  const target = event.target instanceof HTMLElement ? event.target : null;
  const inDialog =
    (event.target instanceof Element && event.target.closest("dialog, [role=dialog]") !== null) ||
    document.querySelector("dialog[open], [popover]:popover-open") !== null;
  return {
    ...view,
    inTextField: target !== null && fieldTakesKey(target, event.key),
    inDialog,
    repeat: event.repeat,
  };
}

/**
 * Runs the bound commands of a registry on key presses in the page. Only the commands given a
 * handler here are matched, so several components can each bind their part of one registry.
 */
export function useCommandKeys<Id extends string>(
  commands: readonly CommandRecord<Id>[],
  handlers: Partial<Record<Id, CommandHandler>>,
  view: (event: KeyboardEvent) => ViewContext,
): void {
  // The latest handlers and view without re-adding the listener on every render.
  const latest = useRef({ handlers, view });
  latest.current = { handlers, view };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const { handlers, view } = latest.current;
      const bound = commands.filter((c) => handlers[c.id] !== undefined);
      const command = commandFor(bound, event, commandContext(event, view(event)));
      if (!command) return;
      const handled = latest.current.handlers[command.id]?.(event);
      if (handled !== false) event.preventDefault();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [commands]);
}
