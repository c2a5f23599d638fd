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
      const count = status.problems.length;
      const text =
        count === 0
          ? "Not saved: the server refused the map"
          : `Not saved: ${count} ${count === 1 ? "problem" : "problems"}`;
      return { text, tone: "problem" };
    }
    case "missing":
      return { text: "Saving stopped. This map no longer exists on the server", tone: "problem" };
    case "forbidden":
    case "error":
      return { text: notSaved(status.message), tone: "problem" };
  }
}

function notSaved(message: string): string {
  return /^not saved\b/i.test(message) ? message : `Not saved: ${message}`;
}
