// A host's 12290 requests in a window, in the shape the count model reads.
import { queryRows } from "@/lib/core/db";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { COUNT_WINDOW_DAYS, type KmsRequest } from "@/lib/kms/countModel";
import { countableRequestsWhere } from "@/lib/evaluate/facts/countableRequests";

type RequestRow = { at: Date; cmid: string; min_count: number | null; hresult: string | null };

/** A host's requests that the count model counts (alias `e`): see countableRequests.ts. */
export const countableRequestsOf = (machineId: string) => countableRequestsWhere(Prisma.sql`${machineId}::uuid`);

export const toKmsRequest = (r: RequestRow): KmsRequest => ({ at: r.at, cmid: r.cmid, minCount: r.min_count, hresult: r.hresult });

export async function getHostRequests(machineId: string, from: Date, to: Date): Promise<KmsRequest[]> {
  // Tens of thousands of rows on a big host: read through the pool (see queryRows).
  const rows = await queryRows<RequestRow>(Prisma.sql`
    SELECT e.time_created AS at, e.cmid, e.min_count, e.hresult
      FROM activation_event e
     WHERE ${countableRequestsOf(machineId)}
       AND e.time_created > ${from} AND e.time_created <= ${to}`);
  return rows.map(toKmsRequest);
}

/** The host's latest `limit` countable requests of the count window ending at `at`, newest first. */
export async function getHostLatestRequests(machineId: string, at: Date, limit: number): Promise<KmsRequest[]> {
  const rows = await queryRows<RequestRow>(Prisma.sql`
    SELECT e.time_created AS at, e.cmid, e.min_count, e.hresult
      FROM activation_event e
     WHERE ${countableRequestsOf(machineId)}
       AND e.time_created > ${at}::timestamptz - make_interval(days => ${COUNT_WINDOW_DAYS}) AND e.time_created <= ${at}
     ORDER BY e.time_created DESC
     LIMIT ${limit}`);
  return rows.map(toKmsRequest);
}
