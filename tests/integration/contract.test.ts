// The dashboard API's contract (issue #19): every GET answer, and the answer of each mutation the pages send,
// parsed with the zod schema its hook parses with, against the built server and a simulated fleet. A read
// function drifting from its schema fails here, not as a blank page.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, inject } from "vitest";
import type { z } from "zod";
import { pushActivation2026 } from "../../scripts/simulator/scenarios/pushActivation2026";
import * as admin from "../../lib/access/contract/admin";
import * as alerts from "../../lib/evaluate/contract/alerts";
import * as settings from "../../lib/evaluate/contract/settings";
import * as hosts from "../../lib/read/contract/hosts";
import * as clients from "../../lib/read/contract/clients";
import * as fleet from "../../lib/read/contract/fleet";
import * as activation from "../../lib/read/contract/activation2026";
import { callApi, pushSimulatedFleet, signIn, sql } from "./helpers";

let cookie = "";
/** The simulated fleet's own domain: the alerts and agents this file changes are its own, never another file's. */
const DOMAIN = "contract-contoso.com";
const OWN = `%.${DOMAIN}`;
const ids = { host: "", client: "", alert: "", raw: "" };

/** The answer of `method route`, parsed with `schema`: fails naming the route and the first mismatching field. */
async function answer<S extends z.ZodType>(schema: S, route: string, method = "GET", body?: unknown, status = 200): Promise<z.output<S>> {
  const { status: got, body: json } = await callApi<unknown>(method, route, cookie, body);
  expect(got, `${method} ${route}: ${JSON.stringify(json).slice(0, 300)}`).toBe(status);
  const parsed = schema.safeParse(json);
  const issues = parsed.success ? [] : parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`);
  expect(issues, `${method} ${route} drifted from its schema`).toEqual([]);
  return parsed.data as z.output<S>;
}

beforeAll(async () => {
  await pushSimulatedFleet(
    { hosts: 2, clients: 60, days: 20, seed: 21, scenarios: ["healthy", "duplicate-cmid", "low-count", "mak-clients"] },
    DOMAIN,
  );
  // The 2026 machines (TPM reports, host keys, Office) fill the activation views; a domain of their own. Not the
  // Windows Server 2025 hosts: activation-2026.test.ts expects no host in the database to cover that product before
  // it pushes its own.
  await pushActivation2026(inject("baseUrl"), inject("enrollSecret"), `contract-${randomUUID().slice(0, 6)}.contoso.com`, {
    only: (hostname) => !hostname.startsWith("KMS25"),
  });
  cookie = await signIn();
  await answer(alerts.evaluateResultSchema, "/api/dashboard/alerts/evaluate", "POST");
  // A host with requests (12290) and a client with snapshots: their lists below must not be empty.
  const [host] = await sql<{ id: string }>(
    `SELECT m.id FROM machine m WHERE m.role = 'kms_host' AND m.fqdn LIKE $1
        AND EXISTS (SELECT 1 FROM activation_event e WHERE e.machine_id = m.id AND e.event_id = 12290) ORDER BY m.fqdn LIMIT 1`,
    [OWN],
  );
  const [client] = await sql<{ id: string }>(
    "SELECT m.id FROM machine m JOIN snapshot s ON s.machine_id = m.id WHERE m.role = 'client' AND m.fqdn LIKE $1 ORDER BY m.fqdn LIMIT 1",
    [OWN],
  );
  const [alert] = await sql<{ id: string }>(
    "SELECT a.id FROM alert a JOIN machine m ON m.id = a.machine_id WHERE a.state = 'open' AND m.fqdn LIKE $1 ORDER BY a.first_seen_at LIMIT 1",
    [OWN],
  );
  const [raw] = await sql<{ id: string }>("SELECT raw_artifact_id AS id FROM snapshot WHERE source = 'dlv' LIMIT 1");
  Object.assign(ids, { host: host?.id, client: client?.id, alert: alert?.id, raw: raw?.id });
}, 300_000);

describe("dashboard API answers match their schemas", () => {
  it("found a host, a client, an open alert and a raw artifact to read", () => {
    for (const id of Object.values(ids)) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("the fleet views", async () => {
    expect((await answer(fleet.fleetOverviewSchema, "/api/dashboard/overview")).hostTrends.length).toBeGreaterThan(0);
    expect((await answer(fleet.duplicateCmidsSchema, "/api/dashboard/duplicate-cmids")).groups.length).toBeGreaterThan(0);
    expect((await answer(fleet.alertListSchema, "/api/dashboard/alerts?state=all")).alerts.length).toBeGreaterThan(0);
    expect((await answer(fleet.hostAuditSchema, "/api/dashboard/audit")).hosts.length).toBeGreaterThan(0);
    expect((await answer(fleet.hostForensicsSchema, "/api/dashboard/audit/forensics")).hosts.length).toBeGreaterThan(0);
    expect((await answer(hosts.hostListSchema, "/api/dashboard/hosts")).hosts.length).toBeGreaterThan(0);
    expect((await answer(clients.clientListSchema, "/api/dashboard/clients?pageSize=200")).rows.length).toBeGreaterThan(0);
    expect(
      (await answer(activation.fleetActivation2026Schema, "/api/dashboard/activation2026")).hardwareSecured.hosts.length,
    ).toBeGreaterThan(0);
    expect(
      (await answer(activation.activationTypeListSchema, "/api/dashboard/activation2026/machines?type=kms")).rows.length,
    ).toBeGreaterThan(0);
  });

  it("one KMS host", async () => {
    const base = `/api/dashboard/hosts/${ids.host}`;
    expect((await answer(hosts.hostDetailSchema, base)).host.id).toBe(ids.host);
    expect((await answer(hosts.hostEventsSchema, `${base}/events`)).requests.length).toBeGreaterThan(0);
    expect((await answer(hosts.hostClientsSchema, `${base}/clients`)).clients.length).toBeGreaterThan(0);
    for (const range of ["7d", "30d", "90d"])
      expect((await answer(hosts.hostCountTrendSchema, `${base}/trend?range=${range}`)).range).toBe(range);
    expect((await answer(activation.hostActivation2026Schema, `${base}/activation2026`)).machineId).toBe(ids.host);
  });

  it("the 2026 views of every KMS host and of every machine with products", async () => {
    const machines = await sql<{ id: string; role: string }>(
      "SELECT DISTINCT m.id, m.role::text AS role FROM machine m JOIN snapshot s ON s.machine_id = m.id ORDER BY m.id LIMIT 400",
    );
    for (const m of machines) {
      await answer(activation.clientActivation2026Schema, `/api/dashboard/clients/${m.id}/activation2026`);
      if (m.role === "kms_host") await answer(activation.hostActivation2026Schema, `/api/dashboard/hosts/${m.id}/activation2026`);
    }
  });

  it("one client and a raw artifact", async () => {
    const base = `/api/dashboard/clients/${ids.client}`;
    expect((await answer(clients.clientDetailSchema, base)).machine.id).toBe(ids.client);
    expect((await answer(clients.clientEpidsSchema, `${base}/epid`)).client).not.toBe("");
    expect((await answer(clients.rawArtifactSchema, `/api/dashboard/raw/${ids.raw}`)).id).toBe(ids.raw);
  });

  it("the signed-in user and the admin pages", async () => {
    expect((await answer(admin.meResponseSchema, "/api/dashboard/me")).user.role).toBe("admin");
    expect((await answer(admin.userListSchema, "/api/dashboard/users")).users.length).toBeGreaterThan(0);
    expect((await answer(admin.agentListSchema, "/api/dashboard/agents")).agents.length).toBeGreaterThan(0);
    await answer(admin.enrollSecretListSchema, "/api/dashboard/enroll-secrets");
    await answer(admin.auditLogPageSchema, "/api/dashboard/audit-log");
    await answer(settings.intendedChannelListSchema, "/api/dashboard/settings/intended-channels");
    await answer(settings.channelListSchema, "/api/dashboard/notifications/channels");
    await answer(settings.deliveryListSchema, "/api/dashboard/notifications/deliveries");
  });

  it("an alert and the actions on alerts", async () => {
    const base = `/api/dashboard/alerts/${ids.alert}`;
    expect((await answer(alerts.alertDetailSchema, base)).id).toBe(ids.alert);
    const acknowledged = await answer(alerts.alertDetailSchema, `${base}/acknowledge`, "POST", { note: "contract test" });
    expect(acknowledged.state).toBe("acknowledged");
    const bulk = await answer(alerts.bulkActionResultSchema, "/api/dashboard/alerts/bulk", "POST", {
      ids: [ids.alert],
      action: "acknowledge",
    });
    expect(bulk.applied + bulk.skipped.length).toBe(1);
  });

  it("the settings and admin mutations", async () => {
    const approved = await answer(
      admin.approvedHostSchema,
      "/api/dashboard/audit/approved",
      "POST",
      { host: "contract-kms.example.com" },
      201,
    );
    await answer(admin.removedSchema, `/api/dashboard/audit/approved?host=${approved.host}`, "DELETE");

    const intended = "/api/dashboard/settings/intended-channels";
    const entry = await answer(settings.intendedChannelViewSchema, intended, "POST", { channel: "MAK", machinePattern: "CONTRACT-*" }, 201);
    await answer(admin.removedSchema, `${intended}?id=${entry.id}`, "DELETE");

    const channels = "/api/dashboard/notifications/channels";
    // Disabled, so no other test's evaluation notifies it; port 9 (discard) on the loopback: the test message
    // fails at once, and the attempt is still answered.
    const config = { url: "http://127.0.0.1:9/hook", secret: "contract-test-secret" };
    const channel = await answer(
      settings.channelViewSchema,
      channels,
      "POST",
      { kind: "webhook", name: "contract", config, enabled: false },
      201,
    );
    await answer(settings.channelViewSchema, `${channels}/${channel.id}`, "PATCH", { name: "contract (renamed)" });
    await answer(settings.channelTestResultSchema, `${channels}/${channel.id}/test`, "POST");
    await answer(admin.deletedSchema, `${channels}/${channel.id}`, "DELETE");

    const credentials = { email: `contract-${randomUUID().slice(0, 8)}@example.com`, password: "contract-password" };
    const user = await answer(
      admin.userViewSchema,
      "/api/dashboard/users",
      "POST",
      { ...credentials, name: "Contract", role: "viewer" },
      201,
    );
    // The language is the new user's own (the seeded admin's stays as the other tests expect it).
    const own = await callApi<unknown>("PATCH", "/api/dashboard/me/locale", await signIn(credentials), { locale: "fr" });
    expect(admin.localeResponseSchema.parse(own.body)).toEqual({ locale: "fr" });
    await answer(admin.userViewSchema, `/api/dashboard/users/${user.id}`, "PATCH", { role: "admin" });
    await answer(admin.passwordResetSchema, `/api/dashboard/users/${user.id}/password`, "POST", { password: "another-password" });
    await answer(admin.deletedSchema, `/api/dashboard/users/${user.id}`, "DELETE");

    const [agent] = await sql<{ id: string }>(
      "SELECT a.id FROM agent a JOIN machine m ON m.id = a.machine_id WHERE a.revoked_at IS NULL AND m.fqdn LIKE $1 LIMIT 1",
      [OWN],
    );
    const rotated = await answer(admin.rotatedAgentSchema, `/api/dashboard/agents/${agent?.id}/rotate`, "POST", undefined, 201);
    await answer(admin.revokedAgentSchema, `/api/dashboard/agents/${rotated.agentId}/revoke`, "POST");
  });
});
