// The end of the fill: indexes rebuilt after the bulk load, the summaries ingest would have kept derived
// by the migrations' own backfills, statistics gathered, and the database left settled.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchContext } from "./context";
import { log, pool } from "./util";

const migration = (name: string) => fileURLToPath(new URL(`../../prisma/migrations/${name}/migration.sql`, import.meta.url));
const BACKFILLS = [
  "20261125060001_sightings_backfill",
  "20261125080001_machine_windows_state_backfill",
  "20261125090001_sighting_summaries_backfill",
  "20261126060001_windows_state_facts_backfill",
  "20261126070001_machine_activation_facts_backfill",
  "20261205130001_host_served_client_backfill",
  "20261205160001_host_served_client_latest_backfill",
];
const SUMMARY_TABLES = [
  "machine",
  "host_served_client",
  "approved_kms_host",
  "cmid_sighting",
  "kms_host_sighting",
  "machine_windows_state",
  "duplicate_cmid",
  "kms_host_client",
  "kms_host_client_count",
  "kms_host_source",
  "machine_activation_facts",
];

export async function finishFill(ctx: BenchContext, indexes: { indexdef: string }[], filledTables: string[]): Promise<void> {
  log(`fill: rebuilding ${indexes.length} indexes`);
  await pool(indexes.length, 2, async (i) => {
    const client = await ctx.pool.connect();
    try {
      await client.query("SET maintenance_work_mem = '512MB'");
      await client.query(indexes[i]!.indexdef);
    } finally {
      client.release();
    }
  });
  // The fill writes events and snapshots directly, bypassing ingest: derive what ingest would have
  // written with the same backfills the migrations run on an existing database.
  // Statistics first: planned on the emptied tables' statistics, the per-machine lookups of the activation
  // facts backfill became sequential scans of millions of rows (a migration on a live database has them).
  log("fill: ANALYZE, then sightings, their summaries, current Windows states and activation facts (the migrations' backfills)");
  for (const table of filledTables) await ctx.pool.query(`ANALYZE ${table}`);
  // The backfills were written when snapshot still held last_seen_at (moved to snapshot_seen in 20261204140000):
  // replayed on today's schema, they read a temporary view of the old shape, which shadows the table in this
  // session only (pg_temp comes first in the search path).
  const session = await ctx.pool.connect();
  try {
    await session.query(`CREATE TEMP VIEW snapshot AS
      SELECT s.*, seen.last_seen_at FROM public.snapshot s JOIN public.snapshot_seen seen ON seen.snapshot_id = s.id`);
    for (const name of BACKFILLS) await session.query(readFileSync(migration(name), "utf8"));
    await session.query("DROP VIEW pg_temp.snapshot");
  } finally {
    session.release();
  }
  log("fill: VACUUM ANALYZE");
  for (const table of [...filledTables, ...SUMMARY_TABLES]) await ctx.pool.query(`VACUUM (ANALYZE) ${table}`);
  // Measure a settled database, as a 90-day-old one is: gigabytes of fresh writes otherwise surface as a
  // checkpoint or autovacuum in the middle of the latency phase.
  log("fill: CHECKPOINT and sync, then waiting for autovacuum to finish");
  await ctx.pool.query("CHECKPOINT");
  // The benchmark's PostgreSQL runs with fsync=off: the checkpoint leaves ~15 GB of dirty pages to the kernel,
  // whose writeback would otherwise compete with the latency phase for minutes.
  execFileSync("sync");
  // Idle for three checks in a row: the launcher starts workers a while after the writes it reacts to.
  for (let waited = 0, idle = 0; waited < 180 && idle < 3; waited += 2) {
    const busy = await ctx.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`,
    );
    idle = busy.rows[0]!.n === 0 ? idle + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
