// A KMS host's clients page reads each client's latest request as ingest keeps it (host_served_client), not its
// event log: the table must show what the log says. Batches arrive out of order (an agent's spool drained after a
// newer check-in) and twice (a resend); the page must still show each client's latest request and its columns, the
// requests counted in the window, and the summary over every client, exactly as a query over the stored events does.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { renderEvents } from "@/scripts/simulator/renderEvents";
import { ACT_ID_WIN_ENTERPRISE, LS } from "@/scripts/simulator/constants";
import type { Event12290 } from "@/scripts/simulator/types";
import { enrollMachine, envelope, getJson, post, signIn, sql, sqlOne } from "./helpers";

const DAY = 86_400_000;
const daysAgo = (d: number) => Date.now() - d * DAY;
type Request = { record: number; client: string; at: number; hr: number; minCount: number; isVm: boolean };
type HostClients = {
  total: number;
  clients: {
    clientFqdn: string;
    hresult: string | null;
    minCount: number | null;
    isVm: boolean | null;
    requests: number;
    lastRequestAt: string;
  }[];
  groups: { minCount: number | null; clients: number; vms: number; failing: number }[];
};

const request = (r: Request): Event12290 => ({
  eventId: 12290,
  recordId: r.record,
  time: r.at,
  ticks: r.record,
  computer: "kms01.corp.contoso.com",
  hr: r.hr,
  minCount: r.minCount,
  clientFqdn: r.client,
  cmid: randomUUID(),
  clientTime: r.at - 1000,
  isVm: r.isVm,
  licenseStatus: LS.Licensed,
  minutesToExpiry: 259_200,
  actId: ACT_ID_WIN_ENTERPRISE,
});

const suffix = randomUUID().slice(0, 6);
const a = `WS-A-${suffix}.corp.contoso.com`;
const b = `ws-b-${suffix}.corp.contoso.com`;
const old = `ws-old-${suffix}.corp.contoso.com`;
// Sent first: each client's latest requests.
const newer: Request[] = [
  { record: 10, client: a, at: daysAgo(1), hr: 0, minCount: 25, isVm: true },
  { record: 11, client: b, at: daysAgo(2), hr: 0xc004f038, minCount: 25, isVm: false },
];
// Sent after them, older: must not replace what the page shows; still counted as requests in the window.
const older: Request[] = [
  { record: 5, client: a.toLowerCase(), at: daysAgo(3), hr: 0xc004f042, minCount: 5, isVm: false },
  { record: 6, client: old, at: daysAgo(40), hr: 0, minCount: 25, isVm: false },
];

let hostId = "";
let cookie = "";
let token = "";
const send = (requests: Request[]) =>
  post("/api/v1/ingest", envelope([{ type: "events", log: "Key Management Service", xml: renderEvents(requests.map(request)) }]), token);

beforeAll(async () => {
  const host = await enrollMachine("KMSSERVED");
  token = host.token;
  expect((await send(newer)).status).toBe(200);
  // A resend, then the older batch last: it must not replace the latest requests.
  expect((await send(newer)).status).toBe(200);
  expect((await send(older)).status).toBe(200);
  ({ id: hostId } = await sqlOne<{ id: string }>("SELECT id FROM machine WHERE fqdn = $1", [host.fqdn]));
  cookie = await signIn();
});

describe("a KMS host's clients page", () => {
  it("shows each client's latest request, however the batches arrived, and counts its requests in the window", async () => {
    const { status, body } = await getJson<HostClients>(`/api/dashboard/hosts/${hostId}/clients`, { cookie });
    expect(status).toBe(200);
    expect(body.total).toBe(2);
    expect(body.clients.map((c) => c.clientFqdn)).toEqual([a.toLowerCase(), b]);
    expect(body.clients[0]).toMatchObject({ hresult: "0x00000000", minCount: 25, isVm: true, requests: 2 });
    expect(Date.parse(body.clients[0]!.lastRequestAt)).toBeGreaterThan(daysAgo(1.01));
    expect(body.clients[1]).toMatchObject({ hresult: "0xC004F038", minCount: 25, isVm: false, requests: 1 });
    expect(body.groups).toEqual([expect.objectContaining({ minCount: 25, clients: 2, vms: 1, failing: 1 })]);
  });

  it("agrees with each client's latest request among the stored events", async () => {
    const latest = await sql<{ client_fqdn: string; hresult: string; min_count: number; is_vm: boolean }>(
      `SELECT DISTINCT ON (client_fqdn) client_fqdn, hresult, min_count, is_vm FROM activation_event
        WHERE machine_id = $1 AND event_id = 12290 AND time_created > now() - interval '30 days'
        ORDER BY client_fqdn, time_created DESC`,
      [hostId],
    );
    const { body } = await getJson<HostClients>(`/api/dashboard/hosts/${hostId}/clients`, { cookie });
    expect(body.clients.map((c) => ({ client_fqdn: c.clientFqdn, hresult: c.hresult, min_count: c.minCount, is_vm: c.isVm }))).toEqual(
      latest,
    );
  });
});
