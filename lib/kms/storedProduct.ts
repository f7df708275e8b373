// A snapshot row keeps a parsed product's fields twice unless told otherwise: in its own columns (what
// queries filter on) and in the `parsed` jsonb (what the client page and the support bundle show). The
// jsonb is the wide part of a ~2 KB row (just under the size at which PostgreSQL would compress it), so it
// stores only what no column holds, and no nulls, and of those only what SQL reads: the rest is packed
// (storedParsedParts). Rows stored before keep their full or slim jsonb; `storedProductOf` reads every form.
import { byteaText, packText, unpackText } from "@/lib/core/deflate";
import { normalizeHostName } from "@/lib/kms/hostNames";
import { type ParsedProduct, parsedProductSchema } from "@/lib/kms/parsed";

/** Product fields stored verbatim in a snapshot column of the same meaning (kmsHost is not: its column is normalised). */
export const productColumns = {
  source: "source",
  serviceVersion: "service_version",
  name: "name",
  channel: "channel",
  activationId: "activation_id",
  applicationId: "application_id",
  productKeyChannel: "product_key_channel",
  partialProductKey: "partial_product_key",
  licenseStatus: "license_status",
  graceRemainingMin: "grace_remaining_min",
  notificationReason: "notification_reason",
  cmid: "cmid",
  kmsPort: "kms_port",
  kmsHostSource: "kms_host_source",
  isKmsHost: "is_kms_host",
  currentCount: "current_count",
  listeningPort: "listening_port",
  dnsPublishing: "dns_publishing",
  totalRequests: "total_requests",
  failedRequests: "failed_requests",
} as const satisfies Partial<Record<keyof ParsedProduct, string>>;

type ColumnField = keyof typeof productColumns;
export type ProductColumnValues = { [K in ColumnField as (typeof productColumns)[K]]: unknown };

/** The fields no column holds, nulls left out. */
export function slimParsed(product: ParsedProduct): Record<string, unknown> {
  const slim: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(product)) {
    if (value === null || value === undefined || field in productColumns) continue;
    slim[field] = value;
  }
  return slim;
}

/**
 * The fields SQL reads out of `parsed` (`parsed->>'…'` in lib/ and in the migrations): they stay in the jsonb.
 * storedProduct.test.ts fails when a query names a field missing here (it would find it packed, so null).
 */
export const sqlReadParsedFields: readonly string[] = [
  "extendedPid",
  "hresult",
  "remainingAppRearmCount",
  "configuredActivationType",
  "adActivationObjectName",
  "kmsHardwareSecured",
  "kmsHostIp",
  "kmsHostExtendedPid",
] satisfies (keyof ParsedProduct)[];

/**
 * Of those, the fields SQL reads only from a KMS host's own rows (every `parsed->>'…'` of them is in a query on
 * `is_kms_host`; storedProduct.test.ts checks it): a client's are packed. A client's ePID is one of them.
 */
export const hostRowOnlyParsedFields: readonly string[] = ["extendedPid"] satisfies (keyof ParsedProduct)[];

/**
 * And the fields only the backfill of migration 20261204120000 read, which ran before any row this code stores
 * (migrations run in order before the server starts; ingest has written kms_epid_sighting itself since, from the
 * parsed product): packed too. A client's report of its KMS host's ePID and address is ~75 bytes of jsonb a row.
 */
export const backfillOnlyParsedFields: readonly string[] = ["kmsHostIp", "kmsHostExtendedPid"] satisfies (keyof ParsedProduct)[];

/** Whether a field of this product stays in the jsonb (SQL reads it there) rather than in the packed part. */
function keptInJsonb(field: string, isKmsHost: boolean): boolean {
  if (!sqlReadParsedFields.includes(field) || backfillOnlyParsedFields.includes(field)) return false;
  return isKmsHost || !hostRowOnlyParsedFields.includes(field);
}

/**
 * What a snapshot row stores beside its columns: the fields SQL reads, as jsonb, and the others (description,
 * trusted time, rearm counts, intervals, request counters, a client's ePIDs...) as packed JSON
 * (lib/core/deflate.ts): ~500 bytes of jsonb that only the client page and the support bundle show become ~100.
 */
export function storedParsedParts(product: ParsedProduct): { parsed: Record<string, unknown>; packed: Buffer | null } {
  const parsed: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(slimParsed(product))) {
    if (keptInJsonb(field, product.isKmsHost)) parsed[field] = value;
    else rest[field] = value;
  }
  return { parsed, packed: Object.keys(rest).length > 0 ? packText(JSON.stringify(rest), "productFields") : null };
}

/**
 * A product's snapshot columns as ingest stores them (lib/ingest/storeSnapshot.ts), bytea as hex text, which
 * json_to_recordset reads: also what the bench's fill writes, so that its rows have the stored shape.
 */
export function snapshotColumnsOf(p: ParsedProduct) {
  const parts = storedParsedParts(p);
  return {
    activation_id: p.activationId,
    application_id: p.applicationId,
    name: p.name,
    channel: p.channel,
    product_key_channel: p.productKeyChannel,
    partial_product_key: p.partialProductKey,
    license_status: p.licenseStatus,
    grace_remaining_min: p.graceRemainingMin,
    notification_reason: p.notificationReason,
    is_kms_host: p.isKmsHost,
    current_count: p.currentCount,
    listening_port: p.listeningPort,
    dns_publishing: p.dnsPublishing,
    total_requests: p.totalRequests,
    failed_requests: p.failedRequests,
    cmid: p.cmid,
    kms_host: normalizeHostName(p.kmsHost),
    kms_port: p.kmsPort,
    kms_host_source: p.kmsHostSource,
    service_version: p.serviceVersion,
    parsed: parts.parsed,
    parsed_packed: parts.packed ? byteaText(parts.packed) : null,
  };
}

const allNull = Object.fromEntries(Object.keys(parsedProductSchema.shape).map((field) => [field, null])) as Record<string, unknown>;

/** The whole parsed product again from a row's columns, its stored jsonb (slim or, for older rows, full) and its packed fields. */
export function storedProductOf(columns: ProductColumnValues, stored: unknown, packed: Uint8Array | null): Record<string, unknown> {
  const fromColumns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(productColumns)) fromColumns[field] = columns[column as keyof ProductColumnValues] ?? null;
  const storedObject = stored !== null && typeof stored === "object" && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const packedObject = packed ? (JSON.parse(unpackText(packed)) as Record<string, unknown>) : {};
  return { ...allNull, ...fromColumns, ...storedObject, ...packedObject };
}
