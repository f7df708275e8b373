// The dashboard tables one can download as CSV, each with the page's filters and columns.
// Clients and hosts (one row per machine, 100k+ in a large fleet) stream from a Postgres cursor;
// stored alerts, duplicate CMIDs and the host audit are aggregates the dashboard already computes whole,
// so they reuse those queries and only the writing streams.
import "server-only";
import type { AlertView } from "@/lib/evaluate/alerts/view";
import { searchParams } from "@/lib/access/http/params";
import { getDuplicateCmids, type DuplicateCmidGroup } from "@/lib/read/fleet/getDuplicateCmids";
import { getHostAudit, type HostAudit } from "@/lib/read/audit/getHostAudit";
import { csvStream, type CsvColumn, type CsvValue } from "@/lib/read/export/csv";
import { arrayBatches, cursorBatches } from "@/lib/read/export/cursor";
import { clientExportQuerySchema, clientRowsQuery, type ClientExportRow } from "@/lib/read/clients/clientRowsQuery";
import { hostRowsQuery, type HostExportRow } from "@/lib/read/hosts/hostRowsQuery";
import { alertRows } from "@/lib/read/export/alertRows";
import type { Locale } from "@/lib/core/locales";
import { msg } from "@/lib/core/i18n/messageRef";
import { translate } from "@/lib/core/i18n/translate";
import { localizeFinding } from "@/lib/kms/localizeFinding";

/** `locale`: the requesting user's language, for the header line (and the alerts' texts); columns keep their order. */
export type ExportTable = { base: string; open(url: string, locale: Locale): Promise<ReadableStream<Uint8Array>> };

/**
 * Fetches the first batch before the response starts, so a bad query or a database outage still
 * answers with a proper error status instead of a truncated download.
 */
async function primed<T>(batches: AsyncIterable<T[]>): Promise<AsyncIterable<T[]>> {
  const iterator = batches[Symbol.asyncIterator]();
  let first: IteratorResult<T[]> | null = await iterator.next();
  // A plain iterator, not a generator: return() must reach the cursor even before the first pull.
  const primedIterator: AsyncIterator<T[]> = {
    next: async () => {
      if (!first) return iterator.next();
      const result = first;
      first = null;
      return result;
    },
    return: async () => {
      first = null;
      await iterator.return?.();
      return { done: true, value: undefined };
    },
  };
  return { [Symbol.asyncIterator]: () => primedIterator };
}

type TableName = "clients" | "hosts" | "alerts" | "duplicates" | "audit";

/**
 * Each column's header in the reader's language (csv.<table>.<column>); the English ones are the machine names
 * scripts read (fqdn, license_status…), and a column the catalogue lacks keeps its machine name.
 */
function localized<T>(table: TableName, columns: CsvColumn<T>[], locale: Locale): CsvColumn<T>[] {
  const render = translate(locale);
  return columns.map((c) => ({ ...c, header: render(msg(`csv.${table}.${c.header}`)) ?? c.header }));
}

async function streamOf<T>(table: TableName, columns: CsvColumn<T>[], batches: AsyncIterable<T[]>, locale: Locale) {
  return csvStream(localized(table, columns, locale), await primed(batches));
}

/** Columns that each write one field of the row, as CSV header: field, in the file's order. */
const fieldColumns = <T extends Record<string, CsvValue>>(fields: Record<string, keyof T & string>): CsvColumn<T>[] =>
  Object.entries(fields).map(([header, field]) => ({ header, value: (r) => r[field] }));

const clientColumns = fieldColumns<ClientExportRow>({
  fqdn: "fqdn",
  hostname: "hostname",
  license_status: "license_status",
  channel: "channel",
  product_key_channel: "product_key_channel",
  partial_product_key: "partial_product_key",
  edition: "name",
  cmid: "cmid",
  kms_host: "kms_host",
  kms_port: "kms_port",
  expires_at: "expires_at",
  last_check_in_at: "last_seen_at",
  id: "id",
});

const hostColumns = fieldColumns<HostExportRow>({
  fqdn: "fqdn",
  hostname: "hostname",
  license_status: "license_status",
  current_count: "current_count",
  listening_port: "listening_port",
  dns_publishing: "dns_publishing",
  service_version: "service_version",
  edition: "name",
  channel: "channel",
  total_requests: "total_requests",
  failed_requests: "failed_requests",
  last_request_at: "last_request_at",
  last_check_in_at: "last_seen_at",
  id: "id",
});

/** The alerts' title, cause and fix in the reader's language (stored English for alerts recorded without messages). */
const alertColumns = (locale: Locale): CsvColumn<AlertView>[] => {
  const render = translate(locale);
  const text = (f: AlertView) => localizeFinding(f, render);
  return [
    { header: "severity", value: (f) => f.severity },
    { header: "state", value: (f) => f.state },
    { header: "subject_kind", value: (f) => f.subject.kind },
    { header: "subject_fqdn", value: (f) => f.subject.fqdn },
    { header: "rule_id", value: (f) => f.ruleId },
    { header: "title", value: (f) => text(f).title },
    { header: "since", value: (f) => f.since },
    { header: "cause", value: (f) => text(f).cause },
    { header: "fix", value: (f) => text(f).fix },
    { header: "evidence", value: (f) => JSON.stringify(f.evidence) },
    { header: "first_seen_at", value: (f) => f.firstSeenAt },
    { header: "last_seen_at", value: (f) => f.lastSeenAt },
    { header: "resolved_at", value: (f) => f.resolvedAt },
    { header: "snoozed_until", value: (f) => f.snoozedUntil },
    { header: "alert_id", value: (f) => f.id },
    { header: "machine_id", value: (f) => f.subject.machineId },
  ];
};

const duplicateColumns = fieldColumns<DuplicateCmidGroup>({
  cmid: "cmid",
  machine_count: "machineCount",
  count_lost: "countLost",
  machines: "machines",
  kms_hosts: "kmsHosts",
  first_seen_at: "firstSeenAt",
  last_seen_at: "lastSeenAt",
});

const auditColumns = fieldColumns<HostAudit["hosts"][number]>({
  host: "host",
  approved: "approved",
  sources: "sources",
  clients: "clients",
  current_count: "currentCount",
  first_seen_at: "firstSeenAt",
  last_seen_at: "lastSeenAt",
  client_sample: "clientSample",
});

export const exportTables: Record<string, ExportTable> = {
  "clients.csv": {
    base: "clients",
    open: (url, locale) =>
      streamOf(
        "clients",
        clientColumns,
        cursorBatches<ClientExportRow>(clientRowsQuery(searchParams(url, clientExportQuerySchema))),
        locale,
      ),
  },
  "hosts.csv": {
    base: "kms-hosts",
    open: (_url, locale) => streamOf("hosts", hostColumns, cursorBatches<HostExportRow>(hostRowsQuery()), locale),
  },
  "alerts.csv": {
    base: "alerts",
    open: async (url, locale) => streamOf("alerts", alertColumns(locale), arrayBatches(await alertRows(url)), locale),
  },
  "duplicate-cmids.csv": {
    base: "duplicate-cmids",
    open: async (_url, locale) => streamOf("duplicates", duplicateColumns, arrayBatches(await getDuplicateCmids()), locale),
  },
  "audit.csv": {
    base: "kms-host-audit",
    open: async (_url, locale) => streamOf("audit", auditColumns, arrayBatches((await getHostAudit()).hosts), locale),
  },
};
