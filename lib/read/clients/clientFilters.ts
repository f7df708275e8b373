// Clients page filters <-> URL query string, so a filtered view can be shared as a link.
// Pure and imported by client pages too: not marked server-only (that broke `next build`).

export type ClientFilters = { q: string; state: string; channel: string; kmsHost: string; page: number };

export const emptyClientFilters: ClientFilters = { q: "", state: "", channel: "", kmsHost: "", page: 1 };

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
  };
}

/** Query string (no leading "?") with only the non-default filters, in a stable order. */
export function filtersToQueryString(filters: ClientFilters): string {
  const params = new URLSearchParams();
  for (const key of ["q", "state", "channel", "kmsHost"] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
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

/** License states the API filters on (lib/kms/parsed.ts order), repeated here to keep zod out of the page bundle. */
export const LICENSE_STATES = [
  "Licensed",
  "InitialGrace",
  "AdditionalGrace",
  "NonGenuineGrace",
  "Notification",
  "ExtendedGrace",
  "Unlicensed",
] as const;

/** Common channels; the select also keeps any other value that came in through the URL. */
export const CHANNELS = ["VOLUME_KMSCLIENT", "VOLUME_MAK", "RETAIL", "OEM_DM"] as const;
