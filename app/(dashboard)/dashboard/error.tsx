"use client";

/** For the unexpected only: expected failures (LiveChat down, session over) are handled by the page. */
export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-6 py-16 text-center">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-neutral-600">
        The dashboard could not be shown. Try again; if it keeps happening, contact the app&apos;s
        developer.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-livechat-orange px-4 py-2 font-semibold text-white"
      >
        Try again
      </button>
    </main>
  );
}
