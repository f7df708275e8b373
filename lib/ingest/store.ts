// Writes a prepared batch in one transaction: events idempotently (machine, log, EventRecordID),
// snapshots only when their content changed, unparseable pieces to quarantine. A check-in with nothing
// new (the hourly norm) is only recorded as seen, through the batched fast path in touchUnchanged.ts.
import type { PoolClient } from "pg";
import { inTransaction } from "@/lib/core/db";
import type { AuthenticatedAgent } from "@/lib/access/agents/authenticate";
import type { IngestResponse } from "@/lib/kms/protocol";
import type { PreparedBatch, PreparedSnapshot } from "@/lib/ingest/prepare";
import { storableRowsJson } from "@/lib/ingest/json";
import { normalizeHostName } from "@/lib/kms/hostNames";
import { sightingsOf } from "@/lib/ingest/sightings";
import { insertEvents } from "@/lib/ingest/storeEvents";
import { storeSightings } from "@/lib/ingest/storeSightings";
import { storeServedClients } from "@/lib/ingest/storeServedClients";
import { epidSightingsOf } from "@/lib/ingest/epidSightings";
import { storeEpidSightings } from "@/lib/ingest/storeEpidSightings";
import { storeSnapshot } from "@/lib/ingest/storeSnapshot";
import { storeReports } from "@/lib/ingest/storeReports";
import { refreshActivationFacts } from "@/lib/ingest/storeActivationFacts";
import { touchIfUnchanged } from "@/lib/ingest/touchUnchanged";

/** Names "a machine's snapshots are being stored" in the two-key advisory lock space (apart from the one-key locks). */
const SNAPSHOT_LOCK_CLASS = 0x6b6d73;

async function storeProbesAndQuarantine(client: PoolClient, machineId: string, batch: PreparedBatch) {
  if (batch.probes.length > 0) {
    const rows = batch.probes.map((probe) => ({
      checked_at: probe.checkedAt,
      domain: probe.domain,
      srv_found: probe.srvRecords.length > 0,
      srv_error: probe.srvError,
      srv_records: probe.srvRecords,
      target_host: normalizeHostName(probe.target?.host),
      target_port: probe.target?.port ?? null,
      tcp_ok: probe.tcp?.ok ?? null,
      tcp_error: probe.tcp?.error ?? null,
      latency_ms: probe.tcp?.latencyMs ?? null,
    }));
    await client.query(
      `INSERT INTO probe_result (id, machine_id, checked_at, domain, srv_found, srv_error, srv_records, target_host, target_port, tcp_ok, tcp_error, latency_ms)
       SELECT gen_random_uuid(), $1, t.* FROM json_to_recordset($2::json) AS t(checked_at timestamptz, domain text, srv_found boolean,
         srv_error text, srv_records jsonb, target_host text, target_port int, tcp_ok boolean, tcp_error text, latency_ms float8)
       ON CONFLICT (machine_id, checked_at) DO NOTHING`,
      [machineId, storableRowsJson(rows)],
    );
  }
  if (batch.quarantine.length > 0) {
    // The body is JSON text, so a NUL in it is already escaped and kept losslessly.
    const rows = batch.quarantine.map((q) => ({
      artifact_index: q.artifactIndex,
      type: q.type,
      error: q.error,
      body: JSON.stringify(q.body) ?? "null",
    }));
    await client.query(
      `INSERT INTO quarantined_artifact (id, machine_id, artifact_index, type, error, body)
       SELECT gen_random_uuid(), $1, t.* FROM json_to_recordset($2::json) AS t(artifact_index int, type text, error text, body text)`,
      [machineId, storableRowsJson(rows)],
    );
  }
}

