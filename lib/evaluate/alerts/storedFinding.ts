// Reading an alert's last finding back from its jsonb column: checked, never cast.
import { findingSchema, severitySchema, subjectKindSchema, type Finding } from "@/lib/evaluate/rules/types";
export type AlertRow = { ruleId: string; machineId: string; subjectKind: string; severity: string; lastFinding: unknown };

/**
 * The finding an alert last stored, checked against today's schema. A row written by an older version that no
 * longer fits keeps its identity and is rewritten by this pass (the comparison with the fresh finding fails),
 * instead of stopping every evaluation.
 */
export function storedFinding(row: AlertRow): Finding {
  const parsed = findingSchema.safeParse(row.lastFinding);
  if (parsed.success) return parsed.data;
  console.warn(`[alerts] stored finding of ${row.ruleId} on ${row.machineId} does not fit the schema; rewriting it`);
  return {
    ruleId: row.ruleId,
    severity: severitySchema.catch("info").parse(row.severity),
    subject: { kind: subjectKindSchema.catch("client").parse(row.subjectKind), machineId: row.machineId, fqdn: "" },
    title: row.ruleId,
    cause: "",
    fix: "",
    evidence: {},
    since: null,
  };
}
