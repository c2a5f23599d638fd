import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { SignInForm, SignOutButton } from "@/components/auth/sign-in-form";
import { accessConfig, accessInfo, SESSION_COOKIE, safeNextPath } from "@/lib/server/access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next: raw } = await searchParams;
  const next = safeNextPath(typeof raw === "string" ? raw : undefined);
  const config = accessConfig();
  const access = accessInfo(config, (await cookies()).get(SESSION_COOKIE)?.value);

  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold tracking-tight">Sign in to edit</h1>
      {access.readOnly ? (
        <p className="mt-4 text-slate-700 dark:text-slate-300">
          {config.readOnlyReason} Nobody can edit maps here.
        </p>
      ) : !access.needsToken ? (
        <p className="mt-4 text-slate-700 dark:text-slate-300">
          This server needs no sign-in: anyone here can edit.
        </p>
      ) : access.signedIn ? (
        <>
          <p className="mt-4 text-slate-700 dark:text-slate-300">You are signed in and can edit maps.</p>
          <SignOutButton />
        </>
      ) : (
        <>
          <p className="mt-4 text-slate-700 dark:text-slate-300">
            Editing on this server needs the edit token its owner set. Ask them for it.
          </p>
          <SignInForm next={next} />
        </>
      )}
      <p className="mt-8">
        <Link
          href={next}
          className="text-blue-700 underline underline-offset-2 hover:text-blue-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 dark:text-blue-400 dark:hover:text-blue-300"
        >
          {next === "/" ? "Back to the library" : "Back"}
        </Link>
      </p>
    </main>
  );
}
