// Writes a prepared batch in one transaction: events idempotently (machine, log, EventRecordID),
// snapshots only when their content changed, unparseable pieces to quarantine.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { AuthenticatedAgent } from "@/lib/agents/authenticate";
import type { IngestResponse } from "@/lib/protocol";
import type { PreparedBatch, PreparedEvent, PreparedSnapshot } from "@/lib/ingest/prepare";
import { storableText, toJson } from "@/lib/ingest/json";
import { normalizeHostName } from "@/lib/kms/hostNames";
import { sightingsOf } from "@/lib/ingest/sightings";
import { storeSightings } from "@/lib/ingest/storeSightings";

type Tx = Prisma.TransactionClient;

const iso = (value: string | null) => (value === null ? null : new Date(value));

async function insertEvents(tx: Tx, machineId: string, events: PreparedEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const e = events.map((item) => item.event);
  // One INSERT ... SELECT FROM unnest per batch: bulk speed without pasting values into SQL.
  return tx.$executeRaw`
    INSERT INTO activation_event (machine_id, log, record_id, event_id, time_created, computer, hresult, status,
      kms_host, kms_port, cmid, client_time, is_vm, license_status, minutes_to_expiry, activation_id, min_count,
      client_fqdn, activated, host_current_count, activation_interval_min, renewal_interval_min, domain, raw_xml)
    SELECT ${machineId}::uuid, * FROM unnest(
      ${events.map((item) => item.log)}::text[], ${e.map((x) => String(x.recordId))}::bigint[],
      ${e.map((x) => x.eventId)}::int[], ${e.map((x) => x.timeCreated)}::timestamptz[],
      ${e.map((x) => x.computer)}::text[], ${e.map((x) => x.hresult)}::text[], ${e.map((x) => x.status)}::text[],
      ${e.map((x) => normalizeHostName(x.kmsHost))}::text[], ${e.map((x) => x.kmsPort)}::int[], ${e.map((x) => x.cmid?.toLowerCase() ?? null)}::text[],
      ${e.map((x) => x.clientTime)}::timestamptz[], ${e.map((x) => x.isVm)}::boolean[],
      ${e.map((x) => x.licenseStatus)}::text[], ${e.map((x) => x.minutesToExpiry)}::int[],
      ${e.map((x) => x.activationId)}::text[], ${e.map((x) => x.minCount)}::int[], ${e.map((x) => x.clientFqdn?.toLowerCase() ?? null)}::text[],
      ${e.map((x) => x.activated)}::boolean[], ${e.map((x) => x.hostCurrentCount)}::int[],
      ${e.map((x) => x.activationIntervalMin)}::int[], ${e.map((x) => x.renewalIntervalMin)}::int[],
      ${e.map((x) => x.domain)}::text[], ${events.map((item) => storableText(item.raw))}::text[])
    ON CONFLICT (machine_id, log, record_id) DO NOTHING`;
}

