import type { Side } from "../model/schema";

/** One colour theme of the map: the canvas, the SVG and PNG exports and the presentation read it. */
export interface Palette {
  background: string;
  text: string;
  mutedText: string;
  node: { fill: string; border: string; thesisFill: string; thesisBorder: string };
  side: Record<Side, { band: string; labelFill: string; labelText: string }>;
  relation: Record<"support" | "attack", { stroke: string; badgeText: string }>;
  /** Width and dash of each relation type: colour is never the only difference. */
  stroke: Record<"support" | "attack", { width: number; dash?: string }>;
  badge: { fill: string; border: string; text: string };
  /** The analysis's badges: stands, refuted, contested (each also has its own icon and label). */
  status: Record<"in" | "out" | "undecided", { fill: string; border: string; text: string }>;
  focus: string;
  selection: string;
  searchMatch: string;
  /** The minimap's veil over what is outside the view (#rrggbbaa). */
  minimapMask: string;
}

/** Light and dark themes; the hex values are Tailwind's, as the canvas's classes use them. */
export const PALETTES: Record<"light" | "dark", Palette> = {
  light: {
    background: "#ffffff",
    text: "#0f172a",
    mutedText: "#475569",
    node: { fill: "#ffffff", border: "#cbd5e1", thesisFill: "#ffffff", thesisBorder: "#334155" },
    side: {
      aff: { band: "#1d4ed8", labelFill: "#1d4ed8", labelText: "#ffffff" },
      neg: { band: "#b91c1c", labelFill: "#b91c1c", labelText: "#ffffff" },
    },
    relation: {
      support: { stroke: "#047857", badgeText: "#065f46" },
      attack: { stroke: "#b91c1c", badgeText: "#991b1b" },
    },
    stroke: { support: { width: 2.25 }, attack: { width: 2, dash: "7 5" } },
    badge: { fill: "#ffffff", border: "#94a3b8", text: "#334155" },
    status: {
      in: { fill: "#047857", border: "#065f46", text: "#ffffff" },
      out: { fill: "#334155", border: "#1e293b", text: "#ffffff" },
      undecided: { fill: "#fde68a", border: "#78350f", text: "#451a03" },
    },
    focus: "#f59e0b",
    selection: "#0ea5e9",
    searchMatch: "#facc15",
    minimapMask: "#f1f5f9b3",
  },
  dark: {
    background: "#0f172a",
    text: "#f8fafc",
    mutedText: "#cbd5e1",
    node: { fill: "#0f172a", border: "#475569", thesisFill: "#1e293b", thesisBorder: "#cbd5e1" },
    side: {
      aff: { band: "#60a5fa", labelFill: "#93c5fd", labelText: "#172554" },
      neg: { band: "#f87171", labelFill: "#fca5a5", labelText: "#450a0a" },
    },
    relation: {
      support: { stroke: "#34d399", badgeText: "#6ee7b7" },
      attack: { stroke: "#f87171", badgeText: "#fca5a5" },
    },
    stroke: { support: { width: 2.25 }, attack: { width: 2, dash: "7 5" } },
    badge: { fill: "#0f172a", border: "#64748b", text: "#e2e8f0" },
    status: {
      in: { fill: "#6ee7b7", border: "#a7f3d0", text: "#022c22" },
      out: { fill: "#cbd5e1", border: "#e2e8f0", text: "#020617" },
      undecided: { fill: "#fcd34d", border: "#fef3c7", text: "#451a03" },
    },
    focus: "#f59e0b",
    selection: "#38bdf8",
    searchMatch: "#eab308",
    minimapMask: "#0206178c",
  },
};
