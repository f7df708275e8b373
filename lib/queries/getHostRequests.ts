// A host's 12290 requests in a window, in the shape the count model reads.
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { KmsRequest } from "@/lib/kms/countModel";

export async function getHostRequests(machineId: string, from: Date, to: Date): Promise<KmsRequest[]> {
  // Tens of thousands of rows on a big host: read through the pool (see queryRows).
  const rows = await queryRows<{ at: Date; cmid: string; min_count: number | null; hresult: string | null }>(Prisma.sql`
    SELECT time_created AS at, cmid, min_count, hresult
      FROM activation_event
     WHERE machine_id = ${machineId}::uuid AND event_id = 12290 AND cmid IS NOT NULL
       AND time_created > ${from} AND time_created <= ${to}`);
  return rows.map((r) => ({ at: r.at, cmid: r.cmid, minCount: r.min_count, hresult: r.hresult }));
}
