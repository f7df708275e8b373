// Turns a validated ingest envelope into rows to store. Pure: parsing, hashing and routing of
// unparseable pieces to quarantine happen here; the database work is in store.ts.
import { createHash } from "node:crypto";
import { laterProductFields, type ParsedEvent, type ParsedProduct, type ParseFailure } from "@/lib/kms/parsed";
import { judgeCollectedAt, judgeEventTime } from "@/lib/ingest/clockPolicy";
import { knownArtifactTypes, type Artifact, type IngestRequest, type KnownArtifact, type ProbeArtifact } from "@/lib/kms/protocol";
import { reportOf, type PreparedReport } from "@/lib/ingest/prepareReport";
import { parseDlv } from "@/lib/ingest/parse/dlv";
import { parseCim } from "@/lib/ingest/parse/cim";
import { parseEventXml } from "@/lib/ingest/parse/eventXml";
import { storableText } from "@/lib/ingest/json";
import { packText } from "@/lib/core/deflate";

export type PreparedSnapshot = {
  source: "dlv" | "cim";
  rawType: "dlv" | "cim";
  rawBody: string;
  rawHash: string;
  productKey: string;
  contentHash: string;
  expiresAt: Date | null;
  product: ParsedProduct;
};
export type StorableEvent = ParsedEvent & { recordId: number; timeCreated: string };
/** `xmlPacked`: the event's XML as stored (packText), packed here so that it runs in the parse workers. */
export type PreparedEvent = { log: string; event: StorableEvent; xmlPacked: Uint8Array };
export type { PreparedReport } from "@/lib/ingest/prepareReport";
export type PreparedQuarantine = { artifactIndex: number; type: string; error: string; body: unknown };
export type PreparedBatch = {
  /** When the check-in is stored as collected: the agent's collectedAt, or the receipt time (lib/ingest/clockPolicy.ts). */
  collectedAt: Date;
  /** How far ahead of the server's clock the machine's check-in or events were dated; null within tolerance. */
  clockAheadMs: number | null;
  snapshots: PreparedSnapshot[];
  events: PreparedEvent[];
  quarantine: PreparedQuarantine[];
  probes: ProbeArtifact[];
  /** TPM and OSLicense answers: the latest of each kind is kept per machine (store/storeReports.ts). */
  reports: PreparedReport[];
  rejected: { index: number; error: string }[];
  /** Artifacts whose content was (at least partly) stored. */
  acceptedArtifacts: number;
};

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const describe = (failure: ParseFailure) => `${failure.code}: ${failure.message}`;

/** Fields that move on every check-in without the state changing; excluded from change detection. */
const VOLATILE: (keyof ParsedProduct)[] = ["graceRemainingMin", "trustedTime"];
/** Expiry moves below this are collection jitter; a renewal (even at the 15-minute minimum interval) moves it more. */
export const EXPIRY_TOLERANCE_MS = 10 * 60_000;
const MAX_LISTED_EVENT_ERRORS = 5;
const MAX_QUARANTINED_EVENTS = 50;

export function snapshotOf(source: "dlv" | "cim", rawBody: string, product: ParsedProduct, collectedAt: Date): PreparedSnapshot {
  // GracePeriodRemaining 0 on a Licensed product means a permanent activation (MAK, retail): no expiry.
  const permanent = product.graceRemainingMin === 0 && product.licenseStatus === "Licensed";
  const expiresAt =
    product.graceRemainingMin === null || permanent ? null : new Date(collectedAt.getTime() + product.graceRemainingMin * 60_000);
  const stable: Record<string, unknown> = { ...product };
  for (const key of VOLATILE) delete stable[key];
  for (const key of laterProductFields) if (stable[key] === null) delete stable[key];
  // The expiry itself is compared with a tolerance (sameSnapshotState): collection time and whole
  // remaining minutes jitter it by a minute or two at every check-in, and a hash of a rounded value
  // would flip whenever it sits near a rounding boundary. Only whether it expires is hashed.
  stable.expires = expiresAt !== null;
  const productKey = (product.activationId ?? `name:${product.name ?? "unknown"}`).toLowerCase();
  return {
    source,
    rawType: source,
    rawBody,
    rawHash: sha256(rawBody),
    productKey,
    contentHash: sha256(JSON.stringify(stable)),
    expiresAt,
    product,
  };
}

/** A stored snapshot still describes the product: same content, and an expiry that did not move. */
export function sameSnapshotState(
  stored: { contentHash: string; expiresAt: Date | null },
  incoming: Pick<PreparedSnapshot, "contentHash" | "expiresAt">,
): boolean {
  if (stored.contentHash !== incoming.contentHash) return false;
  if (stored.expiresAt === null || incoming.expiresAt === null) return stored.expiresAt === incoming.expiresAt;
  return Math.abs(stored.expiresAt.getTime() - incoming.expiresAt.getTime()) < EXPIRY_TOLERANCE_MS;
}

