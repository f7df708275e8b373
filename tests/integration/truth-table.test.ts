// The truth table's simulated situations (tests/support/truthTable.ts): the simulator's fleet driven through the real
// agent API into a real database, then the same JSON the host, client, trend and audit pages read, asserted row by
// row: the finding that comes first, what follows it, the words its cause and fix must and must not contain, and the
// forecast sentence. Hand-made situations, /parse and the clock policy: truth-table-handmade.test.ts.
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Fleet } from "../../scripts/simulator/types";
import { failureCodesTruth, INTENDED_MAK, simulatedTruth } from "../support/truthTable";
import { assertRow, findingsOf as findingsFor, idOf } from "../support/truthAssert";
import { callApi, getJson, pushSimulatedFleet, signIn } from "./helpers";
import { DIAGNOSIS_SCENARIOS } from "../support/scenarios";

type Outlook = { state: string; text: string };

let cookie = "";
let fleet: Fleet;
const get = <T>(route: string) => getJson<T>(route, { cookie });
const findingsOf = (kind: "host" | "client", fqdn: string) => findingsFor(cookie, kind, fqdn);

beforeAll(async () => {
  // 32 days: the count window (30) plus the renewal slack; every situation is settled by then. Its own domain.
  ({ fleet } = await pushSimulatedFleet(
    { hosts: 2, clients: 130, days: 32, seed: 14, scenarios: DIAGNOSIS_SCENARIOS },
    "truth-contoso.com",
  ));
  cookie = await signIn();
  const intent = await callApi("POST", "/api/dashboard/settings/intended-channels", cookie, INTENDED_MAK);
  expect([200, 201]).toContain(intent.status);
  for (const host of fleet.approvedHosts) {
    const response = await fetch(`${inject("baseUrl")}/api/dashboard/audit/approved`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ host }),
    });
    expect([201, 409]).toContain(response.status);
  }
}, 240_000);

describe("truth table: simulated situations", () => {
  it.each(simulatedTruth.map((row) => [row.situation, row] as const))("%s", async (_name, row) => {
    const machines = row.machines(fleet);
    expect(machines.length, `${row.situation}: machines picked`).toBeGreaterThan(0);
    for (const fqdn of machines) {
      assertRow(`${row.situation} / ${fqdn}`, await findingsOf(row.kind, fqdn), row.expect);
      if (row.expect.outlook) {
        const { body } = await get<{ outlook: Outlook }>(`/api/dashboard/hosts/${await idOf(fqdn)}/trend?range=30d`);
        expect(body.outlook.state, `${fqdn}: forecast (${body.outlook.text})`).toBe(row.expect.outlook.state);
        for (const w of row.expect.outlook.has ?? []) expect(body.outlook.text).toContain(w);
        for (const w of row.expect.outlook.lacks ?? []) expect(body.outlook.text).not.toContain(w);
      }
    }
  });

  it("names the failure codes actually seen when failed requests rise, never an unseen 0xC004F042", async () => {
    for (const row of failureCodesTruth) {
      const host = fleet.hosts.find((h) => row.host.test(h.hostname));
      const rising = (await findingsOf("host", host!.fqdn)).find((f) => f.ruleId === "host-failed-requests-rising");
      if (!rising) continue; // the counters may not have moved enough in the last 7 days; the rule is then silent
      expect(rising.cause).toContain(row.names);
      expect(`${rising.cause} ${rising.fix}`).not.toContain(row.never);
    }
  });

  it("a host's clients: the audit's 'served (30 days)' is the host page's number; 'reporting' says something else", async () => {
    type AuditHost = { host: string; clients: number; servedLast30d: number | null };
    const { body } = await get<{ hosts: AuditHost[] }>("/api/dashboard/audit");
    const main = fleet.hosts.filter((h) => /^KMS\d\d$/.test(h.hostname));
    expect(main.length).toBeGreaterThan(0);
    for (const h of main) {
      const id = await idOf(h.fqdn);
      const page = await get<{ total: number }>(`/api/dashboard/hosts/${id}/clients?limit=1`);
      const detail = await get<{ facts: { distinctClients30d: number } }>(`/api/dashboard/hosts/${id}`);
      const audit = body.hosts.find((a) => a.host === h.fqdn.toLowerCase());
      expect(page.body.total, h.fqdn).toBeGreaterThan(0);
      expect({ audit: audit?.servedLast30d, facts: detail.body.facts.distinctClients30d }).toEqual({
        audit: page.body.total,
        facts: page.body.total,
      });
    }
    // The rogue host has no agent: its own log is unknown, only the clients reporting it are.
    const rogue = body.hosts.find((a) => a.host.startsWith("kms-rogue."));
    expect(rogue?.servedLast30d).toBeNull();
  });

  it("the rogue host shows up in the host audit as not approved, with its clients", async () => {
    const { body } = await get<{ hosts: { host: string; approved: boolean; clients: number }[] }>("/api/dashboard/audit");
    const rogue = body.hosts.find((h) => h.host.startsWith("kms-rogue.lab.truth-contoso.com"));
    expect(rogue).toMatchObject({ approved: false });
    expect(rogue!.clients).toBeGreaterThan(0);
  });
});
