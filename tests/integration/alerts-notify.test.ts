// Alert lifecycle and notifications end to end, with real receivers started here: a node:http webhook
// receiver that checks the HMAC signature and an in-process SMTP server as the mailbox. A cloned VDI image
// (the simulator's duplicate-cmid scenario) must raise its alerts and produce ONE grouped webhook call and
// ONE e-mail listing them; acknowledge and resolve must show in the alert's history.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes, randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { buildFleet } from "../../scripts/simulator/fleet";
import { simulate } from "../../scripts/simulator/engine";
import { pushFleet, type FetchLike } from "../../scripts/simulate-push";
import { verifyWebhook } from "../../lib/evaluate/notify/signature";
import { callApi, getJson, signIn, sql } from "./helpers";

type Hook = {
  headers: IncomingHttpHeaders;
  raw: string;
  body: {
    event: string;
    test?: boolean;
    transitions: { alertId: string; ruleId: string; state: string; from: string | null; subject: { fqdn: string } }[];
  };
};
type Alert = {
  id: string;
  ruleId: string;
  state: string;
  subject: { fqdn: string; machineId: string };
  cause: string;
  snoozedUntil: string | null;
};

const SECRET = randomBytes(24).toString("hex");
const TAG = randomUUID().slice(0, 4);
const hooks: Hook[] = [];
const mails: string[] = [];
let webhookServer: Server;
let smtp: SMTPServer;
let webhookUrl = "";
let smtpUrl = "";
let cookie = "";

/** A dashboard call with the session this file signed in with. */
const api = <T = Record<string, unknown>>(method: string, route: string, body?: unknown) => callApi<T>(method, route, cookie, body);

/** Undoes quoted-printable soft breaks and escapes, enough to search the mail text. */
const decodeQp = (s: string) =>
  s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

async function waitFor(what: string, check: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  webhookServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      hooks.push({ headers: req.headers, raw, body: JSON.parse(raw) as Hook["body"] });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => webhookServer.listen(0, "127.0.0.1", r));
  webhookUrl = `http://127.0.0.1:${(webhookServer.address() as AddressInfo).port}/kmswatch-hook`;

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push(Buffer.concat(chunks).toString("utf8"));
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  cookie = await signIn();
  // Start from a clean slate: alerts of machines other test files pushed are raised now, while no channel exists.
  expect((await api("POST", "/api/dashboard/alerts/evaluate")).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await new Promise((r) => webhookServer?.close(r));
  await new Promise((r) => smtp?.close(() => r(undefined)));
});

