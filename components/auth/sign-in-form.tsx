"use client";

import { type FormEvent, useId, useState } from "react";
import { z } from "zod";

const errorSchema = z.object({ error: z.string() });

async function errorOf(response: Response): Promise<string> {
  const parsed = errorSchema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? parsed.data.error : `The server answered ${response.status}.`;
}

/** Asks for the edit token; on success the server sets an http-only cookie and the page goes back to `next`. */
export function SignInForm({ next }: { next: string }) {
  const id = useId();
  const [token, setToken] = useState("");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!token.trim()) {
      setError("Enter the edit token.");
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const response = await fetch("/api/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token }),
      });
      if (response.ok) {
        window.location.assign(next);
        return;
      }
      setError(await errorOf(response));
    } catch {
      setError("The server cannot be reached.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in" className="mt-6 flex flex-col gap-3">
      <label htmlFor={`${id}-token`} className="text-sm font-medium text-slate-700 dark:text-slate-300">
        Edit token
      </label>
      <input
        id={`${id}-token`}
        name="token"
        type="password"
        autoComplete="current-password"
        value={token}
        onChange={(e) => setToken(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="rounded-lg border border-slate-500 bg-white px-3 py-2 text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100"
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded-lg bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2 disabled:opacity-60 dark:focus-visible:ring-offset-slate-900"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

/** Signs this browser out (the server clears the cookie) and reloads the page. */
export function SignOutButton() {
  const [error, setError] = useState<string>();

  async function signOut() {
    try {
      const response = await fetch("/api/session", { method: "DELETE" });
      if (response.ok) {
        window.location.reload();
        return;
      }
      setError(await errorOf(response));
    } catch {
      setError("The server cannot be reached.");
    }
  }

  return (
    <div className="mt-4">
      <button
        type="button"
        onClick={signOut}
        className="rounded-lg border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Sign out
      </button>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
