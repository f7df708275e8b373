import { describe, expect, it } from "vitest";
import {
  clientListUrl,
  emptyClientFilters,
  filtersFromSearchParams,
  filtersToQueryString,
  hasActiveFilters,
  pageCount,
  pageIsStale,
  pageRangeLabel,
  pagerTargets,
  withFilter,
} from "./clientFilters";

describe("client filters <-> URL", () => {
  it("round-trips every filter", () => {
    const filters = {
      ...emptyClientFilters,
      q: "pc-01",
      state: "Notification",
      channel: "VOLUME_MAK",
      kmsHost: "kms01.corp",
      page: 3,
      sort: "-expires",
    };
    const qs = filtersToQueryString(filters);
    expect(qs).toBe("q=pc-01&state=Notification&channel=VOLUME_MAK&kmsHost=kms01.corp&sort=-expires&page=3");
    expect(filtersFromSearchParams(new URLSearchParams(qs))).toEqual(filters);
  });

  it("leaves defaults out of the URL", () => {
    expect(filtersToQueryString(emptyClientFilters)).toBe("");
    expect(filtersToQueryString({ ...emptyClientFilters, q: "  " })).toBe("");
  });

  it("falls back to page 1 for a missing or bad page", () => {
    for (const page of ["", "0", "-2", "1.5", "abc", "999999"]) {
      expect(filtersFromSearchParams(new URLSearchParams({ page })).page).toBe(1);
    }
  });

  it("trims and caps values", () => {
    const f = filtersFromSearchParams(new URLSearchParams({ q: "  x  ", kmsHost: "a".repeat(300) }));
    expect(f.q).toBe("x");
    expect(f.kmsHost).toHaveLength(255);
  });

  it("encodes special characters", () => {
    const qs = filtersToQueryString({ ...emptyClientFilters, q: "a&b=c" });
    expect(new URLSearchParams(qs).get("q")).toBe("a&b=c");
  });

  it("builds the API URL with page and pageSize", () => {
    expect(clientListUrl({ ...emptyClientFilters, state: "Licensed", page: 2 }, 25)).toBe(
      "/api/dashboard/clients?state=Licensed&page=2&pageSize=25",
    );
  });

  it("resets the page when a filter changes", () => {
    expect(withFilter({ ...emptyClientFilters, page: 4 }, { state: "Licensed" })).toEqual({ ...emptyClientFilters, state: "Licensed" });
  });

  it("knows when a filter is active", () => {
    expect(hasActiveFilters(emptyClientFilters)).toBe(false);
    expect(hasActiveFilters({ ...emptyClientFilters, page: 3 })).toBe(false);
    expect(hasActiveFilters({ ...emptyClientFilters, channel: "RETAIL" })).toBe(true);
  });
});

describe("paging labels", () => {
  it("shows the range", () => {
    expect(pageRangeLabel(230, 2, 50)).toBe("Showing 51–100 of 230");
    expect(pageRangeLabel(230, 5, 50)).toBe("Showing 201–230 of 230");
    expect(pageRangeLabel(0, 1, 50)).toBe("");
    expect(pageRangeLabel(10, 3, 50)).toMatch(/past the end/);
  });
  it("counts pages", () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
  });
});

describe("clients sort in the URL", () => {
  it("keeps a known column sort, descending included, and drops anything else", () => {
    const read = (qs: string) => filtersFromSearchParams(new URLSearchParams(qs)).sort;
    expect(read("sort=-lastCheckIn")).toBe("-lastCheckIn");
    expect(read("sort=worst")).toBe("worst");
    expect(read("sort=-password_hash")).toBe("fqdn");
    expect(read("sort=fqdn;DROP")).toBe("fqdn");
    expect(filtersToQueryString({ ...emptyClientFilters, sort: "-expires", page: 2 })).toBe("sort=-expires&page=2");
    expect(filtersToQueryString({ ...emptyClientFilters, sort: "fqdn" })).toBe("");
  });
});

