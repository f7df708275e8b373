// The "intended channels" setting (MAK by intent), through the real API: admins only, validated, audited, and what it
// changes in a MAK machine's findings (no GVLK advice; a finding only when its own activation fails).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callApi as call, enrollMachine, envelope, fixture, getJson, post, signIn, sql } from "./helpers";

type Entry = { id: string; channel: string; machinePattern: string | null; domain: string | null; description: string };
type Finding = { ruleId: string; severity: string; cause: string; fix: string };
const route = "/api/dashboard/settings/intended-channels";
const password = "a-good-password-1";

async function findingsOf(fqdn: string, cookie: string): Promise<Finding[]> {
  const [row] = await sql<{ id: string }>("SELECT id FROM machine WHERE fqdn = $1", [fqdn]);
  const { body } = await getJson<{ findings: Finding[] }>(`/api/dashboard/clients/${row!.id}`, { cookie });
  return body.findings;
}

/** A MAK machine's /dlv, licensed or out of activations (Notification, 0xC004C008). */
function makDlv(state: "licensed" | "exhausted"): string {
  const text = fixture("dlv", "client-mak-licensed.en-US.txt");
  return state === "licensed"
    ? text
    : text.replace("License Status: Licensed", "License Status: Notification\nNotification Reason: 0xC004C008.");
}

async function report(prefix: string, dlv: string) {
  const m = await enrollMachine(prefix);
  expect((await post("/api/v1/ingest", envelope([{ type: "dlv", text: dlv }]), m.token)).status).toBe(200);
  return m;
}

describe("intended channels API", () => {
  it("is for admins only, validates with the JSON error shape, and audits each change", async () => {
    const admin = await signIn();
    const viewerEmail = `viewer-${randomUUID().slice(0, 8)}@integration.kmswatch.example`;
    await call("POST", "/api/dashboard/users", admin, { email: viewerEmail, name: "v", role: "viewer", password });
    const viewer = await signIn({ email: viewerEmail, password });
    expect((await getJson(route, { cookie: viewer })).status).toBe(403);
    expect((await call("POST", route, viewer, { channel: "MAK" })).status).toBe(403);

    const bad = await call("POST", route, admin, { channel: "GVLK", machinePattern: "LT-*; DROP TABLE" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: "invalid_request" } });

    const pattern = `API-${randomUUID().slice(0, 6)}-*`;
    const created = await call<Entry>("POST", route, admin, { channel: "MAK", machinePattern: pattern, note: "laptops" });
    expect(created.status).toBe(201);
    expect(created.body.description).toBe(`MAK intended for machines ${pattern}`);
    expect((await call<Entry>("POST", route, admin, { channel: "MAK", machinePattern: pattern })).status).toBe(200);
    const listed = await getJson<{ entries: Entry[] }>(route, { cookie: admin });
    expect(listed.body.entries.filter((e) => e.machinePattern === pattern)).toHaveLength(1);

    expect((await call("DELETE", `${route}?id=${created.body.id}`, admin)).status).toBe(200);
    expect((await call("DELETE", `${route}?id=${created.body.id}`, admin)).status).toBe(404);
    const audit = await sql<{ action: string; actor_email: string }>(
      "SELECT action, actor_email FROM audit_log WHERE target_id = $1 ORDER BY at",
      [created.body.id],
    );
    expect(audit.map((a) => a.action)).toEqual(["channel.intend", "channel.unintend"]);
  });
});

describe("MAK by intent: what the findings say", () => {
  it("no GVLK advice for an intended MAK machine; a MAK out of activations gets its own finding, never the GVLK", async () => {
    const admin = await signIn();
    const prefix = `TT-MAKI${randomUUID().slice(0, 4)}`.toUpperCase();
    const other = await report("TT-MAKX", makDlv("licensed"));
    const intended = await report(prefix, makDlv("licensed"));
    const exhausted = await report(prefix, makDlv("exhausted"));
    // Before the setting: the GVLK advice, as for any MAK machine.
    expect((await findingsOf(intended.fqdn, admin)).map((f) => f.ruleId)).toContain("client-not-gvlk");

    const entry = await call<Entry>("POST", route, admin, { channel: "MAK", machinePattern: `${prefix}-*` });
    expect(entry.status).toBe(201);
    try {
      const quiet = await findingsOf(intended.fqdn, admin);
      expect(quiet.map((f) => f.ruleId)).toEqual([]);
      const failing = await findingsOf(exhausted.fqdn, admin);
      expect(failing[0]?.ruleId, failing.map((f) => f.ruleId).join(", ")).toBe("client-intended-key-failing");
      expect(failing[0]?.severity).toBe("critical");
      expect(failing[0]?.cause).toContain("0xC004C008");
      expect(failing[0]?.fix).toContain("slmgr.vbs /ipk <MAK>");
      for (const f of failing) expect(`${f.cause} ${f.fix}`).not.toContain("GVLK");
      // A MAK machine outside the group is still told about the GVLK.
      expect((await findingsOf(other.fqdn, admin)).map((f) => f.ruleId)).toContain("client-not-gvlk");
    } finally {
      await call("DELETE", `${route}?id=${entry.body.id}`, admin);
    }
  });
});
