// "Too many KMS hosts": each host counts only the clients that reach it, so spreading 30 clients
// over two hosts leaves both below the 25 threshold although one host would have enough.
import { CLIENT_OS_THRESHOLD } from "@/lib/kms/countModel";

export type HostLoad = { host: string; clients: number; currentCount: number | null };

export function countSplitWarning(hosts: readonly HostLoad[]): { message: string; hostsInUse: number; hostsNeeded: number } | null {
  const inUse = hosts.filter((h) => h.clients > 0);
  const totalClients = inUse.reduce((sum, h) => sum + h.clients, 0);
  const below = inUse.filter((h) => (h.currentCount ?? h.clients) < CLIENT_OS_THRESHOLD);
  if (inUse.length < 2 || below.length === 0 || totalClients < CLIENT_OS_THRESHOLD) return null;
  // One host can serve any number of clients; a second is only for redundancy, which needs both above threshold.
  const hostsNeeded = totalClients >= 2 * CLIENT_OS_THRESHOLD ? 2 : 1;
  return {
    hostsInUse: inUse.length,
    hostsNeeded,
    message:
      `${totalClients} clients are split over ${inUse.length} KMS hosts and ${below.map((h) => h.host).join(", ")} ` +
      `stay below the ${CLIENT_OS_THRESHOLD}-client threshold. ${hostsNeeded} host(s) would be enough: remove the ` +
      `extra hosts' _vlmcs._tcp SRV records (or disable DNS publishing on them with slmgr.vbs /cdns) so the count gathers.`,
  };
}
