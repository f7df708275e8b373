// Parsed products or events side by side: one row per field that any of them has, one column each.
import { fieldLabel, formatFieldValue, presentFields, type FieldRecord } from "@/lib/present/format/parsedFields";
import styles from "./clients.module.css";
import { TableScroll } from "@/app/_components/table/TableScroll";

type Props = { items: FieldRecord[]; headings: string[] };

export function ParsedFieldsTable({ items, headings }: Props) {
  const fields = presentFields(items);
  if (items.length === 0)
    return <p className="muted">Nothing was recognized as a product or an event. Check the type selected above matches what you pasted.</p>;
  return (
    <TableScroll>
      <table>
        <thead>
          <tr>
            <th>Field</th>
            {headings.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field}>
              <td title={field}>{fieldLabel(field)}</td>
              {items.map((item, i) => (
                <td key={i} className={styles.mono}>
                  {formatFieldValue(item[field])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Fields with no value in any column are hidden.</p>
    </TableScroll>
  );
}
