// The retention job (policy: retentionPolicy.ts), run by the scheduler every 6 hours. One replica at a time
// (advisory lock, tried, never waited for); every statement deletes or empties at most BATCH rows, so a first
// run on a large database is many short transactions that never hold a table for long.
import type pg from "pg";
import { dbPool } from "@/lib/core/db";
import { env } from "@/lib/core/env";
import { retentionCutoffs, type RetentionPolicy } from "@/lib/evaluate/jobs/retentionPolicy";

export const RETENTION_LOCK_KEY = 7_240_002;
const BATCH = 5000;

/** Rows one pass emptied or deleted, by kind: all zero until the pass runs, and when another replica holds the lock. */
const NOTHING_DONE = {
  rawArtifactsPruned: 0,
  eventXmlPruned: 0,
  eventsDeleted: 0,
  snapshotsDeleted: 0,
  rawArtifactsDeleted: 0,
  batchesDeleted: 0,
  probesDeleted: 0,
  quarantinedDeleted: 0,
};
export type RetentionResult = { ran: boolean } & typeof NOTHING_DONE;

/** Runs `statement` until it touches fewer than BATCH rows; returns the total. */
async function inBatches(client: pg.PoolClient, statement: string, values: unknown[]): Promise<number> {
  let total = 0;
  for (;;) {
    const n = (await client.query(statement, [...values, BATCH])).rowCount ?? 0;
    total += n;
    if (n < BATCH) return total;
  }
}

// Raw text whose artifact no snapshot seen since the cutoff still uses (a current snapshot keeps its text).
const PRUNE_RAW = `
  UPDATE raw_artifact SET body = NULL, body_deflate = NULL, body_packed = NULL, pruned_at = now()
   WHERE id IN (SELECT ra.id FROM raw_artifact ra
                 WHERE ra.pruned_at IS NULL AND ra.last_seen_at < $1
                   AND NOT EXISTS (SELECT 1 FROM snapshot s JOIN snapshot_seen seen ON seen.snapshot_id = s.id
                                    WHERE s.machine_id = ra.machine_id AND s.raw_artifact_id = ra.id AND seen.last_seen_at >= $1)
                 LIMIT $2)`;
// Emptied XML is raw_xml '' (packed null); a new event holds raw_xml null and its packed XML.
// Events that became due since the last pass ($2 = where it got to; the epoch on the first pass). An event that
// arrives later than that, already older than the raw cutoff, keeps its XML until the history cutoff deletes it.
const PRUNE_EVENT_XML = `
  UPDATE activation_event SET raw_xml = '', raw_xml_packed = NULL WHERE id IN (
    SELECT id FROM activation_event WHERE event_id = ANY('{12288,12289,12290,12293}')
       AND time_created >= $2 AND time_created < $1 AND raw_xml IS DISTINCT FROM '' LIMIT $3)`;
const EVENT_XML_TASK = "event_xml";
const DELETE_EVENTS = `
  DELETE FROM activation_event WHERE id IN (
    SELECT id FROM activation_event WHERE event_id = ANY('{12288,12289,12290,12293}') AND time_created < $1 LIMIT $2)`;
// A superseded snapshot (a newer one of the same machine, source and product exists) last seen before the cutoff;
// never a machine's current Windows state.
const DELETE_SNAPSHOTS = `
  DELETE FROM snapshot WHERE id IN (
    SELECT s.id FROM snapshot s JOIN snapshot_seen seen ON seen.snapshot_id = s.id
     WHERE seen.last_seen_at < $1
       AND EXISTS (SELECT 1 FROM snapshot n WHERE n.machine_id = s.machine_id AND n.source = s.source
                      AND n.product_key = s.product_key AND n.collected_at > s.collected_at)
       AND NOT EXISTS (SELECT 1 FROM machine_windows_state ws WHERE ws.snapshot_id = s.id)
     LIMIT $2)`;
const DELETE_RAW = `
  DELETE FROM raw_artifact WHERE id IN (
    SELECT ra.id FROM raw_artifact ra WHERE ra.last_seen_at < $1
       AND NOT EXISTS (SELECT 1 FROM snapshot s WHERE s.machine_id = ra.machine_id AND s.raw_artifact_id = ra.id) LIMIT $2)`;
const deleteOlder = (table: string, column: string) =>
  `DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE ${column} < $1 LIMIT $2))`;

export async function runRetention(
  now: Date,
  policy: RetentionPolicy = { rawDays: env().KMSWATCH_RETAIN_RAW_DAYS, historyDays: env().KMSWATCH_RETAIN_HISTORY_DAYS },
  pool: pg.Pool = dbPool(),
): Promise<RetentionResult> {
  const result: RetentionResult = { ran: false, ...NOTHING_DONE };
  const { rawBefore, historyBefore } = retentionCutoffs(now, policy);
  const client = await pool.connect();
  try {
    const [lock] = (await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [RETENTION_LOCK_KEY])).rows;
    if (!lock?.ok) return result;
    try {
      result.ran = true;
      if (historyBefore) {
        result.eventsDeleted = await inBatches(client, DELETE_EVENTS, [historyBefore]);
        result.snapshotsDeleted = await inBatches(client, DELETE_SNAPSHOTS, [historyBefore]);
        result.rawArtifactsDeleted = await inBatches(client, DELETE_RAW, [historyBefore]);
        result.batchesDeleted = await inBatches(client, deleteOlder("ingest_batch", "received_at"), [historyBefore]);
        result.probesDeleted = await inBatches(client, deleteOlder("probe_result", "checked_at"), [historyBefore]);
        result.quarantinedDeleted = await inBatches(client, deleteOlder("quarantined_artifact", "received_at"), [historyBefore]);
      }
      if (rawBefore) {
        result.rawArtifactsPruned = await inBatches(client, PRUNE_RAW, [rawBefore]);
        const [progress] = (
          await client.query<{ done_until: Date }>("SELECT done_until FROM retention_progress WHERE task = $1", [EVENT_XML_TASK])
        ).rows;
        result.eventXmlPruned = await inBatches(client, PRUNE_EVENT_XML, [rawBefore, progress?.done_until ?? new Date(0)]);
        await client.query(
          `INSERT INTO retention_progress (task, done_until) VALUES ($1, $2)
           ON CONFLICT (task) DO UPDATE SET done_until = GREATEST(retention_progress.done_until, EXCLUDED.done_until)`,
          [EVENT_XML_TASK, rawBefore],
        );
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [RETENTION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
  return result;
}
