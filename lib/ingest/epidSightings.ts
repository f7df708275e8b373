// Which KMS host ePID each client received (KeyManagementServiceProductKeyID / "KMS machine extended PID"),
// from the client snapshots of one batch that were stored as new. Pure; stored by storeEpidSightings.ts.
import { productFamily } from "@/lib/kms/appIds";
import { normalizeHostName } from "@/lib/kms/hostNames";
import type { PreparedSnapshot } from "@/lib/ingest/prepare";

export type EpidSightingRow = {
  host: string;
  family: string;
  epid: string;
  client: string;
  ip: string | null;
  licensed: boolean;
  /** Finds the snapshot row the sighting came from (its last_seen_at keeps moving while unchanged). */
  source: string;
  productKey: string;
  at: string;
};

/** Longer values are not ePIDs; they are kept cut so the decoder can still call them malformed. */
export const MAX_STORED_EPID_CHARS = 64;

export function epidSightingsOf(machineFqdn: string, newSnapshots: readonly PreparedSnapshot[], collectedAt: Date): EpidSightingRow[] {
  const client = machineFqdn.toLowerCase();
  const at = collectedAt.toISOString();
  const rows: EpidSightingRow[] = [];
  for (const snap of newSnapshots) {
    const p = snap.product;
    const host = normalizeHostName(p.kmsHost);
    const epid = p.kmsHostExtendedPid?.trim().slice(0, MAX_STORED_EPID_CHARS);
    if (p.isKmsHost || !host || !epid) continue;
    rows.push({
      host,
      family: productFamily(p.applicationId),
      epid,
      client,
      ip: p.kmsHostIp?.trim() || null,
      licensed: p.licenseStatus === "Licensed",
      source: snap.source,
      productKey: snap.productKey,
      at,
    });
  }
  return rows;
}
