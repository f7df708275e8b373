// Activation in 2026 (issue #16) through the real agent API and dashboard API: the activation-2026 simulator
// scenario is enrolled and ingested, then each part is read back as an admin sees it.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, inject } from "vitest";
import { pushActivation2026 } from "../../scripts/simulator/scenarios/pushActivation2026";
import { TPM_READY } from "../../scripts/simulator/scenarios/activation2026";
import { enrollMachine, envelope, getJson, post, signIn, sql } from "./helpers";

const domain = `act-${randomUUID().slice(0, 6)}.contoso.com`;
const fq = (h: string) => `${h.toLowerCase()}.${domain}`;
let cookie = "";
const idOf = async (hostname: string) => (await sql<{ id: string }>("SELECT id FROM machine WHERE fqdn = $1", [fq(hostname)]))[0]?.id ?? "";
const get = async <T>(route: string) => {
  const answer = await getJson<T>(route, { cookie });
  expect(answer.status).toBe(200);
  return answer.body;
};

type Verdict = { status: string; why: string; fix?: string | null };
type Finding = { ruleId: string; severity: string; fix: string; cause: string };
type Host = {
  hardwareSecured: { state: string; reasons?: string[]; mustChangeHardware?: boolean; why?: string };
  products: { product: { id: string } | null; clients: number; refusedNotCovered: number; verdict: Verdict | null }[];
  office: { clients: number };
  otherEvents: { eventId: number; level: string | null; message: string | null; rendered: boolean }[];
  osLicense: { kind: string }[];
  findings: Finding[];
};
type Fleet = {
  hardwareSecured: {
    mustChangeHardware: string[];
    hosts: { fqdn: string; readiness: { state: string } }[];
    byReason: { reason: string; fix: string; hosts: string[] }[];
  };
  coverage: {
    product: { id: string };
    status: string;
    severity: string | null;
    coveringHosts: string[];
    fixes: { fqdn: string; fix: string }[];
  }[];
  activation: { windows: Record<string, number>; office: Record<string, number> };
};
type ClientView = {
  windows: { activationType: string; coverage: (Verdict & { host: string }) | null; findings: Finding[] }[];
  office: { product: { id: string } | null; activationType: string; remainingAppRearmCount: number | null; coverage: Verdict | null }[];
};

beforeAll(async () => {
  cookie = await signIn();
  // First only the 2022 host and the Windows Server 2025 client it refuses: no host covers that product yet.
  await pushActivation2026(inject("baseUrl"), inject("enrollSecret"), domain, { only: (h) => h === "KMS22" || h === "WS25-NEW1" });
});

describe("host-key coverage", () => {
  it("calls a product no host covers critical, then covered once a WS2025 host reports", async () => {
    const before = await get<Fleet>("/api/dashboard/activation2026");
    const ws25 = before.coverage.find((c) => c.product.id === "windows-server-2025");
    expect(ws25).toMatchObject({ status: "not_covered", severity: "critical", coveringHosts: [] });
    expect(ws25?.fixes.find((f) => f.fqdn === fq("KMS22"))?.fix).toMatch(/Windows Server 2025 CSVLK.*KB5034765/);

    await pushActivation2026(inject("baseUrl"), inject("enrollSecret"), domain, { only: (h) => h !== "KMS22" && h !== "WS25-NEW1" });
    const after = await get<Fleet>("/api/dashboard/activation2026");
    expect(after.coverage.find((c) => c.product.id === "windows-server-2025")).toMatchObject({
      status: "covered",
      coveringHosts: [fq("KMS25A"), fq("KMS25B")],
    });
  });

  it("explains the 2022 host's 0xC004F042 refusals by its key and update level", async () => {
    const host = await get<Host>(`/api/dashboard/hosts/${await idOf("KMS22")}/activation2026`);
    const ws25 = host.products.find((p) => p.product?.id === "windows-server-2025");
    expect(ws25).toMatchObject({ clients: 1, refusedNotCovered: 1, verdict: { status: "not_covered" } });
    expect(ws25?.verdict?.fix).toMatch(/Windows Server 2025 CSVLK/);
    expect(ws25?.verdict?.fix).toMatch(/KB5034765/);
    expect(ws25?.verdict?.fix).not.toMatch(/KB5034768/);
    expect(host.findings[0]).toMatchObject({ ruleId: "host-key-does-not-cover", severity: "critical" });
    const client = await get<ClientView>(`/api/dashboard/clients/${await idOf("WS25-NEW1")}/activation2026`);
    expect(client.windows[0]?.coverage).toMatchObject({ host: fq("KMS22"), status: "not_covered" });
  });

  it("shows the WS2025 host covering Windows, Windows Server 2025 and Office LTSC 2024 (volume pack installed)", async () => {
    const host = await get<Host>(`/api/dashboard/hosts/${await idOf("KMS25A")}/activation2026`);
    const status = Object.fromEntries(host.products.map((p) => [p.product?.id ?? "?", p.verdict?.status]));
    expect(status).toEqual({ "windows-11": "covered", "office-ltsc-2024": "covered", "windows-server-2025": "covered" });
    expect(host.office.clients).toBe(6);
    expect(host.findings.map((f) => f.ruleId)).not.toContain("host-office-below-threshold");
    expect(host.osLicense.map((r) => r.kind)).toEqual(["oslicense:Get-KmsLicenseInfo"]);
  });
});

