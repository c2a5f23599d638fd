import type { StepRole } from "@/lib/model/reading-order";

/** How a step's role reads above its claim, with a symbol so it is not told by colour alone. */
export const ROLE_TEXT: Record<StepRole, { label: string; symbol: string; className: string }> = {
  thesis: { label: "Thesis", symbol: "◆", className: "text-slate-200" },
  support: { label: "Supports", symbol: "▲", className: "text-emerald-300" },
  attack: { label: "Attacks", symbol: "✕", className: "text-red-300" },
  undercut: { label: "Undercuts the link from", symbol: "⟂", className: "text-red-300" },
};
