// One connection pool and one Prisma client per process, cached on globalThis so dev hot reloads do not
// open new pools. Prisma serves the dashboard and admin; the ingest hot path (agent auth, bulk event
// inserts, unchanged check-ins) speaks parameterized SQL on the same pool, because Prisma serializes
// raw-query parameters twice (JSON out, JSON back in), which measured as a fifth of ingest CPU.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient(pool: pg.Pool) {
  // Token and password hashes are secrets: never selected unless a query asks for them explicitly.
  return new PrismaClient({ adapter: new PrismaPg(pool), omit: { agent: { tokenHash: true }, user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { kmswatchDb?: Db; kmswatchPool?: pg.Pool };

export function dbPool(): pg.Pool {
  globalForDb.kmswatchPool ??= new pg.Pool({ connectionString: env().DATABASE_URL });
  return globalForDb.kmswatchPool;
}

export function db(): Db {
  globalForDb.kmswatchDb ??= createClient(dbPool());
  return globalForDb.kmswatchDb;
}

/** Runs `work` in one transaction on a pooled connection: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await dbPool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
