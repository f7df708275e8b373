// A snapshot row keeps a parsed product's fields twice unless told otherwise: in its own columns (what
// queries filter on) and in the `parsed` jsonb (what the client page and the support bundle show). The
// jsonb is the wide part of a ~2 KB row (just under the size at which PostgreSQL would compress it), so it
// stores only what no column holds, and no nulls: about a third of the bytes. Rows stored before keep
// their full jsonb; `storedProductOf` reads both forms.
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

/** The jsonb to store beside the columns: the fields no column holds, nulls left out. */
export function slimParsed(product: ParsedProduct): Record<string, unknown> {
  const slim: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(product)) {
    if (value === null || value === undefined || field in productColumns) continue;
    slim[field] = value;
  }
  return slim;
}

const allNull = Object.fromEntries(Object.keys(parsedProductSchema.shape).map((field) => [field, null])) as Record<string, unknown>;

/** The whole parsed product again from a row's columns and its stored jsonb (slim or, for older rows, full). */
export function storedProductOf(columns: ProductColumnValues, stored: unknown): Record<string, unknown> {
  const fromColumns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(productColumns)) fromColumns[field] = columns[column as keyof ProductColumnValues] ?? null;
  const storedObject = stored !== null && typeof stored === "object" && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  return { ...allNull, ...fromColumns, ...storedObject };
}
