/** What the audience's and the presenter's controls can do, shared by both views. */
export interface Controls {
  step: number;
  total: number;
  /** Digits typed so far for a jump. */
  typed: string;
  blank: boolean;
  fullscreen: { active: boolean; supported: boolean; toggle: () => void };
  previous: () => void;
  next: () => void;
  toggleBlank: () => void;
  help: () => void;
  print: () => void;
  openPresenter: () => void;
  /** Shows or hides the QR code for following on phones. */
  toggleFollow: () => void;
  exit: () => void;
}

/** A control button in the projector theme. */
export const PRESENT_BUTTON =
  "shrink-0 whitespace-nowrap rounded-lg border border-slate-600 bg-slate-900 px-4 py-2 text-base font-medium text-slate-50 hover:bg-slate-800 disabled:opacity-60";
