// Clients page filters <-> URL query string, so a filtered view can be shared as a link.
// Shared with the pages (the filters live in the URL), so not server-only: pure, no I/O.
import { licenseStatusValues, type LicenseStatusValue } from "@/lib/kms/licenseStatus";

/** The clients table's sortable columns; the API accepts each, "-" first for descending. */
export const CLIENT_SORT_KEYS = [
  "fqdn",
  "worst",
  "edition",
  "channel",
  "partialKey",
  "license",
  "expires",
  "cmid",
  "kmsHost",
  "lastCheckIn",
] as const;
export type ClientSortKey = (typeof CLIENT_SORT_KEYS)[number];

/** `sort`: "fqdn" (the default), or a column key, "-" first for descending. */
export type ClientFilters = { q: string; state: string; channel: string; kmsHost: string; page: number; sort: string };

export const emptyClientFilters: ClientFilters = { q: "", state: "", channel: "", kmsHost: "", page: 1, sort: "fqdn" };

const SORT_PATTERN = new RegExp(`^-?(${CLIENT_SORT_KEYS.join("|")})$`);

export const PAGE_SIZE = 50;

type ReadableParams = { get(name: string): string | null };

const clean = (value: string | null, max: number) => (value ?? "").trim().slice(0, max);

/** Reads filters from a URLSearchParams-like object; anything missing or invalid falls back to the default. */
export function filtersFromSearchParams(params: ReadableParams): ClientFilters {
  const page = Number(params.get("page"));
  return {
    q: clean(params.get("q"), 200),
    state: clean(params.get("state"), 40),
    channel: clean(params.get("channel"), 60),
    kmsHost: clean(params.get("kmsHost"), 255),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    sort: SORT_PATTERN.test(params.get("sort") ?? "") ? (params.get("sort") ?? "fqdn") : "fqdn",
  };
}

/** Query string (no leading "?") with only the non-default filters, in a stable order. */
export function filtersToQueryString(filters: ClientFilters): string {
  const params = new URLSearchParams();
  for (const key of ["q", "state", "channel", "kmsHost"] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  if (filters.sort && filters.sort !== "fqdn") params.set("sort", filters.sort);
  if (filters.page > 1) params.set("page", String(filters.page));
  return params.toString();
}

/** The API URL for a filter set (always sends page and pageSize). */
export function clientListUrl(filters: ClientFilters, pageSize = PAGE_SIZE): string {
  const params = new URLSearchParams(filtersToQueryString({ ...filters, page: 1 }));
  params.set("page", String(filters.page));
  params.set("pageSize", String(pageSize));
  return `/api/dashboard/clients?${params.toString()}`;
}

/** Changing any filter other than the page goes back to page 1. */
export function withFilter(filters: ClientFilters, change: Partial<Omit<ClientFilters, "page">>): ClientFilters {
  // (A new sort also goes back to page 1: the rows of page 3 by name are not page 3 by expiry.)
  return { ...filters, ...change, page: 1 };
}

export function hasActiveFilters(filters: ClientFilters): boolean {
  return Boolean(filters.q || filters.state || filters.channel || filters.kmsHost);
}

/** "Showing 51–100 of 230"; "" when there is nothing. */
export function pageRangeLabel(total: number, page: number, pageSize: number): string {
  if (total <= 0) return "";
  const first = (page - 1) * pageSize + 1;
  if (first > total) return `Page ${page} is past the end (${total} in total)`;
  return `Showing ${first}–${Math.min(page * pageSize, total)} of ${total}`;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** License states the API filters on, in code order but Unlicensed last (the select lists the usual ones first). */
export const LICENSE_STATES: readonly LicenseStatusValue[] = [...licenseStatusValues.slice(1), licenseStatusValues[0]];

/** Common channels; the select also keeps any other value that came in through the URL. */
export const CHANNELS = ["VOLUME_KMSCLIENT", "VOLUME_MAK", "RETAIL", "OEM_DM"] as const;
