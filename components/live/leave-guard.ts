import { leavingBy } from "@/components/ui/leaving-link";

/** The words of the question asked before leaving with edits that have not reached the server. */
export const LEAVE_QUESTION =
  "You are offline and your latest edits have not reached the server yet.\n\nLeave this page anyway? Those edits will be lost.";

/**
 * Asks before the page is left while `atRisk()` (edits that exist only in this page): the browser's
 * own question on reload or close, a confirm on the app's links. Returns the function that stops it.
 */
export function guardLeaving(atRisk: () => boolean): () => void {
  const warn = (event: BeforeUnloadEvent) => {
    if (!atRisk()) return;
    event.preventDefault();
    event.returnValue = "";
  };
  const click = (event: MouseEvent) => {
    if (!leavingBy(event) || !atRisk()) return;
    if (window.confirm(LEAVE_QUESTION)) return;
    event.preventDefault();
    event.stopPropagation();
  };
  window.addEventListener("beforeunload", warn);
  document.addEventListener("click", click, true);
  return () => {
    document.removeEventListener("click", click, true);
    window.removeEventListener("beforeunload", warn);
  };
}
