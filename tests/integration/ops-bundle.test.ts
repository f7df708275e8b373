// Support bundles: a host and a client that ingested the shared fixtures get a zip holding their raw
// /dlv and event XML byte for byte, plus summary, findings and README.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { unzip } from "../support/unzip";
import { enrollMachine, envelope, fixture, post, SHARED_FIXTURES, signIn, sqlOne } from "./helpers";

const raw = (...parts: string[]) => readFileSync(path.join(SHARED_FIXTURES, ...parts));
const MULTI = "host-kms01-keymanagementservice-log.multi.xml";
// The fixtures are from May 2024: a window reaching back to them (and a little before).
const ALL_DAYS = Math.ceil((Date.now() - Date.parse("2024-05-01T00:00:00Z")) / 86_400_000);

let cookie = "";
let hostId = "";
let clientId = "";

async function machineId(fqdn: string): Promise<string> {
  const row = await sqlOne<{ id: string }>("SELECT id FROM machine WHERE fqdn = $1", [fqdn]);
  return row.id;
}

async function download(route: string, withCookie = true) {
  const response = await fetch(`${inject("baseUrl")}${route}`, { headers: withCookie ? { cookie } : {} });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

beforeAll(async () => {
  cookie = await signIn();
  const host = await enrollMachine("KMSBUNDLE");
  const hostAnswer = await post(
    "/api/v1/ingest",
    envelope([
      { type: "dlv", text: fixture("dlv", "kms-host-healthy.en-US.txt") },
      { type: "events", log: "Key Management Service", xml: fixture("events", MULTI) },
      { type: "events", log: "Application", xml: fixture("events", "host-12293-dns-publish-failure.xml") },
    ]),
    host.token,
  );
  expect(hostAnswer.status).toBe(200);
  hostId = await machineId(host.fqdn);

  const client = await enrollMachine("WSBUNDLE");
  const clientAnswer = await post(
    "/api/v1/ingest",
    envelope([
      { type: "dlv", text: fixture("dlv", "client-kms-licensed-dns.en-US.txt") },
      {
        type: "events",
        log: "Application",
        xml: fixture("events", "client-12288-success.xml") + fixture("events", "client-12289-success.xml"),
      },
    ]),
    client.token,
  );
  expect(clientAnswer.status).toBe(200);
  clientId = await machineId(client.fqdn);
});

describe("support bundle", () => {
  it("of a KMS host holds /dlv and the KMS event logs byte for byte", async () => {
    const { response, bytes } = await download(`/api/dashboard/bundle/host/${hostId}.zip?days=${ALL_DAYS}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="kmswatch-support-kmsbundle-[a-z0-9]+-\d{4}-\d{2}-\d{2}\.zip"$/i,
    );
    const files = await unzip(bytes);
    expect([...files.keys()].sort()).toEqual([
      "README.txt",
      "alerts.json",
      "dlv-latest.txt",
      "events/application.xml",
      "events/key-management-service.xml",
      "summary.json",
    ]);
    expect(files.get("dlv-latest.txt")!.equals(raw("dlv", "kms-host-healthy.en-US.txt"))).toBe(true);
    expect(files.get("events/key-management-service.xml")!.equals(raw("events", MULTI))).toBe(true);
    expect(files.get("events/application.xml")!.equals(raw("events", "host-12293-dns-publish-failure.xml"))).toBe(true);

    const readme = files.get("README.txt")!.toString("utf8");
    expect(readme).toContain("Microsoft support");
    expect(readme).toContain("slmgr.vbs /dlv");

    const summary = JSON.parse(files.get("summary.json")!.toString("utf8"));
    expect(summary.machine).toMatchObject({ id: hostId, role: "kms_host" });
    expect(summary.window.days).toBe(ALL_DAYS);
    expect(JSON.stringify(summary)).not.toMatch(/token/i);
    const windows = summary.latestState.find((p: { parsed: { isKmsHost?: boolean } }) => p.parsed.isKmsHost);
    // Columns, the jsonb SQL reads and the packed fields together give the whole product back.
    expect(windows.parsed).toMatchObject({
      currentCount: 50,
      licenseStatus: "Licensed",
      extendedPid: "03612-03858-517-842213-03-1033-20348.0000-0442024",
      description: "Windows(R) Operating System, VOLUME_KMS_WS22 channel",
      requestsLicensed: 17105,
      trustedTime: "5/13/2024 8:00:03 AM",
    });
    expect(summary.counts.eventsInWindow).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ log: "Key Management Service", eventId: 12290, events: 8 }),
        expect.objectContaining({ log: "Application", eventId: 12293, events: 1 }),
      ]),
    );

    const alerts = JSON.parse(files.get("alerts.json")!.toString("utf8"));
    const detail = await (await fetch(`${inject("baseUrl")}/api/dashboard/hosts/${hostId}`, { headers: { cookie } })).json();
    expect(alerts.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(
      detail.findings.map((f: { ruleId: string }) => f.ruleId).sort(),
    );
    for (const finding of alerts.findings) expect(finding.subject.machineId).toBe(hostId);
  });

  it("limits the event logs to the window", async () => {
    const files = await unzip((await download(`/api/dashboard/bundle/host/${hostId}.zip?days=30`)).bytes);
    // The fixture events are from 2024: nothing in the last 30 days, but the files are still there.
    expect(files.get("events/key-management-service.xml")!.length).toBe(0);
    expect(files.get("events/application.xml")!.length).toBe(0);
    expect(files.get("dlv-latest.txt")!.equals(raw("dlv", "kms-host-healthy.en-US.txt"))).toBe(true);
  });

  it("of a client holds its /dlv and Application log (12288 then 12289)", async () => {
    const { response, bytes } = await download(`/api/dashboard/bundle/client/${clientId}.zip?days=${ALL_DAYS}`);
    expect(response.status).toBe(200);
    const files = await unzip(bytes);
    expect([...files.keys()].sort()).toEqual(["README.txt", "alerts.json", "dlv-latest.txt", "events/application.xml", "summary.json"]);
    expect(files.get("dlv-latest.txt")!.equals(raw("dlv", "client-kms-licensed-dns.en-US.txt"))).toBe(true);
    const strip = (name: string) => fixture("events", name).replace(/\r\n$/, "");
    expect(files.get("events/application.xml")!.toString("utf8")).toBe(
      `${strip("client-12288-success.xml")}${strip("client-12289-success.xml")}\r\n`,
    );
    expect(JSON.parse(files.get("summary.json")!.toString("utf8")).machine.role).toBe("client");
  });

  it("answers 401 / 404 / 400 for what it cannot serve", async () => {
    expect((await download(`/api/dashboard/bundle/host/${hostId}.zip`, false)).response.status).toBe(401);
    expect((await download(`/api/dashboard/bundle/host/${clientId}.zip`)).response.status).toBe(404);
    expect((await download(`/api/dashboard/bundle/client/not-a-uuid.zip`)).response.status).toBe(404);
    expect((await download(`/api/dashboard/bundle/client/${clientId}`)).response.status).toBe(404);
    expect((await download(`/api/dashboard/bundle/client/00000000-0000-4000-8000-000000000000.zip`)).response.status).toBe(404);
    expect((await download(`/api/dashboard/bundle/client/${clientId}.zip?days=0`)).response.status).toBe(400);
  });
});
