// Stores a snapshot unless the one in force at that time has the same content (then it is only marked
// seen). The raw artifact it came from is kept once per content hash and machine.
import type { PoolClient } from "pg";
import { sameSnapshotState, type PreparedSnapshot } from "@/lib/ingest/prepare";
import { storableRowsJson, storableText } from "@/lib/ingest/json";
import { WINDOWS_APP_ID } from "@/lib/kms/appIds";
import { snapshotColumnsOf } from "@/lib/kms/storedProduct";
import { packText } from "@/lib/core/deflate";

type Previous = { id: string; content_hash: string; expires_at: Date | null; last_seen_at: Date };

/** A SHA-256 in hex as the column stores it (bytea, 32 bytes: migration 20261205120000). */
export const hashBytes = (hex: string): Buffer => Buffer.from(hex, "hex");

async function rawArtifactId(client: PoolClient, machineId: string, collectedAt: Date, snap: PreparedSnapshot): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO raw_artifact (id, machine_id, type, content_hash, body_packed, first_seen_at, last_seen_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $5)
     ON CONFLICT (machine_id, content_hash) DO UPDATE SET last_seen_at = GREATEST(raw_artifact.last_seen_at, EXCLUDED.last_seen_at)
     RETURNING id`,
    [machineId, snap.rawType, hashBytes(snap.rawHash), packText(storableText(snap.rawBody), snap.rawType), collectedAt],
  );
  return rows[0]!.id;
}

/** True when a new snapshot row was written. `rawIds` shares raw artifacts between the products of one text. */
export async function storeSnapshot(
  client: PoolClient,
  machineId: string,
  collectedAt: Date,
  snap: PreparedSnapshot,
  rawIds: Map<string, string>,
): Promise<boolean> {
  const {
    rows: [previous],
  } = await client.query<Previous>(
    // LEFT JOIN: a snapshot is found even if its seen row is missing (written by hand, say); the move below restores it.
    `SELECT s.id, encode(s.content_hash, 'hex') AS content_hash, s.expires_at, coalesce(seen.last_seen_at, s.collected_at) AS last_seen_at
       FROM snapshot s LEFT JOIN snapshot_seen seen ON seen.snapshot_id = s.id
      WHERE s.machine_id = $1 AND s.source = $2 AND s.product_key = $3 AND s.collected_at <= $4
      ORDER BY s.collected_at DESC LIMIT 1`,
    [machineId, snap.source, snap.productKey, collectedAt],
  );
  if (previous && sameSnapshotState({ contentHash: previous.content_hash, expiresAt: previous.expires_at }, snap)) {
    if (previous.last_seen_at < collectedAt)
      await client.query(
        `INSERT INTO snapshot_seen (snapshot_id, last_seen_at) VALUES ($1, $2)
         ON CONFLICT (snapshot_id) DO UPDATE SET last_seen_at = GREATEST(snapshot_seen.last_seen_at, EXCLUDED.last_seen_at)`,
        [previous.id, collectedAt],
      );
    return false;
  }
  let rawId = rawIds.get(snap.rawHash);
  if (!rawId) {
    rawId = await rawArtifactId(client, machineId, collectedAt, snap);
    rawIds.set(snap.rawHash, rawId);
  }
  const p = snap.product;
  const row = snapshotColumnsOf(p);
  const inserted = await client.query<{ id: string }>(
    `WITH stored AS (
     INSERT INTO snapshot (id, machine_id, raw_artifact_id, source, product_key, content_hash, collected_at, expires_at,
       activation_id, application_id, name, channel, product_key_channel, partial_product_key, license_status,
       grace_remaining_min, notification_reason, is_kms_host, current_count, listening_port, dns_publishing,
       total_requests, failed_requests, cmid, kms_host, kms_port, kms_host_source, service_version, parsed, parsed_packed)
     SELECT gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, t.*
       FROM json_to_recordset($8::json) AS t(activation_id text, application_id text, name text, channel text,
         product_key_channel text, partial_product_key text, license_status text, grace_remaining_min int,
         notification_reason text, is_kms_host boolean, current_count int, listening_port int, dns_publishing boolean,
         total_requests int, failed_requests int, cmid text, kms_host text, kms_port int, kms_host_source text,
         service_version text, parsed jsonb, parsed_packed bytea)
     RETURNING id, collected_at
   ), seen AS (INSERT INTO snapshot_seen (snapshot_id, last_seen_at) SELECT id, collected_at FROM stored)
   SELECT id FROM stored`,
    [machineId, rawId, snap.source, snap.productKey, hashBytes(snap.contentHash), collectedAt, snap.expiresAt, storableRowsJson([row])],
  );
  const stored = inserted.rows[0];
  if (!stored) throw new Error("snapshot insert returned no row");
  if (p.applicationId === null || p.applicationId === WINDOWS_APP_ID) {
    // Newest collection wins; at the same instant CIM wins over /dlv, as latestWindowsSnapshots orders them.
    await client.query(
      // Copied from the stored row itself: the current state always says what its snapshot says.
      `INSERT INTO machine_windows_state (machine_id, snapshot_id, source, collected_at, license_status, channel, kms_host, cmid,
         product_key_channel, grace_remaining_min, expires_at, notification_reason, kms_port)
       SELECT machine_id, id, source, collected_at, license_status, channel, kms_host, cmid,
              product_key_channel, grace_remaining_min, expires_at, notification_reason, kms_port
         FROM snapshot WHERE id = $1
       ON CONFLICT (machine_id) DO UPDATE SET snapshot_id = EXCLUDED.snapshot_id, source = EXCLUDED.source,
         collected_at = EXCLUDED.collected_at, license_status = EXCLUDED.license_status, channel = EXCLUDED.channel,
         kms_host = EXCLUDED.kms_host, cmid = EXCLUDED.cmid, product_key_channel = EXCLUDED.product_key_channel,
         grace_remaining_min = EXCLUDED.grace_remaining_min, expires_at = EXCLUDED.expires_at,
         notification_reason = EXCLUDED.notification_reason, kms_port = EXCLUDED.kms_port
       WHERE machine_windows_state.collected_at < EXCLUDED.collected_at
          OR (machine_windows_state.collected_at = EXCLUDED.collected_at AND EXCLUDED.source = 'cim')`,
      [stored.id],
    );
  }
  return true;
}
