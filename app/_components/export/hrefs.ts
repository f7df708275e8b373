// Download URLs for the export links (kept free of React so they can be unit-tested).

export type ExportTableName = "clients" | "hosts" | "alerts" | "duplicate-cmids" | "audit";
type ReadableParams = { get(name: string): string | null } | null;

/** Only the listed filter keys are carried over: paging and view state do not belong in an export. */
export function exportCsvHref(table: ExportTableName, params: ReadableParams, filterKeys: readonly string[]): string {
  const query = new URLSearchParams();
  for (const key of filterKeys) {
    const value = params?.get(key)?.trim();
    if (value) query.set(key, value);
  }
  const qs = query.toString();
  return `/api/dashboard/export/${table}.csv${qs ? `?${qs}` : ""}`;
}

export function supportBundleHref(kind: "host" | "client", id: string, days = 30): string {
  return `/api/dashboard/bundle/${kind}/${encodeURIComponent(id)}.zip?days=${days}`;
}
