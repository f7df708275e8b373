// Parsed products or events side by side: one row per field that any of them has, one column each.
import { useTranslations } from "next-intl";
import { fieldLabel, formatFieldValue, presentFields, type FieldRecord } from "@/lib/present/format/parsedFields";
import styles from "./clients.module.css";
import { DataTable } from "@/app/_components/table/DataTable";

type Props = { items: FieldRecord[]; headings: string[] };

export function ParsedFieldsTable({ items, headings }: Props) {
  const t = useTranslations("parse.fields");
  const fields = presentFields(items);
  if (items.length === 0) return <p className="muted">{t("nothing")}</p>;
  return (
    <>
      <DataTable columns={[t("field"), ...headings]}>
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
      </DataTable>
      <p className="muted small">{t("hiddenEmpty")}</p>
    </>
  );
}
