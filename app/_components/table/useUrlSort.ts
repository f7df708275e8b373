"use client";
// A table's sort in the URL (?sort=-count, or ?<param>=… when a page has several tables), so a sorted view
// survives a reload and can be shared. Other parameters (filters, range) are kept as they are.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { nextSort, parseSort, sortParam, type SortState } from "@/lib/present/table/sort";

export function useUrlSort<K extends string>(keys: readonly K[], fallback: SortState<K>, param = "sort") {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const sort = parseSort(params.get(param), keys, fallback);
  const toggle = (key: K) => {
    const next = nextSort(sort, key);
    const qs = new URLSearchParams(params.toString());
    if (next.key === fallback.key && next.dir === fallback.dir) qs.delete(param);
    else qs.set(param, sortParam(next));
    // A new order starts at the first page of a paged list.
    qs.delete("page");
    router.replace(qs.size > 0 ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  return { sort, toggle };
}
