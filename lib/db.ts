// One Prisma client per process, cached on globalThis so dev hot reloads do not open new pools.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient() {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL });
  // Token and password hashes are secrets: never selected unless a query asks for them explicitly.
  return new PrismaClient({ adapter, omit: { agent: { tokenHash: true }, user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { kmswatchDb?: Db };

export function db(): Db {
  globalForDb.kmswatchDb ??= createClient();
  return globalForDb.kmswatchDb;
}
