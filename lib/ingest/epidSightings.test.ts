import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prepareBatch } from "./prepare";
import { epidSightingsOf, MAX_STORED_EPID_CHARS } from "./epidSightings";
import { SHARED_FIXTURES } from "@/tests/support/fixtures";

const shared = (path: string) => readFileSync(`${SHARED_FIXTURES}/${path}`, "utf8");
const json = (path: string) => JSON.parse(shared(path)) as Record<string, unknown>;
const at = new Date("2026-01-01T00:00:00Z");
const snapshotsOf = (artifacts: unknown[]) =>
  prepareBatch({ collectedAt: at.toISOString(), agentVersion: "t", artifacts: artifacts as never }).snapshots;

describe("epidSightingsOf", () => {
  it("reads the host ePID a client received, from CIM, with the host name, IP and family", () => {
    const snapshots = snapshotsOf([
      {
        type: "cim",
        service: json("cim/ws-fin-0142-client.SoftwareLicensingService.json"),
        products: [json("cim/ws-fin-0142-client.SoftwareLicensingProduct.json")],
      },
    ]);
    expect(epidSightingsOf("WS-FIN-0142.corp.contoso.com", snapshots, at)).toEqual([
      expect.objectContaining({
        host: "kms01.corp.contoso.com",
        family: "windows",
        epid: "03612-03858-517-842213-03-1033-20348.0000-0442024",
        client: "ws-fin-0142.corp.contoso.com",
        ip: "10.20.0.15",
        licensed: true,
        source: "cim",
        at: at.toISOString(),
      }),
    ]);
  });

  it("reads /dlv in English and French, Office as its own family, and nothing from a KMS host's own products", () => {
    const rows = (file: string) => epidSightingsOf("c.contoso.com", snapshotsOf([{ type: "dlv", text: shared(`dlv/${file}`) }]), at);
    expect(rows("client-kms-licensed-dns.en-US.txt").map((r) => [r.family, r.epid.length > 40])).toEqual([["windows", true]]);
    expect(rows("client-kms-licensed-dns.fr-FR.INFERRED-LABELS.txt").map((r) => r.family)).toEqual(["windows"]);
    expect(rows("client-office16-kms-licensed.en-US.txt").map((r) => r.family)).toContain("office");
    expect(rows("kms-host-healthy.en-US.txt")).toEqual([]);
  });

  it("keeps an overlong value cut, for the decoder to call malformed", () => {
    const product = { ...json("cim/ws-fin-0142-client.SoftwareLicensingProduct.json"), KeyManagementServiceProductKeyID: "9".repeat(500) };
    const [row] = epidSightingsOf("c.contoso.com", snapshotsOf([{ type: "cim", service: {}, products: [product] }]), at);
    expect(row?.epid).toHaveLength(MAX_STORED_EPID_CHARS);
  });
});
