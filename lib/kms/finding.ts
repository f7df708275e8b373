// The shape of a diagnosis finding: what the rules (lib/evaluate/rules) produce, the pages and alerts read, and the
// /api/v1/parse answer carries. Defined here, before the stages that produce and read it, so the protocol can name it.
import { z } from "zod";
import { messageRefSchema } from "@/lib/core/i18n/messageRef";

/** ISO-8601 timestamp with Z or an offset (what Date.prototype.toISOString and Postgres timestamptz give). */
export const isoSchema = z.iso.datetime({ offset: true });

export const severityValues = ["critical", "warning", "info"] as const;
export const severitySchema = z.enum(severityValues);
export type Severity = z.infer<typeof severitySchema>;

export const subjectKindSchema = z.enum(["host", "client"]);
export type SubjectKind = z.infer<typeof subjectKindSchema>;

export const evidenceValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type EvidenceValue = z.infer<typeof evidenceValueSchema>;

export const findingSchema = z.object({
  ruleId: z.string(),
  severity: severitySchema,
  subject: z.object({ kind: subjectKindSchema, machineId: z.string(), fqdn: z.string() }),
  title: z.string(),
  /** Why this happens, in plain English, with the numbers of this machine. */
  cause: z.string(),
  /** What ops should do, with the exact commands. */
  fix: z.string(),
  /** The values that made the rule fire, for display and for debugging a false positive. */
  evidence: z.record(z.string(), evidenceValueSchema),
  /** When the condition started, if the facts say so; null otherwise. */
  since: isoSchema.nullable(),
  /**
   * The catalogue messages title, cause and fix are rendered from (title/cause/fix are their English text), so
   * pages and notifications show them in the reader's language. Absent on findings stored before they existed.
   */
  messages: z.object({ title: messageRefSchema, cause: messageRefSchema, fix: messageRefSchema }).optional(),
});
export type Finding = z.infer<typeof findingSchema>;
export type FindingMessages = NonNullable<Finding["messages"]>;
