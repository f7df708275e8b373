// The probe against injected DNS and real 127.0.0.1 sockets: no real network is touched.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeArtifactSchema } from "../../../lib/kms/protocol";
import type { RawCollection } from "./collection";
import { runProbe, tcpConnect, type ProbeDeps, type SrvRecord } from "./probe";
import { domainOf, planProbe } from "./probeTarget";

let server: net.Server;
let openPort = 0;
let closedPort = 0;
const listen = (s: net.Server) =>
  new Promise<number>((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as net.AddressInfo).port)));

beforeAll(async () => {
  server = net.createServer((socket) => socket.end());
  openPort = await listen(server);
  const closed = net.createServer();
  closedPort = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const deps = (answer: SrvRecord[] | Error): ProbeDeps => ({
  resolveSrv: async (name) => {
    if (name !== "_vlmcs._tcp.corp.contoso.com") throw Object.assign(new Error("queryNotFound"), { code: "ENOTFOUND" });
    if (answer instanceof Error) throw answer;
    return answer;
  },
  connect: tcpConnect,
  now: () => new Date("2026-11-25T10:00:00Z"),
});
const empty: RawCollection = { dlv: [], cim: null, eventTexts: [], domain: null };

describe("runProbe", () => {
  it("uses the best SRV record when the client has no registered host, and connects", async () => {
    const srv = [
      { name: "kms-backup.corp.contoso.com", port: 1688, priority: 10, weight: 0 },
      { name: "127.0.0.1", port: openPort, priority: 0, weight: 100 },
    ];
    const probe = await runProbe({ lookupDomain: "corp.contoso.com", known: null }, deps(srv));
    expect(probeArtifactSchema.parse(probe)).toEqual(probe);
    expect(probe).toMatchObject({
      domain: "corp.contoso.com",
      srvError: null,
      target: { host: "127.0.0.1", port: openPort, source: "srv" },
      tcp: { ok: true, error: null },
    });
    expect(probe.srvRecords.map((r) => r.target)).toEqual(["127.0.0.1", "kms-backup.corp.contoso.com"]);
  });

  it("reports a DNS error code and a refused port", async () => {
    const error = Object.assign(new Error("queryNoData"), { code: "ENODATA" });
    const probe = await runProbe(
      { lookupDomain: "corp.contoso.com", known: { host: "127.0.0.1", port: closedPort, source: "registered" } },
      deps(error),
    );
    expect(probeArtifactSchema.parse(probe)).toEqual(probe);
    expect(probe).toMatchObject({
      srvRecords: [],
      srvError: "ENODATA",
      target: { source: "registered" },
      tcp: { ok: false, latencyMs: null, error: "ECONNREFUSED" },
    });
  });

  it("has no target and no TCP check without a domain or a known host", async () => {
    const probe = await runProbe(planProbe(empty, null), deps([]));
    expect(probe).toMatchObject({ domain: null, srvRecords: [], srvError: null, target: null, tcp: null });
    expect(probeArtifactSchema.safeParse(probe).success).toBe(true);
  });
});

describe("planProbe", () => {
  it("prefers the /skms registration, then the DNS-discovered host, from /dlv or CIM", () => {
    const registered = "    Registered KMS machine name: kms01.corp.contoso.com:1688\r\n";
    const dns = "    KMS machine name from DNS: kms02.corp.contoso.com:1700\r\n";
    expect(planProbe({ ...empty, dlv: [dns + registered] }, "corp.contoso.com").known).toEqual({
      host: "kms01.corp.contoso.com",
      port: 1688,
      source: "registered",
    });
    expect(planProbe({ ...empty, dlv: [dns] }, null).known).toEqual({ host: "kms02.corp.contoso.com", port: 1700, source: "dns" });
    const cim = {
      service: {
        KeyManagementServiceMachine: null,
        DiscoveredKeyManagementServiceMachineName: "kms01.corp.contoso.com",
        DiscoveredKeyManagementServiceMachinePort: 0,
        KeyManagementServiceLookupDomain: "branch.contoso.com",
      },
      products: [],
    };
    expect(planProbe({ ...empty, cim }, "corp.contoso.com")).toEqual({
      lookupDomain: "branch.contoso.com",
      known: { host: "kms01.corp.contoso.com", port: 1688, source: "dns" },
    });
  });
  it("derives the domain from an FQDN", () => {
    expect(domainOf("WS-1.Corp.Contoso.com")).toBe("corp.contoso.com");
    expect(domainOf("ws-1")).toBeNull();
  });
});
