"use client";
// The delivery log: one row per grouped message and channel, with every attempt and its error.
import { useFormatter, useTranslations } from "next-intl";
import { useNotificationDeliveriesQuery } from "@/lib/client/useNotificationsQueries";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";
import styles from "@/app/_components/clients/clients.module.css";
import { DataTable } from "@/app/_components/table/DataTable";

const statusClass: Record<string, string> = { sent: "ok", pending: "warning", failed: "critical" };
const STATUSES = ["sent", "pending", "failed"] as const;
const isStatus = (s: string): s is (typeof STATUSES)[number] => (STATUSES as readonly string[]).includes(s);

export function DeliveryLog() {
  const t = useTranslations("channels");
  const format = useFormatter();
  const query = useNotificationDeliveriesQuery();
  if (query.isPending) return <Loading what={t("loadingDeliveries")} />;
  if (query.isError) return <ErrorMessage error={query.error} what={t("theDeliveryLog")} onRetry={() => void query.refetch()} />;
  if (query.data.deliveries.length === 0) return <p className="muted">{t("nothingSent")}</p>;
  return (
    <DataTable columns={[t("created"), t("channel"), t("message"), t("status"), t("attempts")]}>
      {query.data.deliveries.map((d) => (
        <tr key={d.id}>
          <td className={styles.nowrap}>
            <TimeAgo iso={d.createdAt} />
          </td>
          <td>
            {d.channelName} <span className="muted small">({d.channelKind})</span>
          </td>
          <td>{d.summary}</td>
          <td>
            <span className={`badge ${statusClass[d.status] ?? ""}`}>{isStatus(d.status) ? t(`statuses.${d.status}`) : d.status}</span>
            {d.nextAttemptAt && <div className="muted small">{t.rich("nextTry", { time: () => <TimeAgo iso={d.nextAttemptAt} /> })}</div>}
          </td>
          <td>
            {d.attempts}
            <ol className={`${styles.list} small`}>
              {d.attemptLog.map((a, i) => (
                <li key={i}>
                  <time dateTime={a.at}>{format.dateTime(new Date(a.at), { dateStyle: "short", timeStyle: "medium" })}</time>:{" "}
                  {a.ok ? t("statuses.sent") : <span className="error">{a.error}</span>}
                </li>
              ))}
            </ol>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
