import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient() {
  const { url, poolMax } = env().database;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolMax }) });
}

// Next's dev server re-evaluates modules on every edit; keep one client (and one pool) per process.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.prisma ?? createClient();
globalForPrisma.prisma = prisma;
