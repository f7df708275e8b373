// Office on a KMS host: Office counts toward its own threshold of 5 (kms-formats.md §5). Pure.
import { type Finding, findingTexts, ruleMessage } from "./types";
import { OFFICE_THRESHOLD } from "../../kms/countModel";

export type HostOfficeFacts = {
  machineId: string;
  fqdn: string;
  /** Distinct CMIDs of Office clients that asked this host in the last 30 days. */
  officeClients: number;
  /** The Office KMS host product's own current count, when reported (CIM). */
  officeCurrentCount: number | null;
};

const m = ruleMessage("host-office-below-threshold");

export function officeBelowThresholdFinding(f: HostOfficeFacts): Finding | null {
  const count = f.officeCurrentCount ?? f.officeClients;
  if (f.officeClients === 0 || count >= OFFICE_THRESHOLD) return null;
  return {
    ruleId: "host-office-below-threshold",
    severity: "warning",
    subject: { kind: "host", machineId: f.machineId, fqdn: f.fqdn },
    ...findingTexts({
      title: m("title"),
      cause: m("cause", {
        clients: f.officeClients,
        count: f.officeCurrentCount !== null ? m("officeCount", { count: f.officeCurrentCount }) : "",
        threshold: OFFICE_THRESHOLD,
      }),
      fix: m("fix", { threshold: OFFICE_THRESHOLD }),
    }),
    evidence: { officeClients: f.officeClients, officeCurrentCount: f.officeCurrentCount, threshold: OFFICE_THRESHOLD },
    since: null,
  };
}
