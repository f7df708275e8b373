import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingestRequestSchema } from "../../../lib/kms/protocol";
import { collectFromDir } from "./fromDir";
import { buildPayload } from "./payload";
import { testTempDir } from "../tempDir";
import { machineFqdn, safeHostname } from "./run";

const CAPTURE = path.resolve(import.meta.dirname, "../../../tests/fixtures/agent/client-ws-fin-0142");
const HOST = path.resolve(import.meta.dirname, "../../../tests/fixtures/agent/host-kms01");

describe("collectFromDir + buildPayload", () => {
  it("turns a captured client directory into a valid envelope", () => {
    const collection = collectFromDir(CAPTURE);
    const built = buildPayload({ collection, bookmarks: {}, collectedAt: new Date("2026-11-25T10:00:00Z"), probe: null });
    expect(ingestRequestSchema.parse(built.payload)).toEqual(built.payload);
    expect(built.payload.artifacts.map((a) => a.type)).toEqual(["dlv", "cim", "events"]);
    expect(built.payload.collectedAt).toBe("2026-11-25T10:00:00.000Z");
    expect(built.eventCount).toBeGreaterThanOrEqual(2);
    expect(built.bookmarks.Application).toBeGreaterThan(0);
  });

  it("sends only new events on the next run, still with the snapshots", () => {
    const collection = collectFromDir(HOST);
    const first = buildPayload({ collection, bookmarks: {}, collectedAt: new Date(), probe: null });
    const again = buildPayload({ collection, bookmarks: first.bookmarks, collectedAt: new Date(), probe: null });
    expect(first.payload.artifacts.filter((a) => a.type === "events").map((a) => ("log" in a ? a.log : ""))).toContain(
      "Key Management Service",
    );
    expect(again.eventCount).toBe(0);
    expect(again.payload.artifacts.map((a) => a.type)).toEqual(["dlv", "cim"]);
    expect(again.bookmarks).toEqual(first.bookmarks);
  });

  it("reads a cim.json and a single product object the way PowerShell prints it", async () => {
    const { writeFileSync } = await import("node:fs");
    const dir = testTempDir("cim");
    writeFileSync(path.join(dir, "cim.json"), JSON.stringify({ service: { Version: "10" }, products: { ID: "x" } }));
    expect(collectFromDir(dir).cim).toEqual({ service: { Version: "10" }, products: [{ ID: "x" }] });
    expect(() => collectFromDir(path.join(dir, "missing"))).toThrow(/does not exist/);
  });
});

describe("machine identity", () => {
  it("uses --fqdn, else hostname + domain", () => {
    expect(machineFqdn("a.b.c", "ws", "corp")).toBe("a.b.c");
    expect(machineFqdn(null, "ws-1", "corp.contoso.com")).toBe("ws-1.corp.contoso.com");
    expect(machineFqdn(null, "ws-1.lan", null)).toBe("ws-1.lan");
    expect(safeHostname("my host!")).toBe("my-host-");
  });
});
