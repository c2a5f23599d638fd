"use client";

import Link from "next/link";
import { useMapStore } from "@/components/map/map-store";
import { useSignInToEdit } from "./editor-store";

/** Offered instead of the editing controls when this server needs the edit token and the visitor has not signed in. */
export function SignInToEditLink() {
  const signIn = useSignInToEdit();
  const slug = useMapStore((s) => s.slug);
  const selection = useMapStore((s) => s.selection);
  if (!signIn) return null;
  // Come back to the same claim after signing in.
  const back = selection?.kind === "claim" ? `/maps/${slug}?focus=${selection.id}` : `/maps/${slug}`;
  return (
    <Link
      href={`/sign-in?next=${encodeURIComponent(back)}`}
      className="rounded-md border border-blue-700 px-2.5 py-1 text-sm font-medium text-blue-800 hover:bg-blue-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 dark:border-blue-300 dark:text-blue-200 dark:hover:bg-slate-800"
    >
      Sign in to edit
    </Link>
  );
}
