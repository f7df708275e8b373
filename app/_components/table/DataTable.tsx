// A data table as the dashboard draws them: a plain header row, the rows, and a box that scrolls sideways on a phone
// (a named region when `label` is given, so a page with several tables tells them apart). `caption` is read only
// by screen readers: the text summary of a chart the table stands beside.
import type { ReactNode } from "react";
import { ScrollBox } from "@/app/_components/ScrollBox";
import { TableHead } from "./TableHead";
import { TableScroll } from "./TableScroll";

type Props = {
  columns: Parameters<typeof TableHead>[0]["columns"];
  label?: string;
  className?: string;
  caption?: string;
  children: ReactNode;
};

export function DataTable({ columns, label, className, caption, children }: Props) {
  const table = (
    <table className={className}>
      {caption && <caption className="visuallyHidden">{caption}</caption>}
      <TableHead columns={columns} />
      <tbody>{children}</tbody>
    </table>
  );
  return label === undefined ? <TableScroll>{table}</TableScroll> : <ScrollBox label={label}>{table}</ScrollBox>;
}
