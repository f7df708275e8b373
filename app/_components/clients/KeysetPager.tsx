// First / Previous / Next / Last by keyset cursor, with "Page 500 of 6,000" and "Showing 24,951–25,000 of 300,000".
// Every button leads to a cursor (or the last page), never to an OFFSET, so a deep page costs what page 1 costs.
"use client";
import { useTranslations } from "next-intl";
import { pageCount, pagerTargets, type ClientFilters, type PageAnswer } from "@/lib/read/clients/clientFilters";
import styles from "./clients.module.css";

type Props = { filters: ClientFilters; answer: PageAnswer; rowCount: number; busy: boolean; onGo: (filters: ClientFilters) => void };

export function KeysetPager({ filters, answer, rowCount, busy, onGo }: Props) {
  const t = useTranslations("pager");
  const targets = pagerTargets(filters, answer);
  const from = (answer.page - 1) * answer.pageSize + 1;
  const to = Math.min(from + rowCount - 1, answer.total);
  const button = (which: keyof typeof targets) => {
    const target = targets[which];
    return (
      <button type="button" disabled={target === null || busy} onClick={() => target && onGo(target)}>
        {t(which)}
      </button>
    );
  };
  return (
    <nav className={styles.pager} aria-label={t("label")}>
      {button("first")}
      {button("previous")}
      <span>{t("pageOf", { page: answer.page, pages: pageCount(answer.total, answer.pageSize) })}</span>
      {button("next")}
      {button("last")}
      {rowCount > 0 && from <= to && <span className="muted">{t("range", { from, to, total: answer.total })}</span>}
      {busy && <span className="muted small">{t("updating")}</span>}
    </nav>
  );
}
