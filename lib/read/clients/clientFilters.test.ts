import { describe, expect, it } from "vitest";
import {
  clientListUrl,
  emptyClientFilters,
  filtersFromSearchParams,
  filtersToQueryString,
  hasActiveFilters,
  pageCount,
  pageRangeLabel,
  withFilter,
} from "./clientFilters";

describe("client filters <-> URL", () => {
  it("round-trips every filter", () => {
    const filters = { q: "pc-01", state: "Notification", channel: "VOLUME_MAK", kmsHost: "kms01.corp", page: 3, sort: "-expires" };
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
