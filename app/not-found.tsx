import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Nothing lives at this address.</p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-blue-700 hover:underline dark:text-blue-300">
          ← Back to the library
        </Link>
      </p>
    </main>
  );
}
