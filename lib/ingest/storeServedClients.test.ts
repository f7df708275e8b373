import { describe, expect, it } from "vitest";
import type { PreparedEvent } from "@/lib/ingest/prepare";
import { servedClientsOf } from "@/lib/ingest/storeServedClients";

const event = (eventId: number, clientFqdn: string | null, timeCreated: string | null) =>
  ({ event: { eventId, clientFqdn, timeCreated } }) as unknown as PreparedEvent;

describe("servedClientsOf", () => {
  it("keeps each client of the host's 12290 events once, with its latest request, names in lower case", () => {
    const served = servedClientsOf([
      event(12290, "WS-1.contoso.com", "2026-12-01T10:00:00.000Z"),
      event(12290, "ws-1.contoso.com", "2026-12-03T10:00:00.000Z"),
      event(12290, "ws-1.contoso.com", "2026-12-02T10:00:00.000Z"),
      event(12290, "ws-2.contoso.com", "2026-11-30T08:00:00.000Z"),
    ]);
    expect(served).toEqual({
      clients: ["ws-1.contoso.com", "ws-2.contoso.com"],
      lastAt: ["2026-12-03T10:00:00.000Z", "2026-11-30T08:00:00.000Z"],
    });
  });

  it("ignores other events, and requests without a client name or a time", () => {
    const served = servedClientsOf([
      event(12288, "ws-1.contoso.com", "2026-12-01T10:00:00.000Z"),
      event(12290, null, "2026-12-01T10:00:00.000Z"),
      event(12290, "ws-3.contoso.com", null),
    ]);
    expect(served).toEqual({ clients: [], lastAt: [] });
  });
});
