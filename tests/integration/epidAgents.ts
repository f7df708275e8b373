// Agents of the rogue-host forensics tests: a KMS host reporting its own CSVLK ePID, a client reporting the host it
// discovered, the IP it reached and the host ePID it received, both as CIM through the real agent API.
import { randomUUID } from "node:crypto";
import { expect, inject } from "vitest";
import { ACT_ID_WIN_ENTERPRISE, WINDOWS_APP_ID } from "../../scripts/simulator/constants";
import { envelope, post } from "./helpers";

export type Agent = { token: string; fqdn: string };

export async function enrollAgent(hostname: string, domain: string): Promise<Agent> {
  const fqdn = `${hostname}.${domain}`;
  const answer = await post<{ token: string }>("/api/v1/enroll", { enrollSecret: inject("enrollSecret"), hostname, fqdn });
  if (answer.status !== 201) throw new Error(`enroll failed: ${answer.status}`);
  return { token: answer.body.token, fqdn };
}

/** One artifact through the agent API, which must take it whole. */
export async function ingestArtifact(token: string, artifact: unknown, collectedAt: string) {
  const answer = await post<{ rejected: unknown[] }>("/api/v1/ingest", envelope([artifact], collectedAt), token);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(answer.body.rejected).toEqual([]);
}

/** The host's CSVLK product keeps its ID across reports, as on a real host (a re-key changes the ePID only). */
export async function hostReportsEpid(agent: Agent, productId: string, epid: string, collectedAt: string) {
  await ingestArtifact(
    agent.token,
    {
      type: "cim",
      service: { Version: "10.0.20348.2340", IsKeyManagementServiceMachine: 1, KeyManagementServiceCurrentCount: 30 },
      products: [
        {
          ID: productId,
          ApplicationID: WINDOWS_APP_ID,
          Name: "Windows(R), ServerStandard edition",
          Description: "Windows(R) Operating System, VOLUME_KMS_WS22 channel",
          ProductKeyChannel: "Volume:CSVLK",
          ProductKeyID: epid,
          PartialProductKey: "ABCDE",
          LicenseStatus: 1,
          IsKeyManagementServiceMachine: 1,
        },
      ],
    },
    collectedAt,
  );
}

export async function clientReportsEpid(agent: Agent, host: string, epid: string, ip: string, collectedAt: string) {
  await ingestArtifact(
    agent.token,
    {
      type: "cim",
      service: { Version: "10.0.22631.3447", ClientMachineID: randomUUID(), KeyManagementServiceMachine: null },
      products: [
        {
          ID: ACT_ID_WIN_ENTERPRISE,
          ApplicationID: WINDOWS_APP_ID,
          Name: "Windows(R), Enterprise edition",
          Description: "Windows(R) Operating System, VOLUME_KMSCLIENT channel",
          ProductKeyChannel: "Volume:GVLK",
          PartialProductKey: "2YT43",
          LicenseStatus: 1,
          GracePeriodRemaining: 259000,
          DiscoveredKeyManagementServiceMachineName: host,
          DiscoveredKeyManagementServiceMachinePort: 1688,
          DiscoveredKeyManagementServiceMachineIpAddress: ip,
          KeyManagementServiceProductKeyID: epid,
        },
      ],
    },
    collectedAt,
  );
}
