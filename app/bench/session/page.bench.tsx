import { requireSession } from "@/lib/auth/session";

// Throughput breakdown of `npm run bench` (scripts/lib/bench/throughput.ts), bench builds only:
// the dashboard's session check (next-auth's database session) and nothing else.

export default async function SessionPage() {
  const session = await requireSession("/bench/session");
  return (
    <main>
      <p>{session.user.id}</p>
    </main>
  );
}
