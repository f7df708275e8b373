import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prepareBatch, sameSnapshotState } from "./prepare";
import { unpackText } from "@/lib/core/deflate";
import type { IngestRequest } from "@/lib/kms/protocol";
import { SHARED_FIXTURES } from "@/tests/support/fixtures";

const shared = (path: string) => readFileSync(`${SHARED_FIXTURES}/${path}`, "utf8");
const request = (artifacts: IngestRequest["artifacts"], collectedAt = "2026-01-01T00:00:00Z"): IngestRequest => ({
  collectedAt,
  agentVersion: "t",
  artifacts,
});

describe("prepareBatch", () => {
  it("turns each product of a /dlv into a snapshot keyed by activation id", () => {
    const batch = prepareBatch(request([{ type: "dlv", text: shared("dlv/kms-host-healthy.en-US.txt") }]));
    expect(batch.snapshots).toHaveLength(1);
    expect(batch.snapshots[0]).toMatchObject({ source: "dlv", productKey: "9bd77860-9b31-4b7b-96ad-2564017315bf" });
    expect(batch.rejected).toEqual([]);
  });

  it("gives the same content hash when only the trusted time and remaining minutes moved", () => {
    const text = shared("dlv/client-kms-licensed-dns.en-US.txt");
    const first = prepareBatch(request([{ type: "dlv", text }], "2026-01-01T00:00:00Z"));
    const later = text
      .replace("Trusted time: 5/13/2024 7:30:51 AM", "Trusted time: 5/13/2024 8:30:51 AM")
      .replace("259181 minute(s)", "259121 minute(s)");
    const second = prepareBatch(request([{ type: "dlv", text: later }], "2026-01-01T01:00:00Z"));
    expect(second.snapshots[0]!.contentHash).toBe(first.snapshots[0]!.contentHash);
    expect(second.snapshots[0]!.rawHash).not.toBe(first.snapshots[0]!.rawHash);
    const stored = { contentHash: first.snapshots[0]!.contentHash, expiresAt: first.snapshots[0]!.expiresAt };
    expect(sameSnapshotState(stored, second.snapshots[0]!)).toBe(true);
    const renewed = prepareBatch(
      request([{ type: "dlv", text: text.replace("259181 minute(s)", "259199 minute(s)") }], "2026-01-08T00:00:00Z"),
    );
    expect(sameSnapshotState(stored, renewed.snapshots[0]!)).toBe(false);
  });

  it("treats a minute or two of expiry jitter as the same state, whatever the rounding boundaries", () => {
    const text = shared("dlv/client-kms-licensed-dns.en-US.txt");
    const at = (iso: string, minutes: number) =>
      prepareBatch(request([{ type: "dlv", text: text.replace("259181 minute(s)", `${minutes} minute(s)`) }], iso)).snapshots[0]!;
    const base = at("2026-01-01T00:29:50Z", 259181);
    const stored = { contentHash: base.contentHash, expiresAt: base.expiresAt };
    // One hour later the machine reports 60 fewer minutes, floored: the expiry moved by seconds.
    expect(sameSnapshotState(stored, at("2026-01-01T01:30:40Z", 259120))).toBe(true);
    expect(sameSnapshotState(stored, at("2026-01-01T01:28:10Z", 259119))).toBe(true);
    // A renewal at the shortest KMS renewal interval (15 minutes) moves it more than the tolerance.
    expect(sameSnapshotState(stored, at("2026-01-01T00:44:50Z", 259181))).toBe(false);
    // Expiring vs permanent is a change of content, not of expiry.
    expect(sameSnapshotState({ ...stored, expiresAt: null }, base)).toBe(false);
  });

  it("keeps good events and quarantines the broken one with its index", () => {
    const good = shared("events/client-12288-success.xml");
    const batch = prepareBatch(request([{ type: "events", log: "Application", xml: `${good}<Event><System><EventID>1` }]));
    expect(batch.events).toHaveLength(1);
    // Packed here (in the parse worker for large bodies), and given back byte for byte.
    expect(unpackText(batch.events[0]!.xmlPacked)).toBe(good.trimEnd());
    expect(batch.rejected).toHaveLength(1);
    expect(batch.rejected[0]!.index).toBe(0);
    expect(batch.quarantine).toHaveLength(1);
  });

  it("keeps a flood of broken fragments as one quarantined artifact", () => {
    const flood = "<Event>broken</Event>".repeat(500);
    const batch = prepareBatch(request([{ type: "events", log: "Application", xml: flood }]));
    expect(batch.events).toHaveLength(0);
    expect(batch.quarantine).toHaveLength(1);
    expect(batch.rejected[0]!.error).toMatch(/500 unparseable events/);
  });

  it("accepts an empty events artifact and quarantines unknown artifact types", () => {
    const batch = prepareBatch(
      request([
        { type: "events", log: "Application", xml: "  " },
        { type: "future-thing", ok: true },
      ]),
    );
    expect(batch.rejected.map((r) => r.index)).toEqual([1]);
    expect(batch.quarantine[0]).toMatchObject({ artifactIndex: 1, type: "future-thing" });
  });
});

describe("snapshot expiry", () => {
  it("has no expiry for a permanently activated (MAK) product, and one for a KMS client", () => {
    const mak = prepareBatch(request([{ type: "dlv", text: shared("dlv/client-mak-licensed.en-US.txt") }]));
    expect(mak.snapshots[0]!.expiresAt).toBeNull();
    const kms = prepareBatch(request([{ type: "dlv", text: shared("dlv/client-kms-licensed-dns.en-US.txt") }], "2026-01-01T00:00:00Z"));
    expect(kms.snapshots[0]!.expiresAt?.toISOString()).toBe(new Date(Date.parse("2026-01-01T00:00:00Z") + 259181 * 60_000).toISOString());
  });
});
