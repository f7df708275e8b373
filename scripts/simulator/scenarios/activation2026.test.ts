// The activation-2026 scenario sends what the agent protocol accepts, and its /dlv texts parse whole.
import { describe, expect, it } from "vitest";
import { parseDlv } from "../../../lib/ingest/parse/dlv";
import { parseEventXml } from "../../../lib/ingest/parse/eventXml";
import { ingestRequestSchema, knownArtifactTypes } from "../../../lib/kms/protocol";
import { activation2026Machines } from "./activation2026";

const machines = activation2026Machines("act.test.contoso.com", new Date("2026-12-01T12:00:00Z"));

describe("activation-2026 scenario", () => {
  it("has the machines the issue asks for", () => {
    const names = machines.map((m) => m.hostname);
    expect(names).toEqual(
      expect.arrayContaining(["KMS25A", "KMS25B", "KMS22", "WS25-NEW1", "ADB-1", "RETAIL-PC1", "OFF24-01", "LTSC24-1"]),
    );
  });
  it.each(machines.map((m) => [m.hostname, m] as const))("%s: bodies are valid known artifacts that parse cleanly", (_name, m) => {
    for (const body of m.bodies) {
      const request = ingestRequestSchema.parse(body);
      for (const a of request.artifacts) {
        expect(knownArtifactTypes).toContain(a.type);
        if (a.type === "dlv" && typeof a.text === "string") {
          const r = parseDlv(a.text);
          expect(r.ok && r.unrecognized).toEqual([]);
        }
        if (a.type === "events" && typeof a.xml === "string") {
          const r = parseEventXml(a.xml);
          expect(r.ok && r.warnings).toEqual([]);
        }
      }
    }
  });
});
