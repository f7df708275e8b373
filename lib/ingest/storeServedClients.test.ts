import { describe, expect, it } from "vitest";
import type { PreparedEvent } from "@/lib/ingest/prepare";
import { servedClientsOf } from "@/lib/ingest/storeServedClients";

const event = (eventId: number, clientFqdn: string | null, timeCreated: string | null, columns: Record<string, unknown> = {}) =>
  ({
    event: {
      eventId,
      clientFqdn,
      timeCreated,
      cmid: null,
      activationId: null,
      minCount: null,
      licenseStatus: null,
      isVm: null,
      hresult: null,
      ...columns,
    },
  }) as unknown as PreparedEvent;

describe("servedClientsOf", () => {
  it("keeps each client of the host's 12290 events once, with its latest request and that request's columns", () => {
    const served = servedClientsOf([
      event(12290, "WS-1.contoso.com", "2026-12-01T10:00:00.000Z", { hresult: "0xC004F038", minCount: 25 }),
      event(12290, "ws-1.contoso.com", "2026-12-03T10:00:00.000Z", {
        cmid: "6A7B8C9D-0E1F-4A2B-9C3D-4E5F6A7B8C9D",
        activationId: "73111121-5638-40f6-bc11-f1d7b0d64300",
        minCount: 25,
        licenseStatus: "Licensed",
        isVm: true,
        hresult: "0x0",
      }),
      event(12290, "ws-1.contoso.com", "2026-12-02T10:00:00.000Z", { hresult: "0xC004F042" }),
      event(12290, "ws-2.contoso.com", "2026-11-30T08:00:00.000Z", { isVm: false }),
    ]);
    expect(served).toEqual({
      clients: ["ws-1.contoso.com", "ws-2.contoso.com"],
      lastAt: ["2026-12-03T10:00:00.000Z", "2026-11-30T08:00:00.000Z"],
      cmid: ["6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d", null],
      activationId: ["73111121-5638-40f6-bc11-f1d7b0d64300", null],
      minCount: [25, null],
      licenseStatus: ["Licensed", null],
      isVm: [true, false],
      hresult: ["0x0", null],
    });
  });

  it("ignores other events, and requests without a client name or a time", () => {
    const served = servedClientsOf([
      event(12288, "ws-1.contoso.com", "2026-12-01T10:00:00.000Z"),
      event(12290, null, "2026-12-01T10:00:00.000Z"),
      event(12290, "ws-3.contoso.com", null),
    ]);
    expect(served.clients).toEqual([]);
    expect(served.lastAt).toEqual([]);
  });
});
