/** The words of the question asked before leaving with edits that have not reached the server. */
export const LEAVE_QUESTION =
  "You are offline and your latest edits have not reached the server yet.\n\nLeave this page anyway? Those edits will be lost.";

/** The link a plain left click would follow to another page of the app, or undefined. */
function leavingBy(event: MouseEvent): HTMLAnchorElement | undefined {
  if (event.defaultPrevented || event.button !== 0) return undefined;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download")) return undefined;
  if (link.target && link.target !== "_self") return undefined;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return undefined;
  // Links within this page (`?focus=`, `#…`) keep the page and its connection.
  if (url.pathname === window.location.pathname) return undefined;
  return link;
}

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
