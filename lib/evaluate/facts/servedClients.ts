// "Clients served" by a KMS host, one definition: the distinct client names in its own 12290 log whose latest request
// is in the last 30 days. The host page (its Clients table and total), the host facts (distinctClients30d) and the host
// audit's "served (30 days)" column read it from here. The audit's other number, clients *reporting* the host (their
// own /dlv or 12288, ever), is a different thing on purpose: it also covers hosts without an agent (rogue hosts).
// The rows are host_served_client's (each client's latest request and its columns, kept by ingest with the events,
// lib/ingest/storeServedClients.ts): one index range per host, instead of a pass over every 12290 the host ever
// logged (~150,000 entries per host at 300k clients / 50 hosts).
import { Prisma } from "@/lib/core/generated/prisma/client";

const servedSince = (since: Date) => Prisma.sql`sc.last_request_at > ${since}::timestamptz`;

/** The condition on `host_served_client sc` that keeps the host's clients served since `since`. */
export const servedClientsSince = (machineId: Prisma.Sql, since: Date) =>
  Prisma.sql`sc.machine_id = ${machineId} AND ${servedSince(since)}`;

/**
 * Every host's count at once, rows of (machine_id, clients), for pages that list all hosts. One pass the planner
 * may read from the (machine_id, last_request_at) index or the table: ingest updates these rows at every renewal, so
 * most pages are not all-visible between vacuums, and one index-only count per host then visits the heap for every
 * row (bench run 2026-12-05-1923: 100,000 heap fetches, the audit's p95 101 ms at 100k clients).
 */
export const servedClientsPerHost = (since: Date) =>
  Prisma.sql`SELECT sc.machine_id, count(*)::int AS clients FROM host_served_client sc WHERE ${servedSince(since)} GROUP BY sc.machine_id`;

/** How many clients the host served in the window (a scalar subquery). */
export const servedClientsCount = (machineId: Prisma.Sql, since: Date) =>
  Prisma.sql`(SELECT count(*)::int FROM host_served_client sc WHERE ${servedClientsSince(machineId, since)})`;
