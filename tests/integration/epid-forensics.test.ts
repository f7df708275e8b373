// Rogue KMS host forensics (issue #21) through the real agent API: hosts and clients enroll and post CIM or
// /dlv as agents do, then the dashboard API must give each host name its verdict and signals, and each client
// whether the ePID it received matches its host. Truth table: situation -> host -> verdict and signals.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { renderDlv } from "../../scripts/simulator/renderDlv";
import { WIN_ENTERPRISE_GVLK } from "../support/simulatorFixtures";
import type { HostForensics, HostForensicsEntry } from "../../lib/read/audit/getHostForensics";
import type { ClientEpids } from "../../lib/read/clients/getClientEpids";
import { type Agent, clientReportsEpid, enrollAgent, hostReportsEpid, ingestArtifact } from "./epidAgents";
import { callApi, getJson, signIn, sql } from "./helpers";

const run = randomUUID().slice(0, 6);
const name = (label: string) => `kms-${label}-${run}.epid.test`;
const DAY = 86_400_000;
const now = Date.now();
const iso = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();

// Host ePIDs: the genuine ones are plausible Server 2022 host ePIDs; BAD was "activated" before build 17763 existed.
const E = {
  genuine: "03612-00206-566-100001-03-1033-20348.0000-0792022",
  impostorHost: "03612-00206-566-100002-03-1033-20348.0000-0802022",
  impostorOther: "03612-00206-271-900003-03-1033-20348.0000-1502024",
  copiedHost: "03612-00206-566-100004-03-1033-20348.0000-0812022",
  copiedClone: "03612-00206-566-100004-03-1033-20348.0000-2002025",
  emu1: "06401-00206-271-123456-03-1033-9600.0000-0102019",
  emu2: "05426-00206-152-654321-03-1033-9200.0000-2012017",
  emuBad: "03612-00206-271-998877-03-1033-17763.0000-0452015",
  unknown: "03612-00206-271-424242-03-1036-20348.0000-0302023",
  oldKey: "03612-00206-566-177777-03-1033-17763.0000-0102020",
};

const DOMAIN = "epid.test";
const enroll = (hostname: string) => enrollAgent(hostname, DOMAIN);

/** A KMS host's agent: its CSVLK product with its own ePID, and the service saying it is a KMS host. */
async function hostReports(host: string, epid: string, collectedAt = iso(0)) {
  await hostReportsEpid(await enroll(host.split(".")[0] ?? host), randomUUID(), epid, collectedAt);
}

/** A KMS client's agent (CIM): the host it discovered, at which IP, and the host ePID it received. */
async function clientReports(client: string, host: string, epid: string, ip: string, collectedAt = iso(0)): Promise<Agent> {
  const agent = await enroll(client);
  await clientReportsEpid(agent, host, epid, ip, collectedAt);
  return agent;
}

/** The same client state as `slmgr /dlv` prints it ("KMS machine extended PID"). */
async function dlvClientReports(client: string, host: string, epid: string, ip: string) {
  const agent = await enroll(client);
  const text = renderDlv({
    ...WIN_ENTERPRISE_GVLK,
    installationId: "4".repeat(63),
    showLicenseUrls: false,
    partialProductKey: "2YT43",
    licenseStatus: 1,
    graceRemainingMin: 259000,
    isWindows: true,
    remainingRearm: 1001,
    remainingSkuRearm: 1001,
    trustedTime: now,
    kmsClient: {
      cmid: randomUUID(),
      host: { source: "dns", name: host, port: 1688, ip, epid },
      activationInterval: 120,
      renewalInterval: 10080,
    },
  });
  await ingestArtifact(agent.token, { type: "dlv", text }, iso(0));
  return { fqdn: agent.fqdn };
}

let cookie = "";
let forensics: Map<string, HostForensicsEntry>;
const clients: Record<string, string> = {};

beforeAll(async () => {
  cookie = await signIn();
  for (const label of ["gen", "imp", "cpy"]) {
    const added = await callApi("POST", "/api/dashboard/audit/approved", cookie, { host: name(label) });
    expect(added.status).toBe(201);
  }
  // Genuine: the host reports E.genuine, its clients (CIM and /dlv) got it; one got an older key 60 days ago.
  await hostReports(name("gen"), E.genuine);
  const old = await clientReports(`gen-a-${run}`, name("gen"), E.oldKey, "10.20.0.15", iso(60));
  await clientReportsEpid(old, name("gen"), E.genuine, "10.20.0.15", iso(0));
  clients.genuineCim = old.fqdn;
  clients.genuineDlv = (await dlvClientReports(`gen-b-${run}`, name("gen"), E.genuine, "10.20.0.15")).fqdn;
  // A client that knows the host by its short name (`/skms kms-gen-…`) is matched to the same agent.
  clients.genuineShort = (await clientReports(`gen-c-${run}`, name("gen").split(".")[0] ?? "", E.genuine, "10.20.0.15")).fqdn;
  // Impostor: one site reaches another machine under the real host's name.
  await hostReports(name("imp"), E.impostorHost);
  clients.impostorHome = (await clientReports(`imp-home-${run}`, name("imp"), E.impostorHost, "10.20.0.16")).fqdn;
  clients.impostorSite = (await clientReports(`imp-site2-${run}`, name("imp"), E.impostorOther, "10.77.0.5")).fqdn;
  // Copied host VM: same key, activated again on another day, at another address.
  await hostReports(name("cpy"), E.copiedHost);
  await clientReports(`cpy-a-${run}`, name("cpy"), E.copiedHost, "10.20.0.17");
  clients.copied = (await clientReports(`cpy-dr-${run}`, name("cpy"), E.copiedClone, "10.40.0.9")).fqdn;
  // Emulator: no agent, not approved, a different ePID for each client, one of them impossible.
  for (const [i, epid] of [E.emu1, E.emu2, E.emuBad].entries()) await clientReports(`emu-${i}-${run}`, name("emu"), epid, "10.99.0.7");
  // Unknown host with a plausible ePID.
  await clientReports(`unk-${run}`, name("unk"), E.unknown, "10.99.0.8");

  const all = await callApi<HostForensics>("GET", "/api/dashboard/audit/forensics", cookie);
  expect(all.status).toBe(200);
  forensics = new Map(all.body.hosts.map((h) => [h.host, h]));
}, 60_000);

