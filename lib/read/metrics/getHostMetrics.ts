// Per KMS host: the reported count and cumulative request counters of its latest snapshot, and the
// count reconstructed from its 12290 events (the one definition: lib/evaluate/facts/countableRequests.ts).
import "server-only";
import { db } from "@/lib/core/db";
import { latestWindowsSnapshots } from "@/lib/core/sql";
import { Prisma } from "@/lib/core/generated/prisma/client";
import { reconstructedCountAt } from "@/lib/evaluate/facts/countableRequests";

type Row = {
  fqdn: string;
  current_count: number | null;
  total_requests: number | null;
  failed_requests: number | null;
  reconstructed_count: number;
};

export async function getHostMetrics(now: Date) {
  const rows = await db().$queryRaw<Row[]>`
    SELECT m.fqdn, l.current_count, l.total_requests, l.failed_requests,
           ${reconstructedCountAt(Prisma.sql`m.id`, now)} AS reconstructed_count
      FROM machine m LEFT JOIN ${latestWindowsSnapshots} l ON l.machine_id = m.id
     WHERE m.role = 'kms_host'
     ORDER BY m.fqdn`;
  return rows.map((r) => ({
    host: r.fqdn,
    currentCount: r.current_count,
    totalRequests: r.total_requests,
    failedRequests: r.failed_requests,
    reconstructedCount: r.reconstructed_count,
  }));
}
