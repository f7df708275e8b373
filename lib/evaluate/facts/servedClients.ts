// "Clients served" by a KMS host, one definition: the distinct client names in its own 12290 log whose latest request
// is in the last 30 days. The host page (its Clients table and total), the host facts (distinctClients30d) and the host
// audit's "served (30 days)" column read it from here. The audit's other number, clients *reporting* the host (their
// own /dlv or 12288, ever), is a different thing on purpose: it also covers hosts without an agent (rogue hosts).
import { Prisma } from "@/lib/core/generated/prisma/client";

/**
 * Each client's latest 12290 to the host, kept when it is in the window; `columns` adds event columns (`, e.cmid`).
 * Read in (client, time) order from activation_event_host_client_idx: no sort; the window filter applies to the latest
 * request (the same clients), as inside it would let the planner prefer sorting the window's rows.
 */
export const latestRequestPerClient = (machineId: Prisma.Sql, since: Date, columns: Prisma.Sql = Prisma.empty) => Prisma.sql`
  SELECT * FROM (
    SELECT DISTINCT ON (e.client_fqdn) e.client_fqdn, e.time_created AS last_at ${columns}
      FROM activation_event e
     WHERE e.machine_id = ${machineId} AND e.event_id = 12290 AND e.client_fqdn IS NOT NULL
     ORDER BY e.client_fqdn, e.time_created DESC) latest
   WHERE latest.last_at > ${since}::timestamptz`;

/**
 * How many clients the host served in the window (a scalar subquery): the same clients as latestRequestPerClient,
 * counted from host_served_client (each client's latest request, kept by ingest) in one index range, instead of
 * one pass over every 12290 the host ever logged (~150,000 entries per host at 300k clients / 50 hosts).
 */
export const servedClientsCount = (machineId: Prisma.Sql, since: Date) =>
  Prisma.sql`(SELECT count(*)::int FROM host_served_client sc WHERE sc.machine_id = ${machineId} AND sc.last_request_at > ${since}::timestamptz)`;
