// Previous / next with "Showing 51–100 of 230".
"use client";
import { useTranslations } from "next-intl";
import { pageCount } from "@/lib/read/clients/clientFilters";
import styles from "./clients.module.css";

type Props = { total: number; page: number; pageSize: number; busy: boolean; onPage: (page: number) => void };

export function Pagination({ total, page, pageSize, busy, onPage }: Props) {
  const t = useTranslations("pager");
  const pages = pageCount(total, pageSize);
  const from = (page - 1) * pageSize + 1;
  return (
    <div className={styles.pager}>
      <button type="button" disabled={page <= 1 || busy} onClick={() => onPage(page - 1)}>
        {t("previous")}
      </button>
      <span>{t("pageOf", { page, pages })}</span>
      <button type="button" disabled={page >= pages || busy} onClick={() => onPage(page + 1)}>
        {t("next")}
      </button>
      {total > 0 && from <= total && <span className="muted">{t("range", { from, to: Math.min(page * pageSize, total), total })}</span>}
      {busy && <span className="muted small">{t("updating")}</span>}
    </div>
  );
}
