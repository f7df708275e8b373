// Issue #17 items 7 and 11. Agent identities are bound: the enroll secret (on every client) does not let one machine
// become another; only the installation that enrolled a machine (its installation key) re-enrolls it while its
// agent is active, and after an admin revokes that agent the machine enrolls afresh. Webhook deliveries are signed
// over "timestamp.body", so a captured delivery cannot be replayed later.
import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, inject, it } from "vitest";
import { verifyWebhook } from "../../lib/evaluate/notify/signature";
import { callApi, enrollMachine, envelope, fixture, post, signIn, sql } from "./helpers";

const enroll = (fqdn: string, extra: Record<string, string> = {}) =>
  post<{ token: string; agentId: string; error?: { code: string; path: string } }>("/api/v1/enroll", {
    enrollSecret: inject("enrollSecret"),
    hostname: "attacker",
    fqdn,
    ...extra,
  });
const ingest = (token: string) =>
  post("/api/v1/ingest", envelope([{ type: "dlv", text: fixture("dlv", "client-kms-licensed-dns.en-US.txt") }]), token);

describe("7. bound agent identities", () => {
  it("refuses an enrollment that claims a machine with an active agent and keeps the machine's record", async () => {
    const victim = await enrollMachine("KMS-A");
    for (const attempt of [{}, { installationKey: `stolen-guess-${randomUUID()}` }] as Record<string, string>[]) {
      const takeover = await enroll(victim.fqdn.toUpperCase(), attempt);
      expect(takeover.status).toBe(409);
      expect(takeover.body.error).toMatchObject({ code: "conflict", path: "fqdn" });
      expect(takeover.body.token).toBeUndefined();
    }
    const machine = await sql<{ hostname: string; agents: number }>(
      `SELECT m.hostname, (SELECT count(*)::int FROM agent a WHERE a.machine_id = m.id) AS agents FROM machine m WHERE m.fqdn = $1`,
      [victim.fqdn],
    );
    expect(machine).toEqual([{ hostname: expect.stringMatching(/^KMS-A-/), agents: 1 }]);
    expect((await ingest(victim.token)).status).toBe(200);
  });

  it("lets the same installation enroll again (its old token retires) and any installation after an admin revokes the agent", async () => {
    const machine = await enrollMachine("KMS-B");
    const again = await enroll(machine.fqdn, { installationKey: machine.installationKey });
    expect(again.status).toBe(201);
    expect((await ingest(machine.token)).status).toBe(401);
    expect((await ingest(again.body.token)).status).toBe(200);

    // Reinstalled machine (new installation key): refused until the admin revokes the active agent, then enrolled.
    const reinstalled = { installationKey: `new-install-${randomUUID()}` };
    expect((await enroll(machine.fqdn, reinstalled)).status).toBe(409);
    const admin = await signIn();
    expect((await callApi("POST", `/api/dashboard/agents/${again.body.agentId}/revoke`, admin)).status).toBe(200);
    const fresh = await enroll(machine.fqdn, reinstalled);
    expect(fresh.status).toBe(201);
    expect((await ingest(fresh.body.token)).status).toBe(200);
    // And the binding moved with it: the previous installation's key no longer takes the machine.
    expect((await enroll(machine.fqdn, { installationKey: machine.installationKey })).status).toBe(409);
  });

  it("still enrolls a machine never seen before, with or without an installation key", async () => {
    expect((await enroll(`new-${randomUUID().slice(0, 8)}.corp.contoso.com`)).status).toBe(201);
    expect((await enroll(`new-${randomUUID().slice(0, 8)}.corp.contoso.com`, { installationKey: `k-${randomUUID()}` })).status).toBe(201);
    const short = await enroll(`new-${randomUUID().slice(0, 8)}.corp.contoso.com`, { installationKey: "short" });
    expect(short).toMatchObject({ status: 400, body: { error: { path: "installationKey" } } });
  });
});

describe("11. webhook signatures cover the timestamp", () => {
  const secret = `webhook-secret-${randomUUID()}`;
  const received: { headers: IncomingHttpHeaders; raw: string }[] = [];
  let server: Server | undefined;
  afterAll(() => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))));

  it("signs HMAC(timestamp.body): the delivery verifies now, not ten minutes later, and not with the body alone", async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const admin = await signIn();
    const channel = await callApi<{ id: string }>("POST", "/api/dashboard/notifications/channels", admin, {
      kind: "webhook",
      name: `replay-${randomUUID().slice(0, 6)}`,
      config: { url, secret },
    });
    expect(channel.status).toBe(201);
    expect((await callApi("POST", `/api/dashboard/notifications/channels/${channel.body.id}/test`, admin)).status).toBe(200);
    await callApi("DELETE", `/api/dashboard/notifications/channels/${channel.body.id}`, admin);
    expect(received).toHaveLength(1);
    const [hook] = received;
    const timestamp = String(hook?.headers["x-kmswatch-timestamp"]);
    const signature = String(hook?.headers["x-kmswatch-signature"]);
    const rawBody = hook?.raw ?? "";
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(signature).toBe(`sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`);
    expect(signature).not.toBe(`sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`);
    expect(verifyWebhook(secret, { timestamp, rawBody, signature }, new Date())).toBe(true);
    const later = new Date(Date.now() + 10 * 60_000);
    expect(verifyWebhook(secret, { timestamp, rawBody, signature }, later)).toBe(false);
    const refreshed = String(Math.floor(later.getTime() / 1000));
    expect(verifyWebhook(secret, { timestamp: refreshed, rawBody, signature }, later)).toBe(false);
  });
});
