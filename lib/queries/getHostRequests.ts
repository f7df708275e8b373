// A host's 12290 requests in a window, in the shape the count model reads.
import { db } from "@/lib/db";
import type { KmsRequest } from "@/lib/kms/countModel";

export async function getHostRequests(machineId: string, from: Date, to: Date): Promise<KmsRequest[]> {
  const rows = await db().$queryRaw<{ at: Date; cmid: string; min_count: number | null; hresult: string | null }[]>`
    SELECT time_created AS at, cmid, min_count, hresult
      FROM activation_event
     WHERE machine_id = ${machineId}::uuid AND event_id = 12290 AND cmid IS NOT NULL
       AND time_created > ${from} AND time_created <= ${to}`;
  return rows.map((r) => ({ at: r.at, cmid: r.cmid, minCount: r.min_count, hresult: r.hresult }));
}
