// Keeps host_served_client, each client a KMS host's own log (12290) shows with its latest request, in the
// transaction that stores the events: "clients served in 30 days" then counts a host's rows in the window
// instead of reading every 12290 it ever logged (lib/evaluate/facts/servedClients.ts).
import type { PoolClient } from "pg";
import type { PreparedEvent } from "@/lib/ingest/prepare";

/** Each client of the batch's 12290 events once, with its latest request time. */
export function servedClientsOf(events: readonly PreparedEvent[]): { clients: string[]; lastAt: string[] } {
  const latest = new Map<string, string>();
  for (const { event } of events) {
    if (event.eventId !== 12290 || !event.clientFqdn || !event.timeCreated) continue;
    const client = event.clientFqdn.toLowerCase();
    const at = latest.get(client);
    if (at === undefined || Date.parse(event.timeCreated) > Date.parse(at)) latest.set(client, event.timeCreated);
  }
  return { clients: [...latest.keys()], lastAt: [...latest.values()] };
}

/** Upserts the batch's served clients; a resent batch changes nothing (the latest time only moves forward). */
export async function storeServedClients(client: PoolClient, machineId: string, events: readonly PreparedEvent[]) {
  const { clients, lastAt } = servedClientsOf(events);
  if (clients.length === 0) return;
  await client.query(
    `INSERT INTO host_served_client (machine_id, client_fqdn, last_request_at)
     SELECT $1::uuid, c, t FROM unnest($2::text[], $3::timestamptz[]) AS u(c, t)
     ON CONFLICT (machine_id, client_fqdn) DO UPDATE SET last_request_at = EXCLUDED.last_request_at
     WHERE host_served_client.last_request_at < EXCLUDED.last_request_at`,
    [machineId, clients, lastAt],
  );
}
