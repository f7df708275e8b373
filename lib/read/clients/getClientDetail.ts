// One client: current products, CMID history, 12288/12289 timeline, snapshot history, diagnosis.
import "server-only";
import { db } from "@/lib/core/db";
import { ApiError } from "@/lib/core/errors";
import { describeHresult } from "@/lib/kms/hresults";
import { pairRequests } from "@/lib/kms/pairRequests";
import { getFindings } from "@/lib/evaluate/facts/getFindings";
import { productColumnSelect, productColumnValues } from "@/lib/read/clients/snapshotProduct";
import { storedProductOf } from "@/lib/kms/storedProduct";
import type { ClientDetail } from "@/lib/read/contract/clients";

export type { ClientDetail } from "@/lib/read/contract/clients";

export async function getClientDetail(machineId: string, now: Date): Promise<ClientDetail> {
  // Independent reads, run at once on the pool; an unknown id is answered once they are back.
  const [machine, stored, cmids, events, findings] = await Promise.all([
    db().machine.findUnique({
      where: { id: machineId },
      select: { id: true, fqdn: true, hostname: true, role: true, firstSeenAt: true, lastSeenAt: true },
    }),
    db().snapshot.findMany({
      where: { machineId },
      orderBy: { collectedAt: "desc" },
      take: 100,
      select: {
        id: true,
        source: true,
        productKey: true,
        collectedAt: true,
        seen: { select: { lastSeenAt: true } },
        rawArtifactId: true,
        licenseStatus: true,
        channel: true,
        cmid: true,
        kmsHost: true,
        kmsPort: true,
        currentCount: true,
        parsed: true,
        parsedPacked: true,
        name: true,
        expiresAt: true,
        ...productColumnSelect,
      },
    }),
    db().$queryRaw<{ cmid: string; first_seen: Date; last_seen: Date }[]>`
      SELECT s.cmid, min(s.collected_at) AS first_seen, max(seen.last_seen_at) AS last_seen
        FROM snapshot s JOIN snapshot_seen seen ON seen.snapshot_id = s.id
       WHERE s.machine_id = ${machineId}::uuid AND s.cmid IS NOT NULL GROUP BY s.cmid ORDER BY min(s.collected_at)`,
    db().activationEvent.findMany({
      where: { machineId, eventId: { in: [12288, 12289] } },
      orderBy: { timeCreated: "desc" },
      take: 400,
      select: {
        eventId: true,
        timeCreated: true,
        hresult: true,
        kmsHost: true,
        kmsPort: true,
        activated: true,
        hostCurrentCount: true,
        minCount: true,
        licenseStatus: true,
      },
    }),
    getFindings(now, { machineId }),
  ]);
  if (!machine) throw new ApiError("not_found", "no such client", "id");
  // A snapshot is seen at least when collected; the seen row is written with it.
  const snapshots = stored.map(({ seen, ...s }) => ({ ...s, lastSeenAt: seen?.lastSeenAt ?? s.collectedAt }));
  const current = new Map<string, (typeof snapshots)[number]>();
  // Same order as the list view: newest first, CIM (language-neutral) before /dlv when seen together.
  const byRecency = [...snapshots].sort(
    (a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime() || Number(b.source === "cim") - Number(a.source === "cim"),
  );
  for (const s of byRecency) {
    if (!current.has(s.productKey)) current.set(s.productKey, s);
  }
  const timeline = pairRequests(events.map((e) => ({ ...e, timeCreated: e.timeCreated.toISOString() }))).map((p) => ({
    ...p,
    hresultMeaning: describeHresult(p.request?.hresult ?? p.response?.hresult ?? null)?.meaning ?? null,
  }));
  return {
    machine: {
      ...machine,
      // First seen = the earliest evidence of the machine (its CMID history, its events), not its agent's enrollment.
      firstSeenAt: new Date(
        Math.min(machine.firstSeenAt.getTime(), ...cmids.map((c) => c.first_seen.getTime()), ...events.map((e) => e.timeCreated.getTime())),
      ).toISOString(),
      enrolledAt: machine.firstSeenAt.toISOString(),
      lastSeenAt: machine.lastSeenAt.toISOString(),
    },
    products: [...current.values()].map(({ parsed, parsedPacked, ...s }) => ({
      id: s.id,
      source: s.source,
      productKey: s.productKey,
      rawArtifactId: s.rawArtifactId,
      licenseStatus: s.licenseStatus,
      channel: s.channel,
      cmid: s.cmid,
      kmsHost: s.kmsHost,
      kmsPort: s.kmsPort,
      currentCount: s.currentCount,
      name: s.name,
      parsed: storedProductOf(productColumnValues(s), parsed, parsedPacked),
      collectedAt: s.collectedAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt?.toISOString() ?? null,
    })),
    cmidHistory: cmids.map((c) => ({ cmid: c.cmid, firstSeenAt: c.first_seen.toISOString(), lastSeenAt: c.last_seen.toISOString() })),
    timeline,
    snapshotHistory: snapshots.map((s) => ({
      id: s.id,
      source: s.source,
      productKey: s.productKey,
      name: s.name,
      collectedAt: s.collectedAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      licenseStatus: s.licenseStatus,
      cmid: s.cmid,
      rawArtifactId: s.rawArtifactId,
    })),
    findings,
  };
}
