// Which approved-list entry covers a KMS host name (same rule as lib/queries/getApprovedHosts isApproved:
// full name, or a short name matching either side), so "Remove" deletes the entry that really exists.

const normalize = (host: string) => host.trim().toLowerCase().replace(/\.$/, "");
const isIp = (host: string) => /^[\d.]+$/.test(host) || host.includes(":");
const short = (host: string) => (isIp(host) ? host : host.split(".")[0]);

export function matchingApprovedEntry(approved: readonly string[], host: string): string | null {
  const name = normalize(host);
  if (!name) return null;
  return (
    approved.find((a) => normalize(a) === name) ??
    approved.find((a) => !a.includes(".") && normalize(a) === short(name)) ??
    approved.find((a) => !name.includes(".") && short(normalize(a)) === name) ??
    null
  );
}

/** Approved entries no client or host has been seen using (kept, but worth a look). */
export function unusedApproved(approved: readonly string[], seenHosts: readonly string[]): string[] {
  const used = new Set(seenHosts.map((h) => matchingApprovedEntry(approved, h)).filter((a): a is string => a !== null));
  return approved.filter((a) => !used.has(a));
}
