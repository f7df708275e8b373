// Example request bodies shown in the OpenAPI document (and checked against it by the tests).

const collectedAt = "2026-11-25T10:00:00Z";

export const requestExamples = {
  EnrollRequest: {
    enrollSecret: "the-enroll-secret",
    hostname: "WS-FIN-0142",
    fqdn: "WS-FIN-0142.corp.contoso.com",
    installationKey: "q3J0c2Z4bUxvT2xWb2hJc1lWc0pZbDZ1a0xkV2ZQbWU",
  },
  IngestRequest: {
    collectedAt,
    agentVersion: "1.0.0",
    artifacts: [
      { type: "dlv", text: "Name: Windows(R), Enterprise edition\r\nLicense Status: Licensed\r\n" },
      {
        type: "cim",
        service: { KeyManagementServiceCurrentCount: 50 },
        products: [{ Name: "Windows(R), ServerStandard edition", LicenseStatus: 1 }],
      },
      { type: "events", log: "Application", xml: "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>…</Event>" },
      {
        type: "probe",
        checkedAt: collectedAt,
        domain: "corp.contoso.com",
        srvRecords: [{ target: "kms01.corp.contoso.com", port: 1688 }],
        srvError: null,
        target: { host: "kms01.corp.contoso.com", port: 1688, source: "dns" },
        tcp: { ok: true, latencyMs: 3.2, error: null },
      },
    ],
  },
  ParseRequest: { type: "eventText", text: "Log Name: Application\r\nSource: Microsoft-Windows-Security-SPP\r\nEvent ID: 12288\r\n" },
} as const;
