// Keeps host_served_client, each client a KMS host's own log (12290) shows with its latest request and that request's
// columns, in the transaction that stores the events: "clients served in 30 days" counts a host's rows in the window
// and the host page lists them (lib/read/hosts/getHostClients.ts), instead of reading every 12290 the host ever logged.
import type { PoolClient } from "pg";
import type { PreparedEvent } from "@/lib/ingest/prepare";

/** The columns of each client's latest request in the batch, one array per column (sent to PostgreSQL as unnest). */
export type ServedClients = {
  clients: string[];
  lastAt: string[];
  cmid: (string | null)[];
  activationId: (string | null)[];
  minCount: (number | null)[];
  licenseStatus: (string | null)[];
  isVm: (boolean | null)[];
  hresult: (string | null)[];
};

/** Each client of the batch's 12290 events once, with its latest request (names and CMIDs in lower case, as stored). */
export function servedClientsOf(events: readonly PreparedEvent[]): ServedClients {
  const latest = new Map<string, PreparedEvent["event"]>();
  for (const { event } of events) {
    if (event.eventId !== 12290 || !event.clientFqdn || !event.timeCreated) continue;
    const client = event.clientFqdn.toLowerCase();
    const kept = latest.get(client);
    if (kept === undefined || Date.parse(event.timeCreated) > Date.parse(kept.timeCreated ?? "")) latest.set(client, event);
  }
  const requests = [...latest.values()];
  return {
    clients: [...latest.keys()],
    lastAt: requests.map((e) => e.timeCreated ?? ""),
    cmid: requests.map((e) => e.cmid?.toLowerCase() ?? null),
    activationId: requests.map((e) => e.activationId),
    minCount: requests.map((e) => e.minCount),
    licenseStatus: requests.map((e) => e.licenseStatus),
    isVm: requests.map((e) => e.isVm),
    hresult: requests.map((e) => e.hresult),
  };
}

/** Upserts the batch's served clients; a resent or older batch changes nothing (the latest request only moves forward). */
export async function storeServedClients(client: PoolClient, machineId: string, events: readonly PreparedEvent[]) {
  const served = servedClientsOf(events);
  if (served.clients.length === 0) return;
  await client.query(
    `INSERT INTO host_served_client (machine_id, client_fqdn, last_request_at, cmid, activation_id, min_count, license_status, is_vm, hresult)
     SELECT $1::uuid, u.* FROM unnest($2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::int[], $7::text[], $8::boolean[], $9::text[])
       AS u(c, t, cmid, activation_id, min_count, license_status, is_vm, hresult)
     ON CONFLICT (machine_id, client_fqdn) DO UPDATE
       SET last_request_at = EXCLUDED.last_request_at, cmid = EXCLUDED.cmid, activation_id = EXCLUDED.activation_id,
           min_count = EXCLUDED.min_count, license_status = EXCLUDED.license_status, is_vm = EXCLUDED.is_vm,
           hresult = EXCLUDED.hresult
     WHERE host_served_client.last_request_at < EXCLUDED.last_request_at`,
    [
      machineId,
      served.clients,
      served.lastAt,
      served.cmid,
      served.activationId,
      served.minCount,
      served.licenseStatus,
      served.isVm,
      served.hresult,
    ],
  );
}
