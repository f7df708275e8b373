import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prepareBatch } from "./prepare";
import { hostSightingSources, sightingsOf } from "./sightings";
import { SHARED_FIXTURES } from "@/tests/support/fixtures";

const shared = (path: string) => readFileSync(`${SHARED_FIXTURES}/${path}`, "utf8");
const at = new Date("2026-01-01T00:00:00Z");

describe("sightingsOf", () => {
  it("reads CMIDs per client from a host's 12290 log, the host being the reporting machine", () => {
    const batch = prepareBatch({
      collectedAt: at.toISOString(),
      agentVersion: "t",
      artifacts: [{ type: "events", log: "Key Management Service", xml: shared("events/host-kms01-keymanagementservice-log.multi.xml") }],
    });
    const { cmids, hosts } = sightingsOf("KMS01.corp.contoso.com", batch.events, [], at);
    expect(cmids.length).toBe(8);
    expect(cmids.every((c) => c.kmsHost === "kms01.corp.contoso.com")).toBe(true);
    const clones = cmids.filter((c) => c.machine.startsWith("ws-clone-"));
    expect(new Set(clones.map((c) => c.cmid)).size).toBe(1);
    expect(new Set(clones.map((c) => c.machine)).size).toBe(2);
    expect(hosts).toEqual([]);
  });

  it("reads a client's CMID and KMS host from its 12288 and its new snapshots", () => {
    const batch = prepareBatch({
      collectedAt: at.toISOString(),
      agentVersion: "t",
      artifacts: [
        { type: "events", log: "Application", xml: shared("events/client-12288-success.xml") },
        { type: "dlv", text: shared("dlv/client-kms-licensed-registered.en-US.txt") },
      ],
    });
    const { cmids, hosts } = sightingsOf("WS-ENG-0211.corp.contoso.com", batch.events, batch.snapshots, at);
    expect(cmids.map((c) => c.machine)).toEqual(["ws-eng-0211.corp.contoso.com", "ws-eng-0211.corp.contoso.com"]);
    expect(hosts.map((h) => h.source)).toEqual([hostSightingSources.request, hostSightingSources.registered]);
    expect(hosts[0]!.host).toBe("kms01.corp.contoso.com");
  });

  it("ignores the KMS host's own snapshot", () => {
    const batch = prepareBatch({
      collectedAt: at.toISOString(),
      agentVersion: "t",
      artifacts: [{ type: "dlv", text: shared("dlv/kms-host-healthy.en-US.txt") }],
    });
    expect(sightingsOf("kms01.corp.contoso.com", [], batch.snapshots, at)).toEqual({ cmids: [], hosts: [] });
  });
});
