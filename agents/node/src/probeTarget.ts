// Which KMS host does this client use? Read from the raw /dlv text and CIM objects the agent
// already has: an /skms registration wins, then the host found through DNS, else the SRV answer.
import type { RawCollection } from "./collection.ts";

export type ProbeTarget = { host: string; port: number; source: "registered" | "dns" | "srv" };
export type ProbePlan = { lookupDomain: string | null; known: ProbeTarget | null };

const DEFAULT_KMS_PORT = 1688;

function hostPort(value: string, source: ProbeTarget["source"]): ProbeTarget | null {
  const match = /^\s*([A-Za-z0-9._-]+)(?::(\d{1,5}))?\s*$/.exec(value);
  if (!match) return null;
  const port = match[2] ? Number(match[2]) : DEFAULT_KMS_PORT;
  return { host: match[1]!, port: port >= 1 && port <= 65535 ? port : DEFAULT_KMS_PORT, source };
}

const str = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
// A configured port of 0 means "default" (slmgr prints 1688 for it).
const port = (value: unknown) => (typeof value === "number" && value > 0 && value <= 65535 ? value : DEFAULT_KMS_PORT);

export function planProbe(collection: RawCollection, machineDomain: string | null): ProbePlan {
  let registered: ProbeTarget | null = null;
  let discovered: ProbeTarget | null = null;
  let lookupDomain: string | null = null;
  for (const text of collection.dlv) {
    registered ??= hostPort(/Registered KMS machine name:\s*(\S+)/.exec(text)?.[1] ?? "", "registered");
    discovered ??= hostPort(/KMS machine name from DNS:\s*(\S+)/.exec(text)?.[1] ?? "", "dns");
    lookupDomain ??= str(/Registered KMS SRV record lookup domain:\s*(\S+)/.exec(text)?.[1]);
  }
  const objects = [collection.cim?.service, ...(collection.cim?.products ?? [])].filter((o) => o != null);
  for (const o of objects) {
    const machine = str(o.KeyManagementServiceMachine);
    if (machine && !registered) registered = { host: machine, port: port(o.KeyManagementServicePort), source: "registered" };
    const found = str(o.DiscoveredKeyManagementServiceMachineName);
    if (found && !discovered) discovered = { host: found, port: port(o.DiscoveredKeyManagementServiceMachinePort), source: "dns" };
    lookupDomain ??= str(o.KeyManagementServiceLookupDomain);
  }
  return { lookupDomain: lookupDomain ?? machineDomain, known: registered ?? discovered };
}

/** The domain part of an FQDN ("ws-1.corp.contoso.com" → "corp.contoso.com"), null for a bare name. */
export function domainOf(fqdn: string | null): string | null {
  if (!fqdn) return null;
  const dot = fqdn.indexOf(".");
  return dot > 0 && dot < fqdn.length - 1 ? fqdn.slice(dot + 1).toLowerCase() : null;
}