const table: [string, string, string, string[]][] = [
  ["genuine host, clients got its ePID (an old key 60 days ago is history)", "gen", "genuine", []],
  ["impostor answering under a real host's name for one site", "imp", "impostor", ["host-epid-churn", "host-epid-impostor"]],
  ["copied host VM", "cpy", "impostor", ["host-epid-churn", "host-epid-impostor"]],
  ["emulator with random ePIDs", "emu", "emulator", ["host-epid-churn", "host-epid-implausible", "host-epid-unknown-activator"]],
  ["unknown host activating clients", "unk", "suspicious", ["host-epid-unknown-activator"]],
];

describe("rogue-host forensics through the agent API", () => {
  it.each(table)("%s", (_situation, label, verdict, ruleIds) => {
    const host = forensics.get(name(label));
    expect(host, `${name(label)} missing from the forensics`).toBeDefined();
    expect(host?.verdict).toBe(verdict);
    expect(host?.signals.map((s) => s.ruleId).sort()).toEqual(ruleIds);
  });

  it("keeps the ePIDs served as history, with first/last seen and clients per ePID", () => {
    const served = forensics.get(name("gen"))?.served ?? [];
    expect(served.map((s) => [s.epid, s.clients, s.matchesHost])).toEqual([
      [E.oldKey, 1, false],
      [E.genuine, 2, true],
    ]);
    expect(Date.parse(served[0]?.lastSeenAt ?? "")).toBeLessThan(now - 59 * DAY);
    expect(served[1]?.decoded?.parts?.osBuild).toBe(20348);
  });

  it("names the impostor's clients and the IP they reached", () => {
    const signal = forensics.get(name("imp"))?.signals.find((s) => s.ruleId === "host-epid-impostor");
    expect(signal?.evidence.clients).toBe(clients.impostorSite);
    expect(signal?.evidence.ipsReached).toBe("10.77.0.5");
    expect(signal?.evidence.hostOwnEpid).toBe(E.impostorHost);
    expect(forensics.get(name("cpy"))?.signals.find((s) => s.ruleId === "host-epid-impostor")?.evidence.copiedHostVm).toBe(true);
  });

  it("gives the emulator's activation count and the impossible part", () => {
    const host = forensics.get(name("emu"));
    expect(host?.activatedClients).toBe(3);
    const implausible = host?.signals.find((s) => s.ruleId === "host-epid-implausible");
    expect(String(implausible?.evidence.problems)).toContain("before build 17763 was released");
  });

  it("one host by name, short names included", async () => {
    const one = await callApi<HostForensics>("GET", `/api/dashboard/audit/forensics?host=${encodeURIComponent(name("imp"))}`, cookie);
    expect(one.body.hosts.map((h) => h.host)).toEqual([name("imp")]);
    const short = name("gen").split(".")[0] ?? "";
    const gen = await callApi<HostForensics>("GET", `/api/dashboard/audit/forensics?host=${encodeURIComponent(name("gen"))}`, cookie);
    expect(gen.body.hosts.map((h) => [h.host, h.machineId !== null, h.verdict])).toEqual([
      [short, true, "genuine"],
      [name("gen"), true, "genuine"],
    ]);
    const tooLong = await callApi<{ error: { code: string } }>("GET", `/api/dashboard/audit/forensics?host=${"x".repeat(300)}`, cookie);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBeDefined();
    expect((await getJson("/api/dashboard/audit/forensics")).status).toBe(401);
  });

  it.each([
    ["genuineCim", "match"],
    ["genuineDlv", "match"],
    ["genuineShort", "match"],
    ["impostorHome", "match"],
    ["impostorSite", "mismatch"],
    ["copied", "mismatch"],
  ])("client %s: the ePID it received is a %s with its host", async (key, match) => {
    const [machine] = await sql<{ id: string }>("SELECT id FROM machine WHERE fqdn = $1", [clients[key]]);
    const answer = await callApi<ClientEpids>("GET", `/api/dashboard/clients/${machine?.id}/epid`, cookie);
    expect(answer.status).toBe(200);
    expect(answer.body.received[0]?.match).toBe(match);
  });

  it("a client id that is not a UUID, or unknown, is a 404 with the JSON error shape", async () => {
    const bad = await callApi<{ error: { code: string } }>("GET", "/api/dashboard/clients/nope/epid", cookie);
    expect(bad.status).toBe(404);
    expect(bad.body.error.code).toBe("not_found");
    expect((await callApi("GET", `/api/dashboard/clients/${randomUUID()}/epid`, cookie)).status).toBe(404);
  });
});
