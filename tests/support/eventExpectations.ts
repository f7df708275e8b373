// The parsed events of the shared event fixtures (../shared/fixtures/events/*.xml), written once: the XML and text
// parsers' tests expect the same events from the same logs, however they were copied.
import type { ParsedEvent } from "@/lib/kms/parsed";
import { emptyEvent } from "@/lib/ingest/parse/eventFields";

/** An event: the fields given, every other one empty. */
export const ev = (e: Partial<ParsedEvent> & { eventId: number }): ParsedEvent => ({ ...emptyEvent(e.eventId), ...e });
export const SPP = "Microsoft-Windows-Security-SPP";
export const WIN_ENT = "73111121-5638-40f6-bc11-f1d7b0d64300";

// What two clients' requests say, in the client's 12288 and in the host's 12290 that answered it.
const wsFin0142Request = {
  cmid: "5e1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13",
  clientTime: "2024-05-13T11:12:00.000Z",
  isVm: false,
  licenseStatus: "Licensed",
  minutesToExpiry: 249120,
  activationId: WIN_ENT,
} as const;
const wsBr2Request = {
  cmid: "e0f1a2b3-c4d5-4e6f-8a9b-0c1d2e3f4a5b",
  clientTime: "2024-05-13T12:02:00.000Z",
  isVm: false,
  licenseStatus: "InitialGrace",
  minutesToExpiry: 39597,
  activationId: WIN_ENT,
} as const;

/** Each single-event XML fixture and the event it holds. */
export const FIXTURE_EVENTS = {
  "client-12288-success.xml": ev({
    eventId: 12288,
    recordId: 51877,
    timeCreated: "2024-05-13T11:12:44.123Z",
    computer: "WS-FIN-0142.corp.contoso.com",
    log: "Application",
    provider: SPP,
    hresult: "0x00000000",
    status: "0x00000000",
    kmsHost: "kms01.corp.contoso.com",
    kmsPort: 1688,
    ...wsFin0142Request,
    minCount: 25,
  }),
  "client-12288-failure-rpc-unavailable.xml": ev({
    eventId: 12288,
    recordId: 2212,
    timeCreated: "2024-05-13T11:35:10.250Z",
    computer: "WS-LAB-0007.corp.contoso.com",
    log: "Application",
    provider: SPP,
    hresult: "0x800706BA",
    status: "0x00000000",
    kmsHost: "kms01.corp.contoso.com",
    kmsPort: 1688,
    cmid: "3b2a1f0e-9d8c-4b7a-a6f5-e4d3c2b1a0f9",
    clientTime: "2024-05-13T11:35:00.000Z",
    isVm: false,
    licenseStatus: "InitialGrace",
    minutesToExpiry: 41123,
    activationId: WIN_ENT,
    minCount: 25,
  }),
  "client-12288-branch-request.xml": ev({
    eventId: 12288,
    recordId: 1304,
    timeCreated: "2024-05-13T12:02:31.090Z",
    computer: "WS-BR2-0003.branch.contoso.com",
    log: "Application",
    provider: SPP,
    hresult: "0x00000000",
    status: "0x00000000",
    kmsHost: "kms-br2.branch.contoso.com",
    kmsPort: 1688,
    ...wsBr2Request,
    minCount: 25,
  }),
  "client-12289-success.xml": ev({
    eventId: 12289,
    recordId: 51878,
    timeCreated: "2024-05-13T11:12:44.603Z",
    computer: "WS-FIN-0142.corp.contoso.com",
    log: "Application",
    provider: SPP,
    hresult: "0x00000000",
    status: "0x00000000",
    activated: true,
    hostCurrentCount: 50,
    activationIntervalMin: 120,
    renewalIntervalMin: 10080,
    clientTime: "2024-05-13T11:12:00.000Z",
  }),
  "client-12289-failure-insufficient-count.xml": ev({
    eventId: 12289,
    recordId: 1305,
    timeCreated: "2024-05-13T12:02:31.440Z",
    computer: "WS-BR2-0003.branch.contoso.com",
    log: "Application",
    provider: SPP,
    hresult: "0x00000000",
    status: "0x04000008",
    activated: false,
    hostCurrentCount: 3,
    activationIntervalMin: 120,
    renewalIntervalMin: 10080,
    clientTime: "2024-05-13T12:02:00.000Z",
  }),
  "host-12290-success.xml": ev({
    eventId: 12290,
    recordId: 884212,
    timeCreated: "2024-05-13T11:12:44.533Z",
    computer: "KMS01.corp.contoso.com",
    log: "Key Management Service",
    provider: SPP,
    hresult: "0x00000000",
    minCount: 25,
    clientFqdn: "WS-FIN-0142.corp.contoso.com",
    ...wsFin0142Request,
  }),
  "host-12290-insufficient-count.xml": ev({
    eventId: 12290,
    recordId: 77,
    timeCreated: "2024-05-13T12:02:31.370Z",
    computer: "KMS-BR2.branch.contoso.com",
    log: "Key Management Service",
    provider: SPP,
    hresult: "0x00000000",
    minCount: 25,
    clientFqdn: "WS-BR2-0003.branch.contoso.com",
    ...wsBr2Request,
  }),
  "host-12293-dns-publish-failure.xml": ev({
    eventId: 12293,
    recordId: 40233,
    timeCreated: "2024-05-13T09:15:02.710Z",
    computer: "KMS-BR2.branch.contoso.com",
    log: "Application",
    provider: SPP,
    hresult: "0x80072338",
    domain: "branch.contoso.com",
  }),
} satisfies Record<string, ParsedEvent>;
export type FixtureEventName = keyof typeof FIXTURE_EVENTS;

/** A fixture's event as a text copy gives it: no record id (only the Event Xml carries it), and `changes`. */
export const copiedEvent = (name: FixtureEventName, changes: Partial<ParsedEvent> = {}): ParsedEvent => ({
  ...FIXTURE_EVENTS[name],
  recordId: null,
  ...changes,
});
