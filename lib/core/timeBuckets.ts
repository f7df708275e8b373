// The allow-listed time ranges and bucket units of the count charts. Pure (no Prisma), so the API's response
// schemas, which the browser loads, can name them; lib/core/sql.ts re-exports them beside the SQL they feed.
import { z } from "zod";

export const bucketUnitSchema = z.enum(["hour", "day", "week"]);
export type BucketUnit = z.infer<typeof bucketUnitSchema>;

export const rangeSchema = z.enum(["7d", "30d", "90d"]);
export type Range = z.infer<typeof rangeSchema>;
