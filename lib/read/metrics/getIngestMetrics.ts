// Totals over every ingest batch ever accepted (the table is the audit trail, so these only grow), plus the
// unchanged check-ins, which are counted on their agent instead of adding a row each.
import "server-only";
import { db } from "@/lib/core/db";

export async function getIngestMetrics() {
  const [row] = await db().$queryRaw<
    { batches: bigint; accepted: bigint | null; duplicates: bigint | null; rejected: bigint | null; unchanged: bigint | null }[]
  >`
    SELECT count(*) AS batches, sum(accepted) AS accepted, sum(duplicates) AS duplicates, sum(rejected) AS rejected,
           (SELECT sum(unchanged_checkins) FROM agent) AS unchanged
      FROM ingest_batch`;
  return {
    batches: Number(row?.batches ?? 0),
    accepted: Number(row?.accepted ?? 0),
    duplicates: Number(row?.duplicates ?? 0),
    rejected: Number(row?.rejected ?? 0),
    unchangedCheckins: Number(row?.unchanged ?? 0),
  };
}