describe("alert lifecycle and notifications", () => {
  let channelIds: string[] = [];
  let vdiAlerts: Alert[] = [];

  it("configures a webhook and an e-mail channel, and a test message reaches the webhook signed", async () => {
    const webhook = await api<{ id: string; config: Record<string, string> }>("POST", "/api/dashboard/notifications/channels", {
      kind: "webhook",
      name: "SIEM",
      config: { url: webhookUrl, secret: SECRET },
    });
    expect(webhook.status).toBe(201);
    expect(JSON.stringify(webhook.body.config)).not.toContain(SECRET);
    const email = await api<{ id: string }>("POST", "/api/dashboard/notifications/channels", {
      kind: "email",
      name: "Ops mailbox",
      config: { to: ["kms-ops@contoso.example"], smtpUrl, from: "kmswatch@contoso.example" },
    });
    expect(email.status).toBe(201);
    channelIds = [webhook.body.id, email.body.id];

    const test = await api<{ status: string; attempts: number }>("POST", `/api/dashboard/notifications/channels/${webhook.body.id}/test`);
    expect(test.body).toMatchObject({ status: "sent", attempts: 1 });
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.body).toMatchObject({ event: "kmswatch.alerts", test: true });
    const first = hooks[0]!;
    const delivery = {
      rawBody: first.raw,
      timestamp: first.headers["x-kmswatch-timestamp"] as string,
      signature: first.headers["x-kmswatch-signature"] as string,
    };
    expect(verifyWebhook(SECRET, delivery, new Date())).toBe(true);
    expect(Number(hooks[0]!.headers["x-kmswatch-timestamp"])).toBeGreaterThan(0);
    hooks.length = 0;

    const viewer = await fetch(`${inject("baseUrl")}/api/dashboard/notifications/channels`);
    expect(viewer.status).toBe(401);
  });

  it("groups the alerts of a cloned image into one webhook call and one e-mail", async () => {
    const simulation = simulate(buildFleet({ hosts: 1, clients: 0, days: 26, seed: 4242, end: Date.now(), scenarios: ["duplicate-cmid"] }));
    // Unique machine names, so machines other test files pushed from the same scenario do not mask new alerts.
    const renaming: FetchLike = (url, init) => {
      if (!url.endsWith("/api/v1/enroll")) return fetch(url, init);
      const body = JSON.parse(init.body) as { hostname: string; fqdn: string };
      const renamed = { ...body, hostname: `${body.hostname}-${TAG}`, fqdn: body.fqdn.replace(/^([^.]+)/, `$1-${TAG}`) };
      return fetch(url, { ...init, body: JSON.stringify(renamed) });
    };
    const summary = await pushFleet({
      server: inject("baseUrl"),
      enrollSecret: inject("enrollSecret"),
      simulation,
      concurrency: 6,
      fetch: renaming,
    });
    expect(summary.rejected).toBe(0);

    const started = Date.now();
    const evaluated = await api<{ deliveries: number }>("POST", "/api/dashboard/alerts/evaluate");
    expect(evaluated.status).toBe(200);
    await waitFor("the webhook call and the e-mail", () => hooks.length >= 1 && mails.length >= 1);
    expect(Date.now() - started).toBeLessThan(60_000);

    const list = await getJson<{ alerts: Alert[] }>("/api/dashboard/alerts?limit=5000", { cookie });
    vdiAlerts = list.body.alerts.filter((a) => a.subject.fqdn.includes(`-${TAG}.vdi.`));
    expect(vdiAlerts.length).toBeGreaterThanOrEqual(40);
    expect(vdiAlerts.some((a) => a.ruleId === "host-count-stuck-duplicate-cmids")).toBe(true);
    expect(vdiAlerts.every((a) => a.state === "open" && a.cause.length > 0)).toBe(true);

    await new Promise((r) => setTimeout(r, 1_000)); // a stray second message would show up by now
    expect(hooks).toHaveLength(1);
    expect(mails).toHaveLength(1);
    const hook = hooks[0]!;
    expect(
      verifyWebhook(
        SECRET,
        {
          rawBody: hook.raw,
          timestamp: hook.headers["x-kmswatch-timestamp"] as string,
          signature: hook.headers["x-kmswatch-signature"] as string,
        },
        new Date(),
      ),
    ).toBe(true);
    const notified = new Set(hook.body.transitions.filter((t) => t.state === "open").map((t) => t.alertId));
    for (const alert of vdiAlerts) expect(notified, alert.subject.fqdn).toContain(alert.id);

    const mail = decodeQp(mails[0]!);
    expect(mail).toMatch(/Subject: kmswatch: \d+ alerts opened/);
    expect(mail).toContain("To: kms-ops@contoso.example");
    for (const alert of vdiAlerts) expect(mail).toContain(alert.subject.fqdn);

    const log = await getJson<{ deliveries: { channelId: string; status: string; attempts: number; alertIds: string[] }[] }>(
      "/api/dashboard/notifications/deliveries?limit=10",
      { cookie },
    );
    const grouped = log.body.deliveries.filter((d) => d.alertIds.length > 0);
    expect(grouped.map((d) => d.channelId).sort()).toEqual([...channelIds].sort());
    expect(grouped.every((d) => d.status === "sent" && d.attempts === 1)).toBe(true);
  });

  it("acknowledges, snoozes and resolves an alert and keeps its history", async () => {
    const alert = vdiAlerts.find((a) => a.ruleId === "host-count-stuck-duplicate-cmids")!;
    const ack = await api<Alert>("POST", `/api/dashboard/alerts/${alert.id}/acknowledge`, { note: "re-imaging the pool" });
    expect(ack.status).toBe(200);
    expect(ack.body.state).toBe("acknowledged");
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const snooze = await api<Alert>("POST", `/api/dashboard/alerts/${alert.id}/snooze`, { until });
    expect(snooze.body.snoozedUntil).toBe(until);
    expect((await api("POST", `/api/dashboard/alerts/${alert.id}/snooze`, { until: "2020-01-01T00:00:00Z" })).status).toBe(400);
    const resolved = await api<Alert>("POST", `/api/dashboard/alerts/${alert.id}/resolve`);
    expect(resolved.body.state).toBe("resolved");
    expect((await api("POST", `/api/dashboard/alerts/${alert.id}/acknowledge`)).status).toBe(400);

    const detail = await getJson<{ state: string; events: { from: string | null; to: string; actor: string; note: string | null }[] }>(
      `/api/dashboard/alerts/${alert.id}`,
      { cookie },
    );
    const admin = inject("admin").email;
    const events = detail.body.events;
    // Check-ins replayed in time order may have flipped it before; it starts opened and ends with our three actions.
    expect([events[0]!.from, events[0]!.to, events[0]!.actor]).toEqual([null, "open", "system"]);
    expect(events.slice(-3).map((e) => [e.from, e.to, e.actor])).toEqual([
      ["open", "acknowledged", admin],
      ["acknowledged", "acknowledged", admin],
      ["acknowledged", "resolved", admin],
    ]);
    expect(events.at(-3)?.note).toBe("re-imaging the pool");
    expect(events.at(-2)?.note).toContain("snoozed until");
    const rows = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM alert_event WHERE alert_id = $1`, [alert.id]);
    expect(Number(rows[0]!.n)).toBe(events.length);

    const open = await getJson<{ alerts: Alert[] }>("/api/dashboard/alerts?limit=5000", { cookie });
    expect(open.body.alerts.some((a) => a.id === alert.id)).toBe(false);
    const all = await getJson<{ alerts: Alert[] }>("/api/dashboard/alerts?state=resolved", { cookie });
    expect(all.body.alerts.find((a) => a.id === alert.id)?.state).toBe("resolved");
  });

  it("writes a channel's messages in its language, changed from the channel list", async () => {
    const emailId = channelIds[1]!;
    const changed = await api<{ locale: string }>("PATCH", `/api/dashboard/notifications/channels/${emailId}`, { locale: "fr" });
    expect(changed.status).toBe(200);
    expect(changed.body.locale).toBe("fr");
    expect((await api("PATCH", `/api/dashboard/notifications/channels/${emailId}`, { locale: "de" })).status).toBe(400);
    mails.length = 0;
    const test = await api<{ status: string }>("POST", `/api/dashboard/notifications/channels/${emailId}/test`);
    expect(test.body.status).toBe("sent");
    await waitFor("the French test e-mail", () => mails.length >= 1);
    const mail = decodeQp(mails[0]!);
    expect(mail).toContain("Subject: notification de test kmswatch");
    expect(mail).toContain("Notification de test");
    expect(mail).not.toContain("Test notification");
  });

  it("disables and deletes channels", async () => {
    const patched = await api<{ enabled: boolean }>("PATCH", `/api/dashboard/notifications/channels/${channelIds[0]}`, { enabled: false });
    expect(patched.body.enabled).toBe(false);
    for (const id of channelIds) expect((await api("DELETE", `/api/dashboard/notifications/channels/${id}`)).status).toBe(200);
    const left = await api<{ channels: { id: string }[] }>("GET", "/api/dashboard/notifications/channels");
    expect(left.body.channels.filter((c) => channelIds.includes(c.id))).toEqual([]);
  });
});
