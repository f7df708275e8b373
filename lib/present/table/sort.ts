// Table sorting kept in the URL: "?sort=count" ascending, "?sort=-count" descending. Pure helpers; the
// pages read and write the parameter, the tables sort with sortRows (or the API sorts, for paged lists).

export type SortDirection = "asc" | "desc";
export type SortState<K extends string = string> = { key: K; dir: SortDirection };
export type SortValue = string | number | boolean | null | undefined;

/** "-lastCheckIn" → { key: "lastCheckIn", dir: "desc" }; an unknown key falls back (a stale link still opens). */
export function parseSort<K extends string>(value: string | null | undefined, keys: readonly K[], fallback: SortState<K>): SortState<K> {
  if (!value) return fallback;
  const dir: SortDirection = value.startsWith("-") ? "desc" : "asc";
  const key = dir === "desc" ? value.slice(1) : value;
  const known = keys.find((k) => k === key);
  return known === undefined ? fallback : { key: known, dir };
}

export function sortParam(sort: SortState): string {
  return sort.dir === "desc" ? `-${sort.key}` : sort.key;
}

/** Clicking the sorted column flips it; another column starts ascending. */
export function nextSort<K extends string>(current: SortState<K>, key: K): SortState<K> {
  return current.key === key ? { key, dir: current.dir === "asc" ? "desc" : "asc" } : { key, dir: "asc" };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** Ascending order of two cell values; missing values sort last whatever the direction (they are not "small"). */
export function compareValues(a: SortValue, b: SortValue): number {
  const aMissing = a === null || a === undefined || a === "";
  const bMissing = b === null || b === undefined || b === "";
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  return collator.compare(String(a), String(b));
}

/** A sorted copy; ties keep their incoming order (stable), so a secondary order from the API survives. */
export function sortRows<T, K extends string>(rows: readonly T[], sort: SortState<K>, value: (row: T, key: K) => SortValue): T[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row, sort.key) }))
    .sort((a, b) => {
      const aMissing = a.v === null || a.v === undefined || a.v === "";
      const bMissing = b.v === null || b.v === undefined || b.v === "";
      if (aMissing !== bMissing) return aMissing ? 1 : -1;
      return sign * compareValues(a.v, b.v) || a.index - b.index;
    })
    .map((x) => x.row);
}

/** Severity as a sortable rank: critical first when ascending; no finding sorts after info. */
export const SEVERITY_RANK: Readonly<Record<string, number>> = { critical: 0, warning: 1, info: 2 };
