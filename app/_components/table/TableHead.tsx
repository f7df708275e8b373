// A table's plain header row from its column names ("" for an unnamed column, e.g. the row actions), or
// { label, className } for a column that needs a class (numbers aligned right).
import type { ReactNode } from "react";

type Column = ReactNode | { label: ReactNode; className?: string };

const isStyled = (column: Column): column is { label: ReactNode; className?: string } =>
  typeof column === "object" && column !== null && "label" in column;

export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => (
          <th key={i} scope="col" className={isStyled(column) ? column.className : undefined}>
            {isStyled(column) ? column.label : column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
