"use client";
// A column header that sorts its table: a button inside the <th>, with aria-sort telling screen readers the order.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { SortState } from "@/lib/present/table/sort";

type Props<K extends string> = { column: K; sort: SortState<K>; onSort: (key: K) => void; children: ReactNode; className?: string };

export function SortableHeader<K extends string>({ column, sort, onSort, children, className }: Props<K>) {
  const t = useTranslations("common");
  const active = sort.key === column;
  const ariaSort = active ? (sort.dir === "asc" ? "ascending" : "descending") : "none";
  return (
    <th scope="col" aria-sort={ariaSort} className={className}>
      <button type="button" className="sortButton" onClick={() => onSort(column)}>
        {children}
        <span aria-hidden="true" className="sortMark">
          {active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        {active && <span className="visuallyHidden"> ({sort.dir === "asc" ? t("sortedAscending") : t("sortedDescending")})</span>}
      </button>
    </th>
  );
}