function prepareArtifact(artifact: KnownArtifact, index: number, collectedAt: Date, batch: PreparedBatch, receivedAt: Date): void {
  if (artifact.type === "dlv") {
    const result = parseDlv(artifact.text);
    if (!result.ok) return reject(batch, index, artifact, describe(result.error));
    if (result.value.length === 0) return reject(batch, index, artifact, "not_recognized: no product found in the /dlv text");
    for (const product of result.value) batch.snapshots.push(snapshotOf("dlv", artifact.text, product, collectedAt));
    batch.acceptedArtifacts += 1;
    return;
  }
  if (artifact.type === "probe") {
    batch.probes.push(artifact);
    batch.acceptedArtifacts += 1;
    return;
  }
  if (artifact.type === "tpm" || artifact.type === "oslicense") {
    batch.reports.push(reportOf(artifact));
    batch.acceptedArtifacts += 1;
    return;
  }
  if (artifact.type === "cim") {
    const result = parseCim({ service: artifact.service ?? undefined, products: artifact.products });
    if (!result.ok) return reject(batch, index, artifact, describe(result.error));
    const rawBody = JSON.stringify({ service: artifact.service ?? null, products: artifact.products });
    for (const product of result.value) batch.snapshots.push(snapshotOf("cim", rawBody, product, collectedAt));
    batch.acceptedArtifacts += 1;
    return;
  }
  // An agent with nothing new may send an empty events artifact: accepted, nothing to store.
  if (artifact.xml.trim() === "") return;
  const result = parseEventXml(artifact.xml);
  if (!result.ok) return reject(batch, index, artifact, describe(result.error));
  const failed: { error: string; raw: string }[] = [];
  let stored = 0;
  for (const item of result.value) {
    const problem = !item.ok
      ? item.error
      : item.event.recordId === null
        ? "EventRecordID is missing"
        : item.event.timeCreated === null
          ? "TimeCreated is missing"
          : null;
    if (problem !== null || !item.ok) {
      failed.push({ error: `event ${failed.length + stored + 1}: ${problem ?? "unparseable"}`, raw: item.raw });
      continue;
    }
    const event = item.event as StorableEvent;
    const implausible = judgeEventTime(event.timeCreated, receivedAt);
    if (implausible !== null) {
      if (implausible.aheadMs !== null) batch.clockAheadMs = Math.max(batch.clockAheadMs ?? 0, implausible.aheadMs);
      failed.push({ error: `event ${failed.length + stored + 1}: ${implausible.error}`, raw: item.raw });
      continue;
    }
    batch.events.push({ log: event.log ?? artifact.log, event, xmlPacked: packText(storableText(item.raw), "eventXml") });
    stored += 1;
  }
  if (stored > 0) batch.acceptedArtifacts += 1;
  if (failed.length === 0) return;
  const summary = failed
    .slice(0, MAX_LISTED_EVENT_ERRORS)
    .map((f) => f.error)
    .join("; ");
  const error = failed.length > MAX_LISTED_EVENT_ERRORS ? `${summary}; … ${failed.length} unparseable events in all` : summary;
  batch.rejected.push({ index, error });
  if (failed.length > MAX_QUARANTINED_EVENTS) {
    // A flood of broken fragments is kept as one quarantined artifact, not one row per fragment.
    batch.quarantine.push({ artifactIndex: index, type: "events", error, body: artifact });
    return;
  }
  for (const f of failed)
    batch.quarantine.push({ artifactIndex: index, type: "event", error: f.error, body: { log: artifact.log, xml: f.raw } });
}

function reject(batch: PreparedBatch, index: number, artifact: Artifact, error: string): void {
  batch.rejected.push({ index, error });
  batch.quarantine.push({ artifactIndex: index, type: artifact.type, error, body: artifact });
}

export function prepareBatch(request: IngestRequest, receivedAt = new Date()): PreparedBatch {
  const { storedAt: collectedAt, aheadMs } = judgeCollectedAt(new Date(request.collectedAt), receivedAt);
  const batch: PreparedBatch = {
    collectedAt,
    clockAheadMs: aheadMs,
    snapshots: [],
    events: [],
    quarantine: [],
    probes: [],
    reports: [],
    rejected: [],
    acceptedArtifacts: 0,
  };
  request.artifacts.forEach((artifact, index) => {
    try {
      if ((knownArtifactTypes as readonly string[]).includes(artifact.type)) {
        prepareArtifact(artifact as KnownArtifact, index, collectedAt, batch, receivedAt);
      } else {
        reject(batch, index, artifact, `unsupported artifact type '${artifact.type}' (kept in quarantine)`);
      }
    } catch (error) {
      // Parsers never throw by contract; this keeps one bad artifact from failing the batch if one does.
      reject(batch, index, artifact, `internal parser error: ${(error as Error).message}`);
    }
  });
  return batch;
}
