// SQL pieces shared by the dashboard queries: the current Windows license state of each machine,
// and the allow-listed time units for date_trunc buckets.
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";

export const WINDOWS_APP_ID = "55c92734-d682-4d71-983e-d6ec3f16059f";

/**
 * The latest Windows snapshot of machine `m` (CIM preferred over /dlv when both were seen last), as a
 * LATERAL subquery: `FROM machine m LEFT JOIN ${latestWindowsSnapshots} l ON l.machine_id = m.id`.
 * One index probe per machine (snapshot_machine_id_last_seen_at_idx) instead of sorting every snapshot.
 */
export const latestWindowsSnapshots = Prisma.sql`LATERAL (
  SELECT s.* FROM snapshot s
   WHERE s.machine_id = m.id AND (s.application_id = ${WINDOWS_APP_ID} OR s.application_id IS NULL)
   ORDER BY s.last_seen_at DESC, (s.source = 'cim') DESC, s.collected_at DESC
   LIMIT 1
)`;

export const bucketUnitSchema = z.enum(["hour", "day", "week"]);
export type BucketUnit = z.infer<typeof bucketUnitSchema>;

export const rangeSchema = z.enum(["7d", "30d", "90d"]);
export type Range = z.infer<typeof rangeSchema>;

export { DAY_MS } from "@/lib/kms/countModel";
export const rangeDays: Record<Range, number> = { "7d": 7, "30d": 30, "90d": 90 };

/** Default bucket size for a range: enough points to read, few enough to draw. */
export const defaultUnit: Record<Range, BucketUnit> = { "7d": "hour", "30d": "day", "90d": "day" };

export const unitInterval: Record<BucketUnit, string> = { hour: "1 hour", day: "1 day", week: "1 week" };

export const isoOrNull = (value: Date | null | undefined) => (value ? value.toISOString() : null);
