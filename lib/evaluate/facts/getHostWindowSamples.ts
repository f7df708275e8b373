// For each point of a host's count trend, its window's latest countable requests summarized in Postgres:
// a few hundred index-only rows per point instead of every request of the window (see lib/kms/countSample.ts).
// The latest `limit` requests up to the point are read first and those before the window dropped after: the same rows
// as the latest `limit` of the window. Bounded on both sides inside, the range over a per-point time got PostgreSQL's
// default estimate (0.5% of the rows: 70 for a host's 21,000), so a bitmap scan read and sorted the whole window at
// every point (1.3 s p95 at 100k clients, bench run 1703); bounded on one side, the estimate exceeds the limit and
// the index is read backwards, stopping after `limit` rows.
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { WINDOW_SAMPLE_SIZE, type WindowSample } from "@/lib/kms/countSample";
import { countableRequestsOf } from "@/lib/evaluate/facts/getHostRequests";
import { afterCountWindowStart, clientPolicyRequest, countableCmid } from "@/lib/evaluate/facts/countableRequests";

export async function getHostWindowSamples(
  machineId: string,
  points: readonly Date[],
  limit = WINDOW_SAMPLE_SIZE,
): Promise<WindowSample[]> {
  if (points.length === 0) return [];
  const rows = await queryRows<WindowSample & { i: number }>(Prisma.sql`
    SELECT p.i::int AS i, s.requests, s.cmids, s."clientPolicy"
      FROM unnest(${points.map((p) => p.toISOString())}::timestamptz[]) WITH ORDINALITY AS p(t, i)
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS requests, count(DISTINCT r.cmid)::int AS cmids, coalesce(bool_or(r.client_policy), false) AS "clientPolicy"
         FROM (SELECT ${countableCmid} AS cmid, ${clientPolicyRequest} AS client_policy, e.time_created FROM activation_event e
                WHERE ${countableRequestsOf(machineId)} AND e.time_created <= p.t
                ORDER BY e.time_created DESC
                LIMIT ${limit}) r
        WHERE ${afterCountWindowStart(Prisma.sql`r.time_created`, Prisma.sql`p.t`)}) s
     ORDER BY p.i`);
  return rows.map(({ requests, cmids, clientPolicy }) => ({ requests, cmids, clientPolicy }));
}
