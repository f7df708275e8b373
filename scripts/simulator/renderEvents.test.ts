import { describe, expect, it } from "vitest";
import { ACT_ID_SERVER_2022_STD, ACT_ID_WIN_ENTERPRISE } from "./constants";
import { renderEvents } from "./renderEvents";
import { at, expectFixture, FIXTURES_DIR } from "../../tests/support/simulatorFixtures";
import type { LicenseCode } from "./constants";
import type { Event12288, Event12289, Event12290, Event12293 } from "./types";

const OFFICE = "d450596f-894d-49e0-966a-fd39ed4c4c64";

function e12288(
  systemTime: string,
  recordId: number,
  computer: string,
  hr: number,
  server: string,
  cmid: string,
  status: LicenseCode,
  minutes: number,
): Event12288 {
  const t = at(systemTime);
  return {
    eventId: 12288,
    ...t,
    recordId,
    computer,
    hr,
    status: 0,
    server,
    port: 1688,
    cmid,
    clientTime: t.time,
    isVm: false,
    licenseStatus: status,
    minutesToExpiry: minutes,
    actId: ACT_ID_WIN_ENTERPRISE,
    minCount: 25,
  };
}
function e12289(systemTime: string, recordId: number, computer: string, status: number, activated: boolean, count: number): Event12289 {
  const t = at(systemTime);
  return {
    eventId: 12289,
    ...t,
    recordId,
    computer,
    hr: 0,
    status,
    activated,
    count,
    activationInterval: 120,
    renewalInterval: 10080,
    clientTime: t.time,
  };
}
type Row = [string, number, number, number, string, string, number, LicenseCode, number, string];
function e12290(computer: string, [systemTime, recordId, hr, minCount, client, cmid, vm, ls, minutes, actId]: Row): Event12290 {
  const t = at(systemTime);
  return {
    eventId: 12290,
    ...t,
    recordId,
    computer,
    hr,
    minCount,
    clientFqdn: client,
    cmid,
    clientTime: t.time,
    isVm: vm === 1,
    licenseStatus: ls,
    minutesToExpiry: minutes,
    actId,
  };
}

const KMS01 = "KMS01.corp.contoso.com";
const multiRows: Row[] = [
  [
    "2024-05-13T09:58:12.3000000Z",
    884206,
    0,
    5,
    "SRV-SQL-07.corp.contoso.com",
    "6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d",
    0,
    1,
    251003,
    ACT_ID_SERVER_2022_STD,
  ],
  [
    "2024-05-13T10:04:40.0100000Z",
    884207,
    0,
    25,
    "VDI-POOL-113.corp.contoso.com",
    "f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a0b",
    1,
    2,
    43195,
    ACT_ID_WIN_ENTERPRISE,
  ],
  [
    "2024-05-13T10:20:05.5000000Z",
    884208,
    0,
    25,
    "WS-CLONE-01.corp.contoso.com",
    "11111111-2222-4333-8444-555555555555",
    0,
    2,
    41870,
    ACT_ID_WIN_ENTERPRISE,
  ],
  [
    "2024-05-13T10:21:47.9000000Z",
    884209,
    0,
    25,
    "WS-CLONE-02.corp.contoso.com",
    "11111111-2222-4333-8444-555555555555",
    0,
    2,
    41905,
    ACT_ID_WIN_ENTERPRISE,
  ],
  [
    "2024-05-13T10:48:31.1200000Z",
    884210,
    0xc004f06c,
    25,
    "WS-DRIFT-22.corp.contoso.com",
    "98a7b6c5-d4e3-4f2a-8b1c-0d9e8f7a6b5c",
    0,
    2,
    36020,
    ACT_ID_WIN_ENTERPRISE,
  ],
  [
    "2024-05-13T10:02:17.3900000Z",
    884211,
    0,
    25,
    "WS-ENG-0211.corp.contoso.com",
    "2d3e4f50-6172-4839-a4b5-c6d7e8f90a1b",
    0,
    1,
    249120,
    ACT_ID_WIN_ENTERPRISE,
  ],
  [
    "2024-05-13T11:12:44.5334560Z",
    884212,
    0,
    25,
    "WS-FIN-0142.corp.contoso.com",
    "5e1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13",
    0,
    1,
    249120,
    ACT_ID_WIN_ENTERPRISE,
  ],
  [
    "2024-05-13T11:13:05.7000000Z",
    884213,
    0,
    5,
    "WS-FIN-0142.corp.contoso.com",
    "5e1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13",
    0,
    1,
    249120,
    OFFICE,
  ],
];
const dns12293: Event12293 = {
  eventId: 12293,
  ...at("2024-05-13T09:15:02.7100000Z"),
  recordId: 40233,
  computer: "KMS-BR2.branch.contoso.com",
  hr: 0x80072338,
  domain: "branch.contoso.com",
};

