"use client";
// A table drawn from its list of columns: each column names its header once, and the table writes it on the <th>
// and, as data-label, on each of its cells (a stackOnPhone table shows it above the value on a phone). With
// `sort`, every header is a SortableHeader. The table sits in the sideways-scrolling box like every DataTable.
import type { ReactNode } from "react";
import type { SortState } from "@/lib/present/table/sort";
import { SortableHeader } from "./SortableHeader";
import { TableScroll } from "./TableScroll";

export type TableColumn<Row, K extends string = string> = {
  key: K;
  /** The header, and the cell's label on a phone ("" for a column without one, e.g. a row checkbox). */
  label: string;
  cell: (row: Row) => ReactNode;
  /** The header's content when it is more than its label (a select-all checkbox). */
  head?: ReactNode;
  /** Hover text on the header: what the column counts. */
  title?: string;
  className?: string;
  headClassName?: string;
};

type Props<Row, K extends string> = {
  columns: readonly TableColumn<Row, K>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  className?: string;
  sort?: { state: SortState<K>; onSort: (key: K) => void };
};

export function ColumnTable<Row, K extends string>({ columns, rows, rowKey, className, sort }: Props<Row, K>) {
  return (
    <TableScroll>
      <table className={className}>
        <thead>
          <tr>
            {columns.map((column) =>
              sort ? (
                <SortableHeader
                  key={column.key}
                  column={column.key}
                  sort={sort.state}
                  onSort={sort.onSort}
                  className={column.headClassName}
                >
                  {column.label}
                </SortableHeader>
              ) : (
                <th key={column.key} scope="col" title={column.title} className={column.headClassName}>
                  {column.head ?? column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} data-label={column.label || undefined} className={column.className}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
