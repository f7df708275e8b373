// One connection pool and one Prisma client per process, cached on globalThis so dev hot reloads do not
// open new pools. Prisma serves the dashboard and admin; the ingest hot path (agent auth, bulk event
// inserts, unchanged check-ins) speaks parameterized SQL on the same pool, because Prisma serializes
// raw-query parameters twice (JSON out, JSON back in), which measured as a fifth of ingest CPU.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/core/generated/prisma/client";
import { env } from "@/lib/core/env";

function createClient(pool: pg.Pool) {
  // Token and password hashes are secrets: never selected unless a query asks for them explicitly.
  return new PrismaClient({ adapter: new PrismaPg(pool), omit: { agent: { tokenHash: true }, user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { kmswatchDb?: Db; kmswatchPool?: pg.Pool };

export function dbPool(): pg.Pool {
  if (!globalForDb.kmswatchPool) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL });
    // An idle connection dropped by the server (a restart, a failover) must not crash the process:
    // the pool discards it and the next query connects again.
    pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
    globalForDb.kmswatchPool = pool;
  }
  return globalForDb.kmswatchPool;
}

export function db(): Db {
  globalForDb.kmswatchDb ??= createClient(dbPool());
  return globalForDb.kmswatchDb;
}

/**
 * Runs a `Prisma.sql` tagged query (parameterized, never pasted) on the pool and returns its rows as pg
 * decodes them. For reads of tens of thousands of rows: Prisma's raw-row decoding costs several times the
 * query itself there (measured: a host's 43k requests, 70 ms in Postgres, 700 ms through $queryRaw).
 * pg returns int8 and numeric as strings; cast in SQL (`::int`, `::float8`) where a number is wanted.
 */
export async function queryRows<T extends pg.QueryResultRow>(sql: Prisma.Sql): Promise<T[]> {
  return (await dbPool().query<T>(sql.text, sql.values)).rows;
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