describe("keyset paging in the URL", () => {
  const cursor = "eyJzIjoiZnFkbiJ9";
  it("round-trips a cursor with its page number, after or before, and the last page", () => {
    for (const paging of [{ after: cursor }, { before: cursor }, { last: true }]) {
      const filters = { ...emptyClientFilters, sort: "-lastCheckIn", page: 500, ...paging };
      const qs = filtersToQueryString(filters);
      expect(filtersFromSearchParams(new URLSearchParams(qs))).toEqual(filters);
    }
    expect(filtersToQueryString({ ...emptyClientFilters, q: "pc", after: cursor, page: 2 })).toBe(`q=pc&after=${cursor}&page=2`);
  });

  it("keeps one way in (after, then before, then last) and drops what is not a cursor", () => {
    const read = (qs: string) => filtersFromSearchParams(new URLSearchParams(qs));
    expect(read(`after=${cursor}&before=${cursor}&last=1`)).toMatchObject({ after: cursor, before: "", last: false });
    expect(read(`before=${cursor}&last=1`)).toMatchObject({ after: "", before: cursor, last: false });
    expect(read("after=not%20a%20cursor&last=1")).toMatchObject({ after: "", last: true });
    expect(read(`after=${"a".repeat(1401)}`).after).toBe("");
  });

  it("sends the cursor to the API along with the page number", () => {
    expect(clientListUrl({ ...emptyClientFilters, before: cursor, page: 7 }, 50)).toBe(
      `/api/dashboard/clients?before=${cursor}&page=7&pageSize=50`,
    );
    expect(clientListUrl({ ...emptyClientFilters, last: true, page: 9 }, 50)).toBe("/api/dashboard/clients?last=1&page=9&pageSize=50");
  });

  it("drops the cursor when a filter or the sort changes", () => {
    const deep = { ...emptyClientFilters, after: cursor, page: 12 };
    expect(withFilter(deep, { sort: "-expires" })).toEqual({ ...emptyClientFilters, sort: "-expires" });
    expect(withFilter({ ...deep, after: "", before: cursor }, { q: "x" })).toEqual({ ...emptyClientFilters, q: "x" });
  });
});

describe("pager buttons", () => {
  const answer = { page: 3, total: 230, pageSize: 50, nextCursor: "n", prevCursor: "p" };
  it("lead by cursor (previous, next) or to the last page, never by page number alone", () => {
    const targets = pagerTargets({ ...emptyClientFilters, q: "pc", after: "x", page: 3 }, answer);
    expect(targets.next).toEqual({ ...emptyClientFilters, q: "pc", after: "n", page: 4 });
    expect(targets.previous).toEqual({ ...emptyClientFilters, q: "pc", before: "p", page: 2 });
    expect(targets.last).toEqual({ ...emptyClientFilters, q: "pc", last: true, page: 5 });
    expect(targets.first).toEqual({ ...emptyClientFilters, q: "pc" });
  });
  it("are disabled at the ends", () => {
    const first = pagerTargets(emptyClientFilters, { ...answer, page: 1, prevCursor: null });
    expect([first.first, first.previous]).toEqual([null, null]);
    const last = pagerTargets(emptyClientFilters, { ...answer, page: 5, nextCursor: null });
    expect([last.next, last.last]).toEqual([null, null]);
  });
  it("tell a page that moved (rows came or went) from one that is where its number says", () => {
    expect(pageIsStale(answer, 50)).toBe(false);
    expect(pageIsStale({ ...answer, page: 1, prevCursor: null }, 50)).toBe(false);
    expect(pageIsStale({ ...answer, prevCursor: null }, 50)).toBe(true);
    expect(pageIsStale({ ...answer, nextCursor: null }, 50)).toBe(true);
    expect(pageIsStale({ ...answer, page: 9 }, 50)).toBe(true);
    expect(pageIsStale({ ...answer, nextCursor: null, prevCursor: null }, 0)).toBe(true);
    expect(pageIsStale({ ...answer, total: 0, page: 1, nextCursor: null, prevCursor: null }, 0)).toBe(false);
  });
});
