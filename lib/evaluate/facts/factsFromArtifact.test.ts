// The /parse truth table (tests/support/parseTruth.ts) on the pure path: parser, shape fallback, facts, rules.
import { describe, expect, it } from "vitest";
import { previewParse } from "@/lib/ingest/parse/preview";
import { factsFromArtifact, findingsFromArtifact } from "./factsFromArtifact";
import { parseTruth } from "../../../tests/support/parseTruth";

const NOW = new Date("2026-12-04T12:00:00Z");

describe("/parse truth table (pure)", () => {
  it.each(parseTruth.map((row) => [row.situation, row] as const))("%s", (_name, row) => {
    const preview = previewParse(row.request());
    const findings = findingsFromArtifact(preview, NOW);
    const ids = findings.map((f) => f.ruleId);
    for (const field of row.expect.readByShape ?? []) expect(preview.readByShape.join(" ")).toContain(field);
    if (row.expect.first === null) {
      expect(findings.filter((f) => f.severity !== "info").map((f) => f.ruleId)).toEqual([]);
      return;
    }
    expect(ids[0], ids.join(", ")).toBe(row.expect.first);
    for (const rule of row.expect.after ?? []) expect(ids.indexOf(rule)).toBeGreaterThan(0);
    const first = findings[0]!;
    if (row.expect.hresult) expect(JSON.stringify(first.evidence)).toContain(row.expect.hresult);
    for (const w of row.expect.causeHas ?? []) expect(first.cause).toContain(w);
    for (const w of row.expect.fixHas ?? []) expect(first.fix).toContain(w);
    for (const w of row.expect.lacks ?? []) expect(`${first.cause} ${first.fix}`).not.toContain(w);
  });
});

describe("factsFromArtifact", () => {
  it("leaves what one paste cannot tell unknown: no clones, no approved list, no probe, no check-in", () => {
    const preview = previewParse(parseTruth[0]!.request());
    const { clients, hosts } = factsFromArtifact(preview, NOW);
    expect(hosts).toEqual([]);
    expect(clients[0]).toMatchObject({
      cmidMachines: null,
      kmsHostApproved: null,
      probe: null,
      lastCheckInAt: null,
      intendedChannel: null,
    });
  });

  it("a 12288 answered by a 12289 within 10 minutes is answered, and the response takes the request's minimum count", () => {
    const ev = (eventId: number, at: string, more: object) => ({ eventId, timeCreated: at, computer: "PC1", ...more });
    const { clients } = factsFromArtifact(
      {
        events: [
          ev(12288, "2026-12-01T10:00:00Z", { minCount: 25, kmsHost: "kms1", kmsPort: 1688, cmid: "c", hresult: "0x00000000" }),
          ev(12289, "2026-12-01T10:00:02Z", { activated: false, hostCurrentCount: 12, hresult: "0x00000000" }),
        ] as never,
      },
      NOW,
    );
    expect(clients[0]?.lastRequest?.answered).toBe(true);
    expect(clients[0]?.lastResponse).toMatchObject({ hostCurrentCount: 12, minCount: 25, activated: false });
  });
});
