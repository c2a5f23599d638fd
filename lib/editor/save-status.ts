import type { SaveStatus } from "../sync/saver";

/** How a save status is worded for the person editing. */
export type StatusTone = "ok" | "busy" | "problem";

/** The text and tone of the save indicator for a status. */
export function describeStatus(status: SaveStatus): { text: string; tone: StatusTone } {
  switch (status.state) {
    case "saved":
      return { text: "All changes saved", tone: "ok" };
    case "pending":
      return { text: "Unsaved changes", tone: "busy" };
    case "saving":
      return { text: "Saving…", tone: "busy" };
    case "conflict":
      return { text: "Conflict: this map changed elsewhere", tone: "problem" };
    case "invalid": {
      const first = status.problems[0];
      const detail = first
        ? `${first.path ? `${first.path}: ` : ""}${first.message}`
        : "the server refused the map";
      const more = status.problems.length > 1 ? ` (and ${status.problems.length - 1} more)` : "";
      return { text: `Not saved: ${detail}${more}`, tone: "problem" };
    }
    case "forbidden":
    case "error":
      return { text: notSaved(status.message), tone: "problem" };
  }
}

/** True for statuses after which later edits are no longer saved until the page is reloaded. */
export function savingStopped(status: SaveStatus): boolean {
  return status.state === "conflict" || status.state === "forbidden";
}

function notSaved(message: string): string {
  return /^not saved\b/i.test(message) ? message : `Not saved: ${message}`;
}
