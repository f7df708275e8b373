"use client";
// "Export CSV" link: a plain download of /api/dashboard/export/<table>.csv with the filters the page
// currently shows (read from its URL), so the file matches the screen, all pages included.
import { Suspense } from "react";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { exportCsvHref, type ExportTableName } from "@/app/_components/export/hrefs";
import styles from "./export.module.css";

type Props = { table: ExportTableName; filterKeys?: readonly string[] };

function FilteredLink({ table, filterKeys = [] }: Props) {
  const params = useSearchParams();
  const t = useTranslations("common");
  return (
    <a className={styles.download} href={exportCsvHref(table, params, filterKeys)} download>
      {t("exportCsv")}
    </a>
  );
}

export function ExportCsvLink(props: Props) {
  const t = useTranslations("common");
  // useSearchParams needs a Suspense boundary on statically rendered pages; the fallback keeps the filters out.
  return (
    <div className={styles.row}>
      <Suspense
        fallback={
          <a className={styles.download} href={exportCsvHref(props.table, null, [])} download>
            {t("exportCsv")}
          </a>
        }
      >
        <FilteredLink {...props} />
      </Suspense>
    </div>
  );
}