describe("hardware-secured readiness", () => {
  it("gives each host its state, and the fleet its count, list and fix per reason", async () => {
    const ready = await get<Host>(`/api/dashboard/hosts/${await idOf("KMS25A")}/activation2026`);
    expect(ready.hardwareSecured.state).toBe("ready");
    const notReady = await get<Host>(`/api/dashboard/hosts/${await idOf("KMS25B")}/activation2026`);
    expect(notReady.hardwareSecured).toMatchObject({ state: "not_ready", reasons: ["no_key_attestation"], mustChangeHardware: true });
    const finding = notReady.findings.find((f) => f.ruleId === "host-hardware-secured-not-ready");
    expect(finding?.severity).toBe("info");
    expect(finding?.fix).toMatch(/Key Attestation/);
    const fleet = await get<Fleet>("/api/dashboard/activation2026");
    const mine = fleet.hardwareSecured.hosts.filter((h) => h.fqdn.endsWith(domain));
    expect(Object.fromEntries(mine.map((h) => [h.fqdn, h.readiness.state]))).toEqual({
      [fq("KMS22")]: "not_ready",
      [fq("KMS25A")]: "ready",
      [fq("KMS25B")]: "not_ready",
    });
    expect(fleet.hardwareSecured.mustChangeHardware).toEqual(expect.arrayContaining([fq("KMS22"), fq("KMS25B")]));
    expect(fleet.hardwareSecured.byReason.find((r) => r.reason === "no_tpm")?.hosts).toContain(fq("KMS22"));
  });

  it("keeps Key Management Service log events of undocumented IDs with their text", async () => {
    const host = await get<Host>(`/api/dashboard/hosts/${await idOf("KMS25B")}/activation2026`);
    expect(host.otherEvents.map((e) => e.eventId).sort()).toEqual([12320, 12321]);
    expect(host.otherEvents.find((e) => e.eventId === 12320)).toMatchObject({ level: "Warning", rendered: true });
    expect(host.otherEvents.find((e) => e.eventId === 12320)?.message).toMatch(/hardware-based security/);
    expect(
      await sql("SELECT 1 FROM quarantined_artifact q JOIN machine m ON m.id = q.machine_id WHERE m.fqdn = $1", [fq("KMS25B")]),
    ).toEqual([]);
  });
});

describe("activation types and channel drift", () => {
  it.each([
    ["RETAIL-PC1", "retail", "client-retail-in-volume-fleet", /ipk <GVLK>/],
    ["ADB-SRV22", "adba", "client-ad-only-no-activation-object", /activation object/],
    ["KMSC-24H2", "kms", "client-kms-while-adba-covers", /act-type 1/],
    ["ADB-1", "adba", null, null],
  ] as const)("%s is activated by %s; first finding %s", async (hostname, type, ruleId, fix) => {
    const view = await get<ClientView>(`/api/dashboard/clients/${await idOf(hostname)}/activation2026`);
    expect(view.windows[0]?.activationType).toBe(type);
    expect(view.windows[0]?.findings[0]?.ruleId ?? null).toBe(ruleId);
    if (fix) expect(view.windows[0]?.findings[0]?.fix).toMatch(fix);
  });

  it("filters and counts machines by activation type", async () => {
    const adba = await get<{ total: number; rows: { fqdn: string }[] }>("/api/dashboard/activation2026/machines?type=adba&limit=1000");
    expect(
      adba.rows
        .map((r) => r.fqdn)
        .filter((f) => f.endsWith(domain))
        .sort(),
    ).toEqual(["ADB-1", "ADB-2", "ADB-3", "ADB-4", "ADB-SRV22"].map(fq));
    const fleet = await get<Fleet>("/api/dashboard/activation2026");
    expect(fleet.activation.windows.adba).toBe(adba.total);
    expect(fleet.activation.office.kms).toBeGreaterThanOrEqual(6);
    const bad = await getJson("/api/dashboard/activation2026/machines?type=subscription", { cookie });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "invalid_request" } } });
  });
});

describe("Office products", () => {
  it("are listed apart from Windows with their own status and coverage", async () => {
    const view = await get<ClientView>(`/api/dashboard/clients/${await idOf("OFF24-01")}/activation2026`);
    expect(view.windows).toHaveLength(1);
    expect(view.office).toEqual([
      expect.objectContaining({
        product: expect.objectContaining({ id: "office-ltsc-2024" }),
        activationType: "kms",
        remainingAppRearmCount: 5,
        coverage: expect.objectContaining({ status: "covered" }),
      }),
    ]);
  });
});

describe("new artifacts", () => {
  it("refuse a bad TPM or OSLicense shape with a 400, and keep the newest report", async () => {
    const agent = await enrollMachine("TPM");
    const tpm = TPM_READY;
    expect(await post("/api/v1/ingest", envelope([{ ...tpm, present: "yes" }]), agent.token)).toMatchObject({
      status: 400,
      body: { error: { code: "invalid_request" } },
    });
    const invoke = { type: "oslicense", cmdlet: "Invoke-OSLicense", output: [], error: null };
    expect((await post("/api/v1/ingest", envelope([invoke]), agent.token)).status).toBe(400);
    expect((await post("/api/v1/ingest", envelope([tpm], "2026-12-01T10:00:00Z"), agent.token)).body).toMatchObject({
      accepted: 1,
      rejected: [],
    });
    await post("/api/v1/ingest", envelope([{ ...tpm, keyAttestation: false }], "2026-12-01T09:00:00Z"), agent.token);
    const rows = await sql<{ body: { keyAttestation: boolean } }>(
      "SELECT r.body FROM machine_report r JOIN machine m ON m.id = r.machine_id WHERE m.fqdn = $1 AND r.kind = 'tpm'",
      [agent.fqdn],
    );
    expect(rows.map((r) => r.body.keyAttestation)).toEqual([true]);
  });
});
