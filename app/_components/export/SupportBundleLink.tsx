// "Download support bundle": the zip Microsoft support asks for (raw /dlv, KMS event logs, summary, findings).
"use client";
import { useTranslations } from "next-intl";
import { supportBundleHref } from "@/app/_components/export/hrefs";
import styles from "./export.module.css";

export function SupportBundleLink({ kind, id }: { kind: "host" | "client"; id: string }) {
  const t = useTranslations("common");
  return (
    <a className={styles.download} href={supportBundleHref(kind, id)} download title={t("supportBundleTitle")}>
      {t("supportBundle")}
    </a>
  );
}
