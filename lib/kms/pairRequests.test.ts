import { describe, expect, it } from "vitest";
import { pairRequests, type ClientEvent } from "./pairRequests";

const event = (eventId: number, timeCreated: string, extra: Partial<ClientEvent> = {}): ClientEvent => ({
  eventId,
  timeCreated,
  hresult: "0x00000000",
  kmsHost: "kms01",
  kmsPort: 1688,
  activated: null,
  hostCurrentCount: null,
  minCount: null,
  licenseStatus: null,
  ...extra,
});

describe("pairRequests", () => {
  it("pairs a request with the response that follows it within 10 minutes", () => {
    const pairs = pairRequests([event(12289, "2026-01-01T10:00:01Z", { activated: true }), event(12288, "2026-01-01T10:00:00Z")]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ answered: true, at: "2026-01-01T10:00:00Z", response: { activated: true } });
  });

  it("leaves a request unanswered when no response comes in time (host unreachable)", () => {
    const pairs = pairRequests([
      event(12288, "2026-01-01T10:00:00Z", { hresult: "0x800706BA" }),
      event(12289, "2026-01-01T10:30:00Z"),
      event(12288, "2026-01-01T12:00:00Z"),
    ]);
    expect(pairs.map((p) => [p.at, p.answered])).toEqual([
      ["2026-01-01T12:00:00Z", false],
      ["2026-01-01T10:30:00Z", true],
      ["2026-01-01T10:00:00Z", false],
    ]);
    expect(pairs[1]!.request).toBeNull();
  });

  it("does not give one response to two requests", () => {
    const pairs = pairRequests([
      event(12288, "2026-01-01T10:00:00Z"),
      event(12288, "2026-01-01T10:00:05Z"),
      event(12289, "2026-01-01T10:00:06Z"),
    ]);
    expect(pairs.filter((p) => p.answered)).toHaveLength(1);
  });
});
