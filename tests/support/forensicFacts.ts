// ePIDs and served-ePID rows for the rogue-host forensics tests (forensicRules, forensicFindings).
import type { HostForensicFacts, ServedEpid } from "../../lib/evaluate/rules/forensicTypes";

export const NOW = new Date("2026-12-04T12:00:00Z");
export const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
/** The genuine host's own ePID: Server 2022 (build 20348) CSVLK. */
export const HOST_EPID = "03612-00206-566-123456-03-1033-20348.0000-0792022";
/** The same key and serial activated again on another day: what a copied host VM hands out. */
export const COPY_EPID = "03612-00206-566-123456-03-1033-20348.0000-3012026";
/** Another host key on the same build: plausible, but not this host's. */
export const OTHER_EPID = "03612-00206-271-998877-03-1033-20348.0000-1502024";
/** A Server 2019 build with a key activated before that build existed: no real host hands it out. */
export const BAD_EPID = "03612-00206-271-998877-03-1033-17763.0000-0452015";

/** What one host name handed out, seen from 20 days ago until yesterday; `extra` changes what a test reads. */
export const servedEpid = (epid: string, extra: Partial<ServedEpid> = {}): ServedEpid => ({
  family: "windows",
  epid,
  clients: 1,
  licensedClients: 1,
  firstSeenAt: daysAgo(20),
  lastSeenAt: daysAgo(1),
  ips: ["10.20.0.15"],
  clientSample: ["ws-1.corp"],
  ...extra,
});

/** An approved Server 2022 host with an agent, every client of `servedOwn` (its own ePID) activated by it. */
export const genuineHost = (host: string, machineId: string, servedOwn: ServedEpid): HostForensicFacts => ({
  host,
  machineId,
  approved: true,
  osBuild: 20348,
  ownEpids: [{ family: "windows", epid: servedOwn.epid, since: daysAgo(300) }],
  served: [servedOwn],
  clientsReporting: servedOwn.clients,
  activatedClients: servedOwn.licensedClients,
});
