"use client";
// The CMIDs this machine reported over time: a change means it was re-imaged or rearmed.
import type { ClientDetail } from "@/lib/read/clients/getClientDetail";
import { useTranslations } from "next-intl";
import { CmidLink } from "@/app/_components/ClientName";
import styles from "./clients.module.css";
import { DataTable } from "@/app/_components/table/DataTable";
import { WhenCell } from "@/app/_components/table/WhenCell";

export function CmidHistory({ history }: { history: ClientDetail["cmidHistory"] }) {
  const t = useTranslations("cmidHistory");
  if (history.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <>
      {history.length > 1 && (
        <p className="muted small">{t.rich("changed", { count: history.length - 1, code: (c) => <code>{c}</code> })}</p>
      )}
      <DataTable columns={["CMID", t("firstSeen"), t("lastSeen")]}>
        {history.map((c) => (
          <tr key={c.cmid}>
            <td className={styles.mono}>
              <CmidLink cmid={c.cmid} />
            </td>
            <WhenCell iso={c.firstSeenAt} show="date" />
            <WhenCell iso={c.lastSeenAt} show="date" />
          </tr>
        ))}
      </DataTable>
    </>
  );
}
