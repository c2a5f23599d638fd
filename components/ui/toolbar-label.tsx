import type { ReactNode } from "react";

/** Small line icons for toolbar buttons, drawn in the text colour. */
const ICONS = {
  "top-down": "M8 2v10M4 8l4 4 4-4",
  "left-to-right": "M2 8h10M8 4l4 4-4 4",
  expand: "M2 6V2h4M14 6V2h-4M2 10v4h4M14 10v4h-4",
  analysis: "M2 8.5l3.5 3.5L14 3.5",
  export: "M8 2v8M4.5 6.5L8 10l3.5-3.5M2.5 13.5h11",
  outline: "M2 3.5h12M5 8h9M5 12.5h9M2 8h.5M2 12.5h.5",
  present: "M4 2.5v11l9-5.5z",
  details: "M8 7v5M8 4.2v.3M2.5 8a5.5 5.5 0 1 0 11 0 5.5 5.5 0 1 0-11 0",
  add: "M8 3v10M3 8h10",
} as const;

export type ToolbarIcon = keyof typeof ICONS;

/**
 * A toolbar button's label: the words in the phone menu; from 1024 px an icon, with the words
 * beside it from 1900 px and below that kept for screen readers and in the button's tooltip, so
 * the toolbar stays one row on a 1280 px projector. The accessible name is the same either way.
 */
export function ToolbarLabel({ icon, children }: { icon: ToolbarIcon; children: ReactNode }) {
  return (
    <>
      <svg
        viewBox="0 0 16 16"
        aria-hidden="true"
        className="hidden h-4 w-4 align-[-3px] lg:inline-block min-[1900px]:mr-1"
        fill={icon === "present" ? "currentColor" : "none"}
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={ICONS[icon]} />
      </svg>
      <span className="lg:max-[1900px]:sr-only">{children}</span>
    </>
  );
}
