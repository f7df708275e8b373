// Phase 4: where the bytes go (heap, TOAST, each index) and which indexes no query used during the run.
// Index use is read from pg_stat_user_indexes: once before the fill (which drops and rebuilds the secondary
// indexes, resetting their counters; the ingest and check-in phases used them through HTTP before that) and
// once after the dashboard phase and the fleet-wide evaluations. An index with no scan in either window was
// used by no ingest, check-in, dashboard or evaluation statement of the run.
import type pg from "pg";

export type RelationBytes = { table: string; heap: number; toast: number; indexes: Record<string, number>; total: number };
export type IndexUse = Record<string, { table: string; scans: number; bytes: number }>;

export async function storageBreakdown(pool: pg.Pool, tables: string[]): Promise<RelationBytes[]> {
  const { rows } = await pool.query<{ table: string; heap: string; toast: string; total: string; indexes: Record<string, string> | null }>(
    `SELECT c.relname AS table, pg_relation_size(c.oid) AS heap,
            coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0) AS toast, pg_total_relation_size(c.oid) AS total,
            (SELECT jsonb_object_agg(i.relname, pg_relation_size(i.oid)) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
              WHERE x.indrelid = c.oid) AS indexes
       FROM pg_class c WHERE c.relname = ANY($1) AND c.relkind IN ('r', 'p')`,
    [tables],
  );
  return rows.map((r) => ({
    table: r.table,
    heap: Number(r.heap),
    toast: Number(r.toast),
    total: Number(r.total),
    indexes: Object.fromEntries(Object.entries(r.indexes ?? {}).map(([name, bytes]) => [name, Number(bytes)])),
  }));
}

export async function indexUse(pool: pg.Pool): Promise<IndexUse> {
  const { rows } = await pool.query<{ index: string; table: string; scans: string; bytes: string }>(
    `SELECT indexrelname AS index, relname AS table, idx_scan AS scans, pg_relation_size(indexrelid) AS bytes
       FROM pg_stat_user_indexes WHERE schemaname = 'public'`,
  );
  return Object.fromEntries(rows.map((r) => [r.index, { table: r.table, scans: Number(r.scans), bytes: Number(r.bytes) }]));
}

/** Scans per index over both windows (before the fill, and after it); sizes from the later reading. */
export function combineIndexUse(before: IndexUse, after: IndexUse): IndexUse {
  return Object.fromEntries(Object.entries(after).map(([name, use]) => [name, { ...use, scans: use.scans + (before[name]?.scans ?? 0) }]));
}

/** An idle backend sends its statistics within 10 s: wait for them before reading the counters. */
export async function flushedIndexUse(pool: pg.Pool): Promise<IndexUse> {
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  await pool.query("SELECT pg_stat_force_next_flush()");
  return indexUse(pool);
}