/** Stores a snapshot unless the one in force at that time has the same content (then it is only marked seen). */
async function storeSnapshot(tx: Tx, machineId: string, collectedAt: Date, snap: PreparedSnapshot, rawIds: Map<string, string>) {
  const previous = await tx.snapshot.findFirst({
    where: { machineId, source: snap.source, productKey: snap.productKey, collectedAt: { lte: collectedAt } },
    orderBy: { collectedAt: "desc" },
    select: { id: true, contentHash: true, lastSeenAt: true },
  });
  if (previous?.contentHash === snap.contentHash) {
    if (previous.lastSeenAt < collectedAt) {
      await tx.snapshot.update({ where: { id: previous.id }, data: { lastSeenAt: collectedAt } });
    }
    return false;
  }
  let rawArtifactId = rawIds.get(snap.rawHash);
  if (!rawArtifactId) {
    const raw = await tx.rawArtifact.upsert({
      where: { machineId_contentHash: { machineId, contentHash: snap.rawHash } },
      create: { machineId, type: snap.rawType, contentHash: snap.rawHash, body: storableText(snap.rawBody), firstSeenAt: collectedAt, lastSeenAt: collectedAt },
      update: { lastSeenAt: collectedAt },
      select: { id: true },
    });
    rawArtifactId = raw.id;
    rawIds.set(snap.rawHash, rawArtifactId);
  }
  const p = snap.product;
  await tx.snapshot.create({
    data: {
      machineId, rawArtifactId, source: snap.source, productKey: snap.productKey, contentHash: snap.contentHash,
      collectedAt, lastSeenAt: collectedAt, expiresAt: snap.expiresAt,
      activationId: p.activationId, applicationId: p.applicationId, name: p.name, channel: p.channel, productKeyChannel: p.productKeyChannel,
      partialProductKey: p.partialProductKey, licenseStatus: p.licenseStatus, graceRemainingMin: p.graceRemainingMin,
      notificationReason: p.notificationReason, isKmsHost: p.isKmsHost, currentCount: p.currentCount,
      listeningPort: p.listeningPort, dnsPublishing: p.dnsPublishing, totalRequests: p.totalRequests,
      failedRequests: p.failedRequests, cmid: p.cmid, kmsHost: normalizeHostName(p.kmsHost), kmsPort: p.kmsPort,
      kmsHostSource: p.kmsHostSource, serviceVersion: p.serviceVersion, parsed: toJson(p),
    },
  });
  return true;
}

export async function storeBatch(
  agent: AuthenticatedAgent,
  agentVersion: string,
  artifacts: number,
  batch: PreparedBatch,
): Promise<{ response: IngestResponse; changed: boolean }> {
  const { machineId } = agent;
  return db().$transaction(
    async (tx) => {
      const inserted = await insertEvents(tx, machineId, batch.events);
      const rawIds = new Map<string, string>();
      const newSnapshots: PreparedSnapshot[] = [];
      for (const snap of batch.snapshots) if (await storeSnapshot(tx, machineId, batch.collectedAt, snap, rawIds)) newSnapshots.push(snap);
      const sightings = sightingsOf(agent.fqdn, batch.events, newSnapshots, batch.collectedAt);
      await storeSightings(tx, sightings.cmids, sightings.hosts);
      if (batch.probes.length > 0) {
        await tx.probeResult.createMany({
          data: batch.probes.map((probe) => ({
            machineId, checkedAt: new Date(probe.checkedAt), domain: probe.domain, srvFound: probe.srvRecords.length > 0,
            srvError: probe.srvError, srvRecords: toJson(probe.srvRecords), targetHost: normalizeHostName(probe.target?.host),
            targetPort: probe.target?.port ?? null, tcpOk: probe.tcp?.ok ?? null, tcpError: probe.tcp?.error ?? null,
            latencyMs: probe.tcp?.latencyMs ?? null,
          })),
          skipDuplicates: true,
        });
      }
      if (batch.quarantine.length > 0) {
        await tx.quarantinedArtifact.createMany({
          data: batch.quarantine.map((q) => ({ machineId, artifactIndex: q.artifactIndex, type: q.type, error: q.error, body: JSON.stringify(q.body) ?? "null" })),
        });
      }
      const isHost = batch.snapshots.some((s) => s.product.isKmsHost) || batch.events.some((e) => e.event.eventId === 12290);
      const isClient = !isHost && batch.snapshots.length > 0;
      await tx.machine.update({
        where: { id: machineId },
        data: { lastSeenAt: new Date(), ...(isHost ? { role: "kms_host" } : isClient ? { role: "client" } : {}) },
      });
      await tx.agent.update({ where: { id: agent.agentId }, data: { lastSeenAt: new Date(), agentVersion } });
      const duplicates = batch.events.length - inserted;
      const accepted = inserted + batch.snapshots.length + batch.probes.length;
      await tx.ingestBatch.create({
        data: {
          agentId: agent.agentId, machineId, collectedAt: batch.collectedAt, agentVersion, artifacts,
          accepted, duplicates, rejected: batch.rejected.length,
        },
      });
      // Only new state can change a finding; time-based rules are re-evaluated on the schedule.
      const changed = inserted > 0 || newSnapshots.length > 0 || batch.probes.length > 0;
      return { response: { accepted, duplicates, rejected: batch.rejected }, changed };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
