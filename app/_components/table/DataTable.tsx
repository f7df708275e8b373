// A data table as the dashboard draws them: a plain header row, the rows, and a box that scrolls sideways on a phone
// (a named region when `label` is given, so a page with several tables tells them apart).
import type { ReactNode } from "react";
import { ScrollBox } from "@/app/_components/ScrollBox";
import { TableHead } from "./TableHead";
import { TableScroll } from "./TableScroll";

type Props = { columns: Parameters<typeof TableHead>[0]["columns"]; label?: string; className?: string; children: ReactNode };

export function DataTable({ columns, label, className, children }: Props) {
  const table = (
    <table className={className}>
      <TableHead columns={columns} />
      <tbody>{children}</tbody>
    </table>
  );
  return label === undefined ? <TableScroll>{table}</TableScroll> : <ScrollBox label={label}>{table}</ScrollBox>;
}
