// Office on a KMS host: Office counts toward its own threshold of 5 (kms-formats.md §5). Pure.
import type { Finding } from "./types";
import { OFFICE_THRESHOLD } from "../../kms/countModel";

export type HostOfficeFacts = {
  machineId: string;
  fqdn: string;
  /** Distinct CMIDs of Office clients that asked this host in the last 30 days. */
  officeClients: number;
  /** The Office KMS host product's own current count, when reported (CIM). */
  officeCurrentCount: number | null;
};

export function officeBelowThresholdFinding(f: HostOfficeFacts): Finding | null {
  const count = f.officeCurrentCount ?? f.officeClients;
  if (f.officeClients === 0 || count >= OFFICE_THRESHOLD) return null;
  return {
    ruleId: "host-office-below-threshold",
    severity: "warning",
    subject: { kind: "host", machineId: f.machineId, fqdn: f.fqdn },
    title: "Too few Office clients for this KMS host to activate Office",
    cause:
      `${f.officeClients} Office client(s) asked this host in the last 30 days` +
      (f.officeCurrentCount !== null ? ` (its Office count is ${f.officeCurrentCount})` : "") +
      `: Office activates only from the ${OFFICE_THRESHOLD}th request (0xC004F038 until then).`,
    fix: `Point at least ${OFFICE_THRESHOLD} Office volume clients at this host (or the host the others use), or activate these by MAK.`,
    evidence: { officeClients: f.officeClients, officeCurrentCount: f.officeCurrentCount, threshold: OFFICE_THRESHOLD },
    since: null,
  };
}