export async function storeBatch(
  agent: AuthenticatedAgent,
  agentVersion: string,
  artifacts: number,
  batch: PreparedBatch,
): Promise<{ response: IngestResponse; changed: boolean; hostRequestsOnly: boolean }> {
  const { machineId } = agent;
  // A skewed clock is recorded on the machine row, which only the transactional path below writes.
  const onlySnapshots =
    batch.events.length === 0 &&
    batch.probes.length === 0 &&
    batch.reports.length === 0 &&
    batch.quarantine.length === 0 &&
    batch.rejected.length === 0 &&
    batch.clockAheadMs === null;
  if (onlySnapshots && (await touchIfUnchanged({ ...agent, agentVersion, collectedAt: batch.collectedAt, snapshots: batch.snapshots }))) {
    return { response: { accepted: batch.snapshots.length, duplicates: 0, rejected: [] }, changed: false, hostRequestsOnly: false };
  }
  return inTransaction(async (client) => {
    // Two requests of one machine at once (an agent resending a batch it timed out on) must not both find no
    // snapshot in force and store it twice: their transactions take turns, from the start so no lock is held meanwhile.
    if (batch.snapshots.length > 0) await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [SNAPSHOT_LOCK_CLASS, machineId]);
    const inserted = await insertEvents(client, machineId, batch.events);
    await storeServedClients(client, machineId, batch.events);
    const rawIds = new Map<string, string>();
    const newSnapshots: PreparedSnapshot[] = [];
    for (const snap of batch.snapshots)
      if (await storeSnapshot(client, machineId, batch.collectedAt, snap, rawIds)) newSnapshots.push(snap);
    const sightings = sightingsOf(agent.fqdn, batch.events, newSnapshots, batch.collectedAt);
    await storeSightings(client, sightings.cmids, sightings.hosts);
    await storeEpidSightings(client, machineId, epidSightingsOf(agent.fqdn, newSnapshots, batch.collectedAt));
    await storeProbesAndQuarantine(client, machineId, batch);
    await storeReports(client, machineId, batch.collectedAt, batch.reports);
    const eventIds = new Set(batch.events.map((e) => e.event.eventId));
    const isHost = batch.snapshots.some((s) => s.product.isKmsHost) || eventIds.has(12290) || batch.reports.some((r) => r.kind === "tpm");
    const role = isHost ? "kms_host" : batch.snapshots.length > 0 ? "client" : null;
    const duplicates = batch.events.length - inserted;
    const accepted = inserted + batch.snapshots.length + batch.probes.length + batch.reports.length;
    // The batch's bookkeeping in one round trip: the machine and its agent seen, the batch recorded.
    await client.query(
      `WITH seen_machine AS (
         UPDATE machine SET last_seen_at = now(), role = coalesce($9::"MachineRole", role), clock_ahead_ms = $10 WHERE id = $2
       ), seen_agent AS (
         UPDATE agent SET last_seen_at = now(), agent_version = $4 WHERE id = $1
       )
       INSERT INTO ingest_batch (id, agent_id, machine_id, collected_at, agent_version, artifacts, accepted, duplicates, rejected)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        agent.agentId,
        machineId,
        batch.collectedAt,
        agentVersion,
        artifacts,
        accepted,
        duplicates,
        batch.rejected.length,
        role,
        batch.clockAheadMs,
      ],
    );
    // After the bookkeeping, which locked the machine row (see storeActivationFacts.ts).
    if ((inserted > 0 && (eventIds.has(12288) || eventIds.has(12289))) || batch.probes.length > 0)
      await refreshActivationFacts(client, machineId);
    // Only new state can change a finding; time-based rules are re-evaluated on the schedule.
    const changed = inserted > 0 || newSnapshots.length > 0 || batch.probes.length > 0;
    // A KMS host's request log alone can wait for its evaluation (lib/alerts/queue.ts).
    const hostRequestsOnly = newSnapshots.length === 0 && batch.probes.length === 0 && [...eventIds].every((id) => id === 12290);
    return { response: { accepted, duplicates, rejected: batch.rejected }, changed, hostRequestsOnly };
  });
}
