// Pieces several dashboard answers share. The read stage's contract (lib/read/contract/): the schemas the routes
// answer through and the hooks parse with, and the types the read functions return (z.infer, written once).
// In lib/read because the read functions build these answers and may use only their own stage and earlier ones
// (some answers carry the evaluate stage's facts); pure zod, not server-only (like clientFilters.ts), so the
// browser's hooks import them too.
import { z } from "zod";
import { severitySchema } from "@/lib/kms/finding";

/** A machine's most severe open alert, for the lists' "worst finding" column; null when none is open. */
export const worstFindingSchema = z.object({ severity: severitySchema, title: z.string(), ruleId: z.string() }).nullable();

export const int = z.number().int();
export const intOrNull = int.nullable();
export const textOrNull = z.string().nullable();
