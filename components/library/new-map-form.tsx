"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { z } from "zod";

const createdSchema = z.object({
  slug: z.string(),
  requested: z.string().optional(),
  thesis: z.string().optional(),
  placeholder: z.boolean().optional(),
});
const errorSchema = z.object({ error: z.string() });

/** The library's "New map" form: a title, then the new map's workspace. */
export function NewMapForm() {
  const router = useRouter();
  const id = useId();
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [taken, setTaken] = useState<{ slug: string; requested: string; href: string }>();
  const report = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (taken) report.current?.focus();
  }, [taken]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!title.trim()) {
      setError("Give the map a title.");
      return;
    }
    setPending(true);
    setError(undefined);
    setTaken(undefined);
    try {
      const response = await fetch("/api/maps", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title }),
      });
      const body: unknown = await response.json().catch(() => undefined);
      const created = createdSchema.safeParse(body);
      if (response.status === 201 && created.success) {
        const { slug, requested, thesis, placeholder } = created.data;
        // A placeholder thesis opens selected, in its editor, ready to be replaced.
        const href = placeholder && thesis ? `/maps/${slug}?focus=${thesis}&edit=${thesis}` : `/maps/${slug}`;
        if (requested && requested !== slug) {
          // Another map has the address the title makes: say which one this map got before going on.
          setTaken({ slug, requested, href });
          setTitle("");
          setPending(false);
          router.refresh();
          return;
        }
        router.push(href);
        return;
      }
      const failure = errorSchema.safeParse(body);
      setError(
        failure.success
          ? failure.data.error
          : `The map was not created (the server answered ${response.status}).`,
      );
    } catch {
      setError("The map was not created: the server cannot be reached.");
    }
    setPending(false);
  }

  return (
    <form
      aria-labelledby={`${id}-heading`}
      onSubmit={submit}
      noValidate
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        New map
      </h2>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor={`${id}-title`} className="text-sm font-medium text-slate-700 dark:text-slate-300">
            Title
          </label>
          <input
            id={`${id}-title`}
            name="title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={200}
            autoComplete="off"
            placeholder="e.g. Should schools require uniforms?"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="rounded-lg border border-slate-500 bg-white px-3 py-2 text-slate-900 placeholder:text-slate-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 dark:placeholder:text-slate-400"
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2 disabled:opacity-60 dark:focus-visible:ring-offset-slate-900"
        >
          {pending ? "Creating…" : "Create map"}
        </button>
      </div>
      {taken ? (
        <p
          ref={report}
          tabIndex={-1}
          data-testid="new-map-slug"
          className="mt-2 text-sm font-medium text-slate-800 dark:text-slate-200"
        >
          A map already lives at /maps/{taken.requested}, so this one was created at{" "}
          <Link href={taken.href} className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
            /maps/{taken.slug}
          </Link>
          . Open it there, or rename it in its Map details.
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}
