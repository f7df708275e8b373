// SQL pieces shared by the dashboard queries: the current Windows license state of each machine,
// and the allow-listed time units for date_trunc buckets.
import { Prisma } from "@/lib/core/generated/prisma/client";

/**
 * The current Windows snapshot of machine `m`, as a LATERAL subquery:
 * `FROM machine m LEFT JOIN ${latestWindowsSnapshots} l ON l.machine_id = m.id`. The one machine_windows_state
 * points to (newest collection, CIM over /dlv at the same instant), so every page agrees on a machine's state.
 */
export const latestWindowsSnapshots = Prisma.sql`LATERAL (
  SELECT s.* FROM machine_windows_state cur JOIN snapshot s ON s.id = cur.snapshot_id
   WHERE cur.machine_id = m.id
)`;

import type { BucketUnit, Range } from "@/lib/core/timeBuckets";
export { bucketUnitSchema, rangeSchema, type BucketUnit, type Range } from "@/lib/core/timeBuckets";

export const rangeDays: Record<Range, number> = { "7d": 7, "30d": 30, "90d": 90 };

/** Default bucket size for a range: enough points to read, few enough to draw. */
export const defaultUnit: Record<Range, BucketUnit> = { "7d": "hour", "30d": "day", "90d": "day" };

export const unitInterval: Record<BucketUnit, string> = { hour: "1 hour", day: "1 day", week: "1 week" };

export const isoOrNull = (value: Date | null | undefined) => (value ? value.toISOString() : null);
