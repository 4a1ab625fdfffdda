import { headers } from "next/headers";

// Throughput breakdown of `npm run bench` (scripts/lib/bench/throughput.ts), bench builds only:
// what Next costs for a dynamic page that does nothing.

export default async function EmptyPage() {
  await headers();
  return (
    <main>
      <p>empty</p>
    </main>
  );
}
