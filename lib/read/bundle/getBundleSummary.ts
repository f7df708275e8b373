// summary.json of a support bundle: the parsed latest state of every product, what arrived in the
// window (events per log and ID, ingest batches, quarantined artifacts) and the latest probe.
import "server-only";
import { db } from "@/lib/core/db";
import { isoOrNull } from "@/lib/core/sql";
import { type ProductColumnValues, storedProductOf } from "@/lib/kms/storedProduct";

type ProductRow = ProductColumnValues & {
  product_key: string;
  source: string;
  collected_at: Date;
  last_seen_at: Date;
  parsed: unknown;
  parsed_packed: Uint8Array | null;
};
type EventCountRow = { log: string; event_id: number; events: number; first_at: Date; last_at: Date };
type BatchRow = {
  batches: number;
  accepted: number | null;
  duplicates: number | null;
  rejected: number | null;
  last_received_at: Date | null;
};

export async function getBundleSummary(machineId: string, from: Date) {
  const [products, events, [batches], quarantined, snapshots, probe] = await Promise.all([
    db().$queryRaw<ProductRow[]>`
      SELECT DISTINCT ON (s.product_key) s.*, seen.last_seen_at
        FROM snapshot s JOIN snapshot_seen seen ON seen.snapshot_id = s.id WHERE s.machine_id = ${machineId}::uuid
       ORDER BY s.product_key, seen.last_seen_at DESC, (s.source = 'cim') DESC, s.collected_at DESC`,
    db().$queryRaw<EventCountRow[]>`
      SELECT log, event_id, count(*)::int AS events, min(time_created) AS first_at, max(time_created) AS last_at
        FROM activation_event WHERE machine_id = ${machineId}::uuid AND time_created > ${from}
       GROUP BY log, event_id ORDER BY log, event_id`,
    db().$queryRaw<BatchRow[]>`
      SELECT count(*)::int AS batches, sum(accepted)::int AS accepted, sum(duplicates)::int AS duplicates,
             sum(rejected)::int AS rejected, max(received_at) AS last_received_at
        FROM ingest_batch WHERE machine_id = ${machineId}::uuid AND received_at > ${from}`,
    db().quarantinedArtifact.count({ where: { machineId, receivedAt: { gt: from } } }),
    db().snapshot.count({ where: { machineId } }),
    db().probeResult.findFirst({ where: { machineId }, orderBy: { checkedAt: "desc" } }),
  ]);
  return {
    latestState: products.map((p) => ({
      productKey: p.product_key,
      source: p.source,
      collectedAt: p.collected_at.toISOString(),
      lastSeenAt: p.last_seen_at.toISOString(),
      parsed: storedProductOf(p, p.parsed, p.parsed_packed),
    })),
    counts: {
      snapshotsStored: snapshots,
      eventsInWindow: events.map((e) => ({
        log: e.log,
        eventId: e.event_id,
        events: e.events,
        firstAt: e.first_at.toISOString(),
        lastAt: e.last_at.toISOString(),
      })),
      ingestBatchesInWindow: {
        batches: batches?.batches ?? 0,
        accepted: batches?.accepted ?? 0,
        duplicates: batches?.duplicates ?? 0,
        rejected: batches?.rejected ?? 0,
        lastReceivedAt: isoOrNull(batches?.last_received_at),
      },
      quarantinedInWindow: quarantined,
    },
    latestProbe: probe
      ? {
          checkedAt: probe.checkedAt.toISOString(),
          domain: probe.domain,
          srvFound: probe.srvFound,
          srvError: probe.srvError,
          srvRecords: probe.srvRecords,
          targetHost: probe.targetHost,
          targetPort: probe.targetPort,
          tcpOk: probe.tcpOk,
          tcpError: probe.tcpError,
          latencyMs: probe.latencyMs,
        }
      : null,
  };
}
