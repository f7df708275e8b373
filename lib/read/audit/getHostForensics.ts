// The rogue-host forensics as the dashboard shows it: per KMS host name a verdict, the signals behind it and
// the ePIDs served, each decoded (parts, and whether Microsoft documents them or the community worked them out).
import "server-only";
import { getEpidForensicFacts } from "@/lib/evaluate/facts/getEpidForensicFacts";
import { diagnoseHostForensics } from "@/lib/evaluate/rules";
import { decodeEpid, EPID_SOURCES } from "@/lib/kms/epid";
import type { HostForensics } from "@/lib/read/contract/fleet";

export type { HostForensics, HostForensicsEntry } from "@/lib/read/contract/fleet";

function decoded(epid: string, now: Date) {
  const d = decodeEpid(epid, now);
  return d && { parts: d.parts, platformName: d.platformName, language: d.language, buildName: d.buildName, problems: d.problems };
}

export async function getHostForensics(now: Date, filter: { hosts?: readonly string[] } = {}): Promise<HostForensics> {
  const facts = await getEpidForensicFacts(now, filter);
  const hosts = facts.map((f) => {
    const { verdict, signals } = diagnoseHostForensics(f, now);
    return {
      host: f.host,
      machineId: f.machineId,
      approved: f.approved,
      osBuild: f.osBuild,
      clientsReporting: f.clientsReporting,
      activatedClients: f.activatedClients,
      verdict,
      signals,
      ownEpids: f.ownEpids.map((o) => ({ ...o, decoded: decoded(o.epid, now) })),
      served: f.served.map((s) => ({
        ...s,
        decoded: decoded(s.epid, now),
        matchesHost: f.ownEpids.some((o) => o.family === s.family)
          ? f.ownEpids.some((o) => o.family === s.family && o.epid === s.epid)
          : null,
      })),
    };
  });
  return { hosts, sources: EPID_SOURCES };
}
