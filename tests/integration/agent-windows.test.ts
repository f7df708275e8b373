// The real Windows agent (agents/windows/kmswatch-agent.ps1, in pwsh) against the real server and
// database: Windows commands are stand-ins replaying captured artifacts (tests/support/powershell).
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { kmsReadinessWarning, kmsRequestEvent, psMachine, startWindowsAgent, type PsMachine } from "../../agents/windows/testing.ts";
import { countFor, getJson, signIn, sql } from "./helpers";

type Finding = { ruleId: string; severity: string };
let cookie = "";
const secret = () => ({ EnrollSecret: inject("enrollSecret") });
const run = (m: PsMachine, args: Record<string, string | number | boolean> = {}, options = {}) =>
  startWindowsAgent(m, { ServerUrl: inject("baseUrl"), ...args }, options);
const machineId = async (fqdn: string) => (await sql<{ id: string }>("SELECT id FROM machine WHERE fqdn = $1", [fqdn]))[0]?.id;
const spooled = (m: PsMachine) => readdirSync(path.join(m.stateDir, "spool")).filter((n) => n.endsWith(".json"));
const reports = (fqdn: string) =>
  sql<{ kind: string; body: Record<string, unknown>; error: string | null }>(
    "SELECT r.kind, r.body, r.error FROM machine_report r JOIN machine m ON m.id = r.machine_id WHERE m.fqdn = $1 ORDER BY r.kind",
    [fqdn],
  );

beforeAll(async () => {
  cookie = await signIn();
});

describe("Windows agent, end to end", () => {
  it("enrolls a KMS host and sends CIM, /dlv, the whole KMS log, TPM and OSLicense; the dashboard shows host, clients, events, findings", async () => {
    const host = psMachine("host-kms01", "pshost");
    writeFileSync(
      path.join(host.captureDir, "recent.xml"),
      kmsRequestEvent(990000, "WS-RECENT-01.corp.contoso.com", new Date(Date.now() - 3_600_000)) + kmsReadinessWarning(990001),
    );
    const first = await run(host, secret(), { withTpm: true, withOSLicense: true });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/enrolled as .*run summary: 10 new event\(s\)/s);
    const id = await machineId(host.fqdn);
    expect(id).toBeTruthy();

    const detail = await getJson<{ host: Record<string, unknown>; findings: Finding[] }>(`/api/dashboard/hosts/${id}`, { cookie });
    expect(detail.status).toBe(200);
    expect(Array.isArray(detail.body.findings)).toBe(true);
    const clients = await getJson<{ clients: unknown[] }>(`/api/dashboard/hosts/${id}/clients`, { cookie });
    expect(clients.status).toBe(200);
    expect(JSON.stringify(clients.body)).toMatch(/ws-recent-01/i);
    const events = await getJson(`/api/dashboard/hosts/${id}/events`, { cookie });
    expect(events.status).toBe(200);
    expect(JSON.stringify(events.body)).toMatch(/12290/);

    // Sent = stored: the 8 captured 12290 events (present twice in the capture), a recent one, the readiness warning.
    const stored = await sql<{ event_id: number }>(
      "SELECT e.event_id FROM activation_event e JOIN machine m ON m.id = e.machine_id WHERE m.fqdn = $1",
      [host.fqdn],
    );
    expect(stored.length).toBe(10);
    expect(stored.map((e) => e.event_id)).toContain(12352);
    // The TPM facts and the OSLicense output are stored as the host's latest reports, none quarantined.
    expect(await countFor("quarantined_artifact", host.fqdn)).toBe(0);
    const r = await reports(host.fqdn);
    expect(r.map((a) => a.kind)).toEqual([
      "oslicense:Get-ADLicenseInfo",
      "oslicense:Get-KmsLicenseInfo",
      "oslicense:Get-OSLicenseInfo",
      "tpm",
    ]);
    expect(r[3]).toEqual({
      kind: "tpm",
      body: { present: true, enabled: true, activated: true, specVersion: "2.0, 0, 1.59", keyAttestation: true, source: "Get-Tpm" },
      error: null,
    });
    expect(r[0]).toMatchObject({ body: { output: [] }, error: expect.stringMatching(/No Active Directory/) });

    // A second run: no event twice (bookmarks), one more check-in.
    const second = await run(host);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(/run summary: 0 new event\(s\)/);
    expect(await countFor("activation_event", host.fqdn)).toBe(10);
    expect(await countFor("agent", host.fqdn)).toBe(1);
  }, 180_000);

  // VBScript (slmgr.vbs) is being removed from Windows: CIM alone must diagnose exactly as well.
  it.each([
    ["client-ws-lab-0007", "clients"],
    ["client-ws-fin-0142", "clients"],
    ["host-kms01", "hosts"],
  ])(
    "diagnoses %s sent without /dlv (no VBScript, or slmgr failing) exactly as with it",
    async (capture, kind) => {
      const findingsOf = async (options: object) => {
        const m = psMachine(capture, "psdlv");
        const result = await run(m, secret(), options);
        expect(result.code, result.stdout + result.stderr).toBe(0);
        const detail = await getJson<{ findings: Finding[] }>(`/api/dashboard/${kind}/${await machineId(m.fqdn)}`, { cookie });
        expect(detail.status).toBe(200);
        return { findings: detail.body.findings.map((f) => `${f.ruleId}/${f.severity}`).sort(), log: result.stdout };
      };
      const withDlv = await findingsOf({});
      const noVbs = await findingsOf({ noVbs: true });
      expect(noVbs.log).toMatch(/slmgr\.vbs missing.*CIM only/);
      expect(noVbs.findings).toEqual(withDlv.findings);
      if (capture === "client-ws-lab-0007") {
        expect(withDlv.findings.length).toBeGreaterThan(0);
        expect((await findingsOf({ dlvExitCode: 1 })).findings).toEqual(withDlv.findings);
      }
    },
    180_000,
  );

  it("re-enrolls with the saved secret when its token is revoked, and stops with exit 2 without it", async () => {
    const m = psMachine("client-ws-fin-0142", "psrev");
    expect((await run(m, secret())).code).toBe(0);
    await sql("UPDATE agent SET revoked_at = now() WHERE machine_id = (SELECT id FROM machine WHERE fqdn = $1)", [m.fqdn]);
    const refused = await run(m);
    expect(refused.code, refused.stdout + refused.stderr).toBe(2);
    expect(refused.stdout).toContain("token revoked or unknown; run with -EnrollSecret to enroll again");
    expect(spooled(m)).toHaveLength(1);
    // install.ps1 leaves the secret in enroll-secret.txt: the agent uses it by itself.
    writeFileSync(path.join(m.stateDir, "enroll-secret.txt"), inject("enrollSecret"));
    const again = await run(m);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toMatch(/enrolling again[\s\S]*enrolled as/);
    expect(spooled(m)).toEqual([]);
    expect(await countFor("activation_event", m.fqdn)).toBe(2);
  }, 180_000);
});
