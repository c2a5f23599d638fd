import "@fontsource-variable/inter";
import "./globals.css";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { paletteCss } from "@/lib/layout/palette-css";

export const metadata: Metadata = {
  title: { default: "Clashmap", template: "%s · Clashmap" },
  description:
    "Argument maps for debate: claims, counterclaims, support and attack backed by evidence cards.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        {/* The map's palette as CSS variables everywhere, for panels that show the canvas's badges. */}
        <style>{paletteCss(":root")}</style>
      </head>
      <body className="min-h-full antialiased">{children}</body>
    </html>
  );
}
