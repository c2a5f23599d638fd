"use client";

import type { ButtonHTMLAttributes, MouseEvent } from "react";
import { PRESENT_BUTTON } from "./controls";

/**
 * A presentation control. A mouse click does not leave focus on it, so Space afterwards steps
 * the presentation instead of pressing the button again; reached with Tab, it keeps focus.
 */
export function ControlButton({ onClick, className, ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="button"
      {...props}
      className={className ?? PRESENT_BUTTON}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        // detail counts mouse clicks; a button pressed with Enter or Space reports 0.
        if (event.detail > 0) event.currentTarget.blur();
      }}
    />
  );
}
