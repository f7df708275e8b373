// A Postgres cursor as an async iterable of row batches: the query runs once and rows are fetched
// `batchSize` at a time as the CSV or zip stream asks for them, so a 100k-row table never sits in
// memory. Exports use their own small pg pool: a download holds its connection for as long as the
// browser reads, and must not starve Prisma's pool that serves the dashboard.
import "server-only";
import pg from "pg";
import type { Prisma } from "@/lib/core/generated/prisma/client";
import { env } from "@/lib/core/env";

const globalForExport = globalThis as unknown as { kmswatchExportPool?: pg.Pool };

function pool(): pg.Pool {
  globalForExport.kmswatchExportPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: 4, idleTimeoutMillis: 30_000 });
  return globalForExport.kmswatchExportPool;
}

export const EXPORT_BATCH_SIZE = 1000;

/**
 * Yields the rows of `query` in batches. The connection is released in `finally`, which also runs
 * when the consumer stops early (cancelled download → iterator.return()).
 */
export async function* cursorBatches<R>(query: Prisma.Sql, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<R[]> {
  const client = await pool().connect();
  let failed: unknown;
  try {
    // A read-only snapshot: every batch sees the same data even while agents keep ingesting.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query(`DECLARE kmswatch_export NO SCROLL CURSOR FOR ${query.text}`, query.values);
    for (;;) {
      const { rows } = await client.query(`FETCH FORWARD ${batchSize} FROM kmswatch_export`);
      if (rows.length === 0) break;
      yield rows as R[];
      if (rows.length < batchSize) break;
    }
  } catch (error) {
    failed = error;
    throw error;
  } finally {
    try {
      await client.query("ROLLBACK");
    } catch (error) {
      failed ??= error;
    }
    // A connection in an unknown state is destroyed rather than handed to the next export.
    client.release(failed instanceof Error ? failed : undefined);
  }
}

/** The same batches for data already in memory (small aggregate tables), so every export streams alike. */
export async function* arrayBatches<T>(rows: readonly T[], batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<T[]> {
  for (let i = 0; i < rows.length; i += batchSize) yield rows.slice(i, i + batchSize);
}
