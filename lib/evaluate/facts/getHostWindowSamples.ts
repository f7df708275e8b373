// For each point of a host's count trend, its window's latest countable requests summarized in Postgres:
// a few hundred index-only rows per point instead of every request of the window (see lib/kms/countSample.ts).
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { WINDOW_SAMPLE_SIZE, type WindowSample } from "@/lib/kms/countSample";
import { countableRequestsOf } from "@/lib/evaluate/facts/getHostRequests";
import { clientPolicyRequest, countableCmid, inCountWindow } from "@/lib/evaluate/facts/countableRequests";

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
         FROM (SELECT ${countableCmid} AS cmid, ${clientPolicyRequest} AS client_policy FROM activation_event e
                WHERE ${countableRequestsOf(machineId)}
                  AND ${inCountWindow(Prisma.sql`p.t`)}
                ORDER BY e.time_created DESC
                LIMIT ${limit}) r) s
     ORDER BY p.i`);
  return rows.map(({ requests, cmids, clientPolicy }) => ({ requests, cmids, clientPolicy }));
}