const cases: [string, Parameters<typeof renderEvents>[0]][] = [
  [
    "client-12288-success.xml",
    [
      e12288(
        "2024-05-13T11:12:44.1234560Z",
        51877,
        "WS-FIN-0142.corp.contoso.com",
        0,
        "kms01.corp.contoso.com",
        "5e1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13",
        1,
        249120,
      ),
    ],
  ],
  [
    "client-12288-failure-rpc-unavailable.xml",
    [
      e12288(
        "2024-05-13T11:35:10.2500000Z",
        2212,
        "WS-LAB-0007.corp.contoso.com",
        0x800706ba,
        "kms01.corp.contoso.com",
        "3b2a1f0e-9d8c-4b7a-a6f5-e4d3c2b1a0f9",
        2,
        41123,
      ),
    ],
  ],
  [
    "client-12288-branch-request.xml",
    [
      e12288(
        "2024-05-13T12:02:31.0900000Z",
        1304,
        "WS-BR2-0003.branch.contoso.com",
        0,
        "kms-br2.branch.contoso.com",
        "e0f1a2b3-c4d5-4e6f-8a9b-0c1d2e3f4a5b",
        2,
        39597,
      ),
    ],
  ],
  ["client-12289-success.xml", [e12289("2024-05-13T11:12:44.6034560Z", 51878, "WS-FIN-0142.corp.contoso.com", 0, true, 50)]],
  [
    "client-12289-failure-insufficient-count.xml",
    [e12289("2024-05-13T12:02:31.4400000Z", 1305, "WS-BR2-0003.branch.contoso.com", 0x04000008, false, 3)],
  ],
  ["host-12290-success.xml", [e12290(KMS01, multiRows[6]!)]],
  [
    "host-12290-insufficient-count.xml",
    [
      e12290("KMS-BR2.branch.contoso.com", [
        "2024-05-13T12:02:31.3700000Z",
        77,
        0,
        25,
        "WS-BR2-0003.branch.contoso.com",
        "e0f1a2b3-c4d5-4e6f-8a9b-0c1d2e3f4a5b",
        0,
        2,
        39597,
        ACT_ID_WIN_ENTERPRISE,
      ]),
    ],
  ],
  ["host-12293-dns-publish-failure.xml", [dns12293]],
  ["host-kms01-keymanagementservice-log.multi.xml", multiRows.map((r) => e12290(KMS01, r))],
];

describe.skipIf(!FIXTURES_DIR)("renderEvents reproduces the reference event XML fixtures", () => {
  it.each(cases)("%s", (file, events) => expectFixture(renderEvents(events), `events/${file}`, "</Event>"));
});

describe("renderEvents", () => {
  it("renders nothing for no events and escapes XML metacharacters", () => {
    expect(renderEvents([])).toBe("");
    const xml = renderEvents([{ ...dns12293, domain: "a&b<c>'d" }]);
    expect(xml).toContain("<Data>a&amp;b&lt;c&gt;&apos;d</Data>");
  });
});
