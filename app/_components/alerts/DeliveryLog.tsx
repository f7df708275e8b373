"use client";
// The delivery log: one row per grouped message and channel, with every attempt and its error.
import { useNotificationDeliveriesQuery } from "@/lib/client/useNotificationDeliveriesQuery";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";
import styles from "@/app/_components/clients/clients.module.css";
import { TableScroll } from "@/app/_components/table/TableScroll";

const statusClass: Record<string, string> = { sent: "ok", pending: "warning", failed: "critical" };

export function DeliveryLog() {
  const query = useNotificationDeliveriesQuery();
  if (query.isPending) return <Loading what="deliveries" />;
  if (query.isError) return <ErrorMessage error={query.error} what="the delivery log" onRetry={() => void query.refetch()} />;
  if (query.data.deliveries.length === 0) return <p className="muted">Nothing sent yet.</p>;
  return (
    <TableScroll>
      <table>
        <thead>
          <tr>
            <th>Created</th>
            <th>Channel</th>
            <th>Message</th>
            <th>Status</th>
            <th>Attempts</th>
          </tr>
        </thead>
        <tbody>
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
                <span className={`badge ${statusClass[d.status] ?? ""}`}>{d.status}</span>
                {d.nextAttemptAt && (
                  <div className="muted small">
                    next try <TimeAgo iso={d.nextAttemptAt} />
                  </div>
                )}
              </td>
              <td>
                {d.attempts}
                <ol className={`${styles.list} small`}>
                  {d.attemptLog.map((a, i) => (
                    <li key={i}>
                      <time dateTime={a.at}>{new Date(a.at).toLocaleString()}</time>:{" "}
                      {a.ok ? "sent" : <span className="error">{a.error}</span>}
                    </li>
                  ))}
                </ol>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
