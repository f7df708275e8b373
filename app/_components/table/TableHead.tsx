// A table's plain header row from its column names ("" for an unnamed column, e.g. the row actions).
import type { ReactNode } from "react";

export function TableHead({ columns }: { columns: readonly ReactNode[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the columns of a table are fixed; the index is their identity.
          <th key={i}>{column}</th>
        ))}
      </tr>
    </thead>
  );
}
