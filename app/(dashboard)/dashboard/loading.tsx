export default function Loading() {
  return (
    <main className="mx-auto max-w-5xl px-6 py-10" aria-busy="true">
      <p className="text-neutral-500">Loading agents from LiveChat…</p>
    </main>
  );
}
