"use client";
// Configured channels (secrets masked) with enable/disable, test and delete.
import { useState } from "react";
import { useNotificationChannelsQuery } from "@/lib/client/useNotificationChannelsQuery";
import { useNotificationChannelMutation } from "@/lib/client/useNotificationChannelMutations";
import type { ChannelView } from "@/lib/evaluate/notify/listChannels";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";
import styles from "@/app/_components/clients/clients.module.css";
import { TableScroll } from "@/app/_components/table/TableScroll";

function ChannelRow({ channel }: { channel: ChannelView }) {
  const mutation = useNotificationChannelMutation();
  const [result, setResult] = useState("");
  const test = () =>
    mutation.mutate(
      { op: "test", id: channel.id },
      {
        onSuccess: (data) => {
          const answer = data as { status: string; lastError: string | null };
          setResult(answer.status === "sent" ? "test sent" : `test failed: ${answer.lastError ?? "unknown error"}`);
        },
      },
    );
  return (
    <tr className={channel.enabled ? undefined : styles.dim}>
      <td>{channel.name}</td>
      <td>{channel.kind}</td>
      <td className={styles.mono}>
        {Object.entries(channel.config)
          .map(([k, v]) => `${k}: ${v}`)
          .join(" · ")}
      </td>
      <td>{channel.enabled ? "enabled" : "disabled"}</td>
      <td className={styles.nowrap}>
        <button
          type="button"
          className={styles.secondary}
          disabled={mutation.isPending}
          onClick={() => mutation.mutate({ op: "update", id: channel.id, enabled: !channel.enabled })}
        >
          {channel.enabled ? "Disable" : "Enable"}
        </button>{" "}
        <button type="button" className={styles.secondary} disabled={mutation.isPending} onClick={test}>
          Send test
        </button>{" "}
        <button
          type="button"
          className={styles.danger}
          disabled={mutation.isPending}
          onClick={() => {
            if (window.confirm(`Delete channel "${channel.name}" and its delivery log?`)) mutation.mutate({ op: "delete", id: channel.id });
          }}
        >
          Delete
        </button>
        {result && <div className="small">{result}</div>}
        {mutation.isError && <div className="error small">{mutation.error.message}</div>}
      </td>
    </tr>
  );
}

export function ChannelTable() {
  const query = useNotificationChannelsQuery();
  if (query.isPending) return <Loading what="channels" />;
  if (query.isError) return <ErrorMessage error={query.error} what="the channels" onRetry={() => void query.refetch()} />;
  if (query.data.channels.length === 0) return <p className="muted">No channel yet: alerts are only shown in the dashboard.</p>;
  return (
    <TableScroll>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Kind</th>
            <th>Settings</th>
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {query.data.channels.map((c) => (
            <ChannelRow key={c.id} channel={c} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
