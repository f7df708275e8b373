// The hot path of an hourly fleet: a check-in whose snapshots all equal the ones in force is only
// "seen" — snapshot (snapshot_seen), machine and agent last-seen move, a counter on the agent grows, no row is added.
// Concurrent check-ins share one statement (natural batching); a check-in with any change, or any
// failure here, goes the full way through storeBatch, which is idempotent.
import { dbPool } from "@/lib/core/db";
import { sharedBatcher } from "@/lib/core/naturalBatcher";
import { storableRowsJson } from "@/lib/ingest/json";
import { EXPIRY_TOLERANCE_MS, type PreparedSnapshot } from "@/lib/ingest/prepare";

export type CheckinTouch = {
  agentId: string;
  machineId: string;
  agentVersion: string;
  collectedAt: Date;
  snapshots: Pick<PreparedSnapshot, "source" | "productKey" | "contentHash" | "expiresAt">[];
};

/** One statement for many check-ins: which of them were unchanged (and were therefore recorded as seen). */
async function touchAll(checkins: CheckinTouch[]): Promise<boolean[]> {
  const slots = checkins.flatMap((c, n) =>
    c.snapshots.map((s) => ({
      n,
      machine_id: c.machineId,
      agent_id: c.agentId,
      agent_version: c.agentVersion,
      source: s.source,
      product_key: s.productKey,
      content_hash: s.contentHash,
      expires_at: s.expiresAt,
      at: c.collectedAt,
    })),
  );
  // Named, so each pooled connection parses and plans it once (a cached generic plan after five runs) instead of
  // per batch: it is the statement every hourly check-in of the fleet runs.
  const { rows } = await dbPool().query<{ n: number }>({
    name: "touch-unchanged-checkins",
    text: `WITH input AS (
      SELECT * FROM json_to_recordset($1::json)
        AS t(n int, machine_id uuid, agent_id uuid, agent_version text, source text, product_key text, content_hash text,
             expires_at timestamptz, at timestamptz)
    ), latest AS (
      -- sameSnapshotState (prepare.ts) in SQL: same content, expiry moved less than the tolerance.
      SELECT i.*, s.id AS snapshot_id,
             coalesce(s.content_hash = decode(i.content_hash, 'hex') AND (s.expires_at IS NULL) = (i.expires_at IS NULL)
               AND coalesce(abs(extract(epoch FROM s.expires_at - i.expires_at)) * 1000 < $2, true), false) AS same
        FROM input i
        LEFT JOIN LATERAL (
          SELECT id, content_hash, expires_at FROM snapshot
           WHERE machine_id = i.machine_id AND source = i.source AND product_key = i.product_key AND collected_at <= i.at
           ORDER BY collected_at DESC LIMIT 1) s ON true
    ), unchanged AS (
      SELECT n, machine_id, agent_id, agent_version, count(*) AS snapshots FROM latest
       GROUP BY n, machine_id, agent_id, agent_version HAVING bool_and(same)
    ), seen_snapshots AS (
      UPDATE snapshot_seen SET last_seen_at = u.at
        FROM (SELECT snapshot_id, max(at) AS at FROM latest WHERE same AND n IN (SELECT n FROM unchanged) GROUP BY snapshot_id) u
       WHERE snapshot_seen.snapshot_id = u.snapshot_id AND snapshot_seen.last_seen_at < u.at
       RETURNING 1
    ), seen_machines AS (
      UPDATE machine SET last_seen_at = now(), clock_ahead_ms = NULL WHERE id IN (SELECT machine_id FROM unchanged) RETURNING 1
    ), seen_agents AS (
      UPDATE agent SET last_seen_at = now(), agent_version = u.agent_version,
             unchanged_checkins = unchanged_checkins + u.checkins, unchanged_accepted = unchanged_accepted + u.snapshots
        FROM (SELECT agent_id, max(agent_version) AS agent_version, count(*) AS checkins, sum(snapshots) AS snapshots
                FROM unchanged GROUP BY agent_id) u
       WHERE agent.id = u.agent_id
       RETURNING 1
    )
    SELECT n FROM unchanged`,
    values: [storableRowsJson(slots), EXPIRY_TOLERANCE_MS],
  });
  const unchanged = new Set(rows.map((r) => Number(r.n)));
  return checkins.map((_, n) => unchanged.has(n));
}

/** True when the check-in was unchanged and has been recorded as seen; false when it must be stored. */
export async function touchIfUnchanged(checkin: CheckinTouch): Promise<boolean> {
  if (checkin.snapshots.length === 0) return false;
  try {
    return await sharedBatcher("unchanged-checkins", touchAll).submit(checkin);
  } catch (error) {
    // A deadlock with a concurrent full store or a lost connection: the full path is always correct.
    console.warn(`[ingest] unchanged check-in fast path failed, storing in full: ${(error as Error).message}`);
    return false;
  }
}
