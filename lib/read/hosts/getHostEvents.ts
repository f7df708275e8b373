// A host's latest 12290 requests and its 12293 DNS publishing failures.
import "server-only";
import { db } from "@/lib/core/db";
import { describeHresult } from "@/lib/kms/hresults";
import { clientIdsByFqdn } from "@/lib/read/hosts/clientIds";
import type { HostEvents } from "@/lib/read/contract/hosts";

export type { HostEvents } from "@/lib/read/contract/hosts";

export async function getHostEvents(machineId: string): Promise<HostEvents> {
  const rows = await db().activationEvent.findMany({
    where: { machineId, eventId: { in: [12290, 12293] } },
    orderBy: { timeCreated: "desc" },
    take: 200,
    select: {
      id: true,
      eventId: true,
      recordId: true,
      timeCreated: true,
      clientFqdn: true,
      cmid: true,
      minCount: true,
      hresult: true,
      licenseStatus: true,
      isVm: true,
      activationId: true,
      domain: true,
    },
  });
  const clientIds = await clientIdsByFqdn(rows.map((r) => r.clientFqdn));
  const shaped = rows.map((r) => ({
    ...r,
    clientId: r.clientFqdn ? (clientIds.get(r.clientFqdn) ?? null) : null,
    id: r.id.toString(),
    recordId: r.recordId.toString(),
    timeCreated: r.timeCreated.toISOString(),
    hresultMeaning: describeHresult(r.hresult)?.meaning ?? null,
  }));
  return {
    requests: shaped.filter((r) => r.eventId === 12290).slice(0, 50),
    dnsFailures: shaped.filter((r) => r.eventId === 12293),
  };
}
