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

/**
 * Where the page is: `page` is its number (shown, and OFFSET for a typed link without cursor); `after` / `before` a
 * keyset cursor of the API (next / previous page), `last` the last page. At most one of the three is set.
 */
export type ClientPaging = { page: number; after: string; before: string; last: boolean };

/** `sort`: "fqdn" (the default), or a column key, "-" first for descending. */
export type ClientFilters = { q: string; state: string; channel: string; kmsHost: string; sort: string } & ClientPaging;

export const firstPage: ClientPaging = { page: 1, after: "", before: "", last: false };

export const emptyClientFilters: ClientFilters = { q: "", state: "", channel: "", kmsHost: "", sort: "fqdn", ...firstPage };

const SORT_PATTERN = new RegExp(`^-?(${CLIENT_SORT_KEYS.join("|")})$`);

export const PAGE_SIZE = 50;

type ReadableParams = { get(name: string): string | null };

const clean = (value: string | null, max: number) => (value ?? "").trim().slice(0, max);
const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,1400}$/;
const cursorParam = (value: string | null) => (value !== null && CURSOR_PATTERN.test(value) ? value : "");

/** One way in: a cursor after, else one before, else the last page (the API refuses two at once). */
function pagingFrom(params: ReadableParams, page: number): ClientPaging {
  const after = cursorParam(params.get("after"));
  const before = after ? "" : cursorParam(params.get("before"));
  return { page, after, before, last: !after && !before && params.get("last") === "1" };
}

/** Reads filters from a URLSearchParams-like object; anything missing or invalid falls back to the default. */
export function filtersFromSearchParams(params: ReadableParams): ClientFilters {
  const page = Number(params.get("page"));
  return {
    q: clean(params.get("q"), 200),
    state: clean(params.get("state"), 40),
    channel: clean(params.get("channel"), 60),
    kmsHost: clean(params.get("kmsHost"), 255),
    sort: SORT_PATTERN.test(params.get("sort") ?? "") ? (params.get("sort") ?? "fqdn") : "fqdn",
    ...pagingFrom(params, Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1),
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
  if (filters.after) params.set("after", filters.after);
  else if (filters.before) params.set("before", filters.before);
  else if (filters.last) params.set("last", "1");
  if (filters.page > 1) params.set("page", String(filters.page));
  return params.toString();
}

/** The API URL for a filter set (always sends page and pageSize; with a cursor the page is only its number). */
export function clientListUrl(filters: ClientFilters, pageSize = PAGE_SIZE): string {
  const params = new URLSearchParams(filtersToQueryString({ ...filters, page: 1 }));
  params.set("page", String(filters.page));
  params.set("pageSize", String(pageSize));
  return `/api/dashboard/clients?${params.toString()}`;
}

/** Changing any filter or the sort goes back to page 1 and drops the cursor (it belongs to the old list). */
export function withFilter(filters: ClientFilters, change: Partial<Omit<ClientFilters, keyof ClientPaging>>): ClientFilters {
  // (The rows of page 3 by name are not page 3 by expiry.)
  return { ...filters, ...change, ...firstPage };
}

/** What the API said of the shown page: its number and the cursors of its neighbours (null at either end). */
export type PageAnswer = { page: number; total: number; pageSize: number; nextCursor: string | null; prevCursor: string | null };

/**
 * Where First / Previous / Next / Last lead (null: disabled). Only cursors and `last`, never an OFFSET, so each
 * costs what page 1 costs; the page number travels along for the "Page 500 of 6,000" label.
 */
export function pagerTargets(
  filters: ClientFilters,
  answer: PageAnswer,
): Record<"first" | "previous" | "next" | "last", ClientFilters | null> {
  const at = (paging: Partial<ClientPaging>): ClientFilters => ({ ...filters, ...firstPage, ...paging });
  const pages = pageCount(answer.total, answer.pageSize);
  const onFirst = answer.prevCursor === null && answer.page <= 1;
  return {
    first: onFirst ? null : at({}),
    previous: answer.prevCursor === null ? null : at({ before: answer.prevCursor, page: Math.max(1, answer.page - 1) }),
    next: answer.nextCursor === null ? null : at({ after: answer.nextCursor, page: answer.page + 1 }),
    last: answer.nextCursor === null ? null : at({ last: true, page: pages }),
  };
}

/** The page's rows no longer sit where its number says (clients came or went since the cursor was taken). */
export function pageIsStale(answer: PageAnswer, rowCount: number): boolean {
  const pages = pageCount(answer.total, answer.pageSize);
  if (rowCount === 0) return answer.total > 0 || answer.page > 1;
  if (answer.page > pages) return true;
  return (answer.prevCursor === null && answer.page > 1) || (answer.nextCursor === null && answer.page < pages);
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
