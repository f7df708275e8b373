// Scenario "activation-2026" (issue #16): a Windows Server 2025 KMS host ready for hardware-secured activation
// (with the Office LTSC 2024 volume pack) and one not ready (no Key Attestation, readiness warnings of
// undocumented IDs in its KMS log), a 2022 host without KB5034765 refusing a Windows Server 2025 client, an ADBA
// site (one machine set to AD only for a product no activation object covers), a retail-media machine, Office
// LTSC 2024 clients, Windows 11 LTSC 2024 clients. Built as agent-protocol bodies for the real ingest API.
// Activation IDs and CMIDs are placeholders (deterministic), not Microsoft's values.
import { createHash } from "node:crypto";
import { type ProductSpec, render12290, renderDlv, renderOtherKmsEvent, type Request12290 } from "./render2026";

export type ScenarioMachine = {
  hostname: string;
  fqdn: string;
  bodies: { collectedAt: string; agentVersion: string; artifacts: unknown[] }[];
};

const guid = (seed: string) => {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const ACT = {
  ws25: guid("act:ws2025-standard"),
  ws25host: guid("act:ws2025-csvlk"),
  ws22host: guid("act:ws2022-csvlk"),
  win11: guid("act:win11-enterprise"),
  ltsc24: guid("act:win11-ltsc2024"),
  ws22: guid("act:ws2022-standard"),
  office24: guid("act:office-ltsc2024-proplus"),
  office24host: guid("act:office-ltsc2024-kmshost"),
  pro: guid("act:win11-pro-retail"),
};
const V25 = "10.0.26100.4946";
const V22_OLD = "10.0.20348.2113"; // before KB5034765 (20348.2322, February 2024)
const V11 = "10.0.22631.4460";
/** The TPM report of a host ready for hardware-secured KMS, as the agents send it. */
export const TPM_READY = {
  type: "tpm",
  present: true,
  enabled: true,
  activated: true,
  specVersion: "2.0, 0, 1.59",
  keyAttestation: true,
  source: "Get-Tpm",
  error: null,
};

type Client = {
  hostname: string;
  version: string;
  products: ProductSpec[];
  asks?: { host: string; hresult: string; activationId: string; minCount: number }[];
};

export function activation2026Machines(domain: string, now: Date): ScenarioMachine[] {
  const fq = (h: string) => `${h.toLowerCase()}.${domain}`;
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  const body = (artifacts: unknown[]) => ({ collectedAt: now.toISOString(), agentVersion: "sim-2026", artifacts });
  const kms = (hostname: string, host: string): ProductSpec["kms"] => ({ host: fq(host), cmid: guid(`cmid:${hostname}`) });
  const clients: Client[] = [];
  const windows = (name: string, act: string, hostname: string, host: string, extra: Partial<ProductSpec> = {}): ProductSpec => ({
    name,
    channel: "VOLUME_KMSCLIENT",
    keyChannel: "Volume:GVLK",
    activationId: act,
    status: "Licensed",
    minutes: 250_000,
    configured: "All",
    kms: kms(hostname, host),
    ...extra,
  });
  for (let i = 1; i <= 6; i++) {
    const h = `OFF24-${String(i).padStart(2, "0")}`;
    const office: ProductSpec = {
      ...windows("Office 24, Office24ProPlus2024VL_KMS_Client_AE edition", ACT.office24, h, "KMS25A"),
      office: true,
    };
    clients.push({
      hostname: h,
      version: V11,
      products: [windows("Windows(R), Enterprise edition", ACT.win11, h, "KMS25A"), office],
      asks: [
        { host: "KMS25A", hresult: "0x0", activationId: ACT.win11, minCount: 25 },
        { host: "KMS25A", hresult: "0x0", activationId: ACT.office24, minCount: 5 },
      ],
    });
  }
  for (let i = 1; i <= 3; i++) {
    const h = `WS25-APP${i}`;
    clients.push({
      hostname: h,
      version: V25,
      products: [windows("Windows(R), ServerStandard edition", ACT.ws25, h, "KMS25A")],
      asks: [{ host: "KMS25A", hresult: "0x0", activationId: ACT.ws25, minCount: 5 }],
    });
  }
  for (let i = 1; i <= 2; i++) {
    const h = `LTSC24-${i}`;
    clients.push({
      hostname: h,
      version: V25,
      products: [windows("Windows(R), EnterpriseS edition", ACT.ltsc24, h, "KMS25B")],
      asks: [{ host: "KMS25B", hresult: "0x0", activationId: ACT.ltsc24, minCount: 25 }],
    });
  }
  // A Windows Server 2025 client pointed at the 2022 host: refused, in grace.
  clients.push({
    hostname: "WS25-NEW1",
    version: V25,
    products: [
      windows("Windows(R), ServerDatacenter edition", ACT.ws25, "WS25-NEW1", "KMS22", { status: "Initial grace period", minutes: 30_000 }),
    ],
    asks: [{ host: "KMS22", hresult: "0xC004F042", activationId: ACT.ws25, minCount: 5 }],
  });
  // The ADBA site: Windows 11 24H2 Enterprise activated by the forest's activation object.
  const ad = { objectName: "Windows Server 2025 CSVLK", domainDn: "CN=Microsoft SPP,CN=Services,CN=Configuration,DC=ad,DC=contoso,DC=com" };
  for (let i = 1; i <= 4; i++) {
    clients.push({
      hostname: `ADB-${i}`,
      version: V25,
      products: [windows("Windows(R), Enterprise edition", ACT.win11, `ADB-${i}`, "", { configured: "AD", kms: undefined, ad })],
    });
  }
  // Set to AD only, but the forest has no activation object for Windows Server 2022.
  clients.push({
    hostname: "ADB-SRV22",
    version: "10.0.20348.2849",
    products: [
      windows("Windows(R), ServerStandard edition", ACT.ws22, "ADB-SRV22", "", {
        configured: "AD",
        kms: undefined,
        status: "Initial grace period",
        minutes: 20_000,
      }),
    ],
  });
  // Same product as the ADBA site, still asking the KMS host (informational).
  clients.push({
    hostname: "KMSC-24H2",
    version: V25,
    products: [windows("Windows(R), Enterprise edition", ACT.win11, "KMSC-24H2", "KMS25A")],
    asks: [{ host: "KMS25A", hresult: "0x0", activationId: ACT.win11, minCount: 25 }],
  });
  // Installed from retail media.
  clients.push({
    hostname: "RETAIL-PC1",
    version: V25,
    products: [
      {
        name: "Windows(R), Professional edition",
        channel: "RETAIL",
        keyChannel: "Retail",
        activationId: ACT.pro,
        status: "Notification",
        notificationReason: "0xC004F034",
      },
    ],
  });

  const requests = new Map<string, Request12290[]>();
  for (const c of clients)
    for (const a of c.asks ?? []) {
      const list = requests.get(a.host) ?? [];
      list.push({
        hresult: a.hresult,
        minCount: a.minCount,
        client: fq(c.hostname),
        cmid: guid(`cmid:${c.hostname}`),
        licensing: a.hresult === "0x0" ? 1 : 2,
        minutes: 250_000,
        activationId: a.activationId,
      });
      requests.set(a.host, list);
    }
  const log = (host: string, extra: string[] = []) =>
    (requests.get(host) ?? [])
      .map((r, i) => render12290(1000 + i, at(60 + i), fq(host), r))
      .concat(extra)
      .join("\r\n");
  const hostProduct = (act: string, channel: string): ProductSpec => ({
    name: "Windows(R), ServerStandard edition",
    channel,
    keyChannel: "Volume:CSVLK",
    activationId: act,
    status: "Licensed",
  });
  const officeHost: ProductSpec = {
    name: "Office 24, Office24VolumeKMSHost edition",
    channel: "VOLUME_KMS",
    keyChannel: "Volume:CSVLK",
    activationId: ACT.office24host,
    status: "Licensed",
    office: true,
  };
  const hosts: ScenarioMachine[] = [
    {
      hostname: "KMS25A",
      fqdn: fq("KMS25A"),
      bodies: [
        body([
          {
            type: "dlv",
            text: renderDlv(V25, [officeHost, hostProduct(ACT.ws25host, "VOLUME_KMS_WS25")], {
              currentCount: 12,
              total: 400,
              sentence: "eligible",
            }),
          },
          { type: "events", log: "Key Management Service", xml: log("KMS25A") },
          TPM_READY,
          {
            type: "oslicense",
            cmdlet: "Get-KmsLicenseInfo",
            error: null,
            output: [
              {
                IsKeyManagementServiceMachine: 1,
                KeyManagementServiceCurrentCount: 12,
                KeyManagementServiceLicensedRequests: 390,
                KeyManagementServiceFailedRequests: 0,
                KeyManagementServiceTotalRequests: 400,
              },
            ],
          },
        ]),
      ],
    },
    {
      hostname: "KMS25B",
      fqdn: fq("KMS25B"),
      bodies: [
        body([
          {
            type: "dlv",
            text: renderDlv(V25, [hostProduct(guid("act:ws2025-csvlk-b"), "VOLUME_KMS_WS25")], {
              currentCount: 2,
              total: 40,
              sentence: "not_eligible",
            }),
          },
          {
            type: "events",
            log: "Key Management Service",
            xml: log("KMS25B", [
              renderOtherKmsEvent(
                12320,
                2001,
                at(30),
                fq("KMS25B"),
                "This device doesn't meet the requirements for using a KMS host with hardware-based security. A TPM 2.0 that supports key attestation was not found.",
              ),
              renderOtherKmsEvent(12321, 2002, at(29), fq("KMS25B"), null),
            ]),
          },
          { ...TPM_READY, specVersion: "2.0, 0, 1.38", keyAttestation: false },
        ]),
      ],
    },
    {
      hostname: "KMS22",
      fqdn: fq("KMS22"),
      bodies: [
        body([
          {
            type: "dlv",
            text: renderDlv(V22_OLD, [hostProduct(ACT.ws22host, "VOLUME_KMS_WS22")], { currentCount: 30, total: 9000, sentence: null }),
          },
          { type: "events", log: "Key Management Service", xml: log("KMS22") },
          {
            type: "tpm",
            present: false,
            enabled: null,
            activated: null,
            specVersion: null,
            keyAttestation: null,
            source: "none",
            error: "no TPM found",
          },
        ]),
      ],
    },
  ];
  return [
    ...hosts,
    ...clients.map((c) => ({
      hostname: c.hostname,
      fqdn: fq(c.hostname),
      bodies: [body([{ type: "dlv", text: renderDlv(c.version, c.products) }])],
    })),
  ];
}
