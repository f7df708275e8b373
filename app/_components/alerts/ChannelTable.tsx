"use client";
// Configured channels (secrets masked) with their language, enable/disable, test and delete.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useNotificationChannelsQuery } from "@/lib/client/useNotificationsQueries";
import { useNotificationChannelMutation } from "@/lib/client/useNotificationChannelMutations";
import type { ChannelView } from "@/lib/evaluate/notify/listChannels";
import { ChannelLocaleSelect } from "@/app/_components/alerts/ChannelForm";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";
import styles from "@/app/_components/clients/clients.module.css";
import { DataTable } from "@/app/_components/table/DataTable";

function ChannelRow({ channel }: { channel: ChannelView }) {
  const t = useTranslations("channels");
  const mutation = useNotificationChannelMutation();
  const [result, setResult] = useState("");
  const test = () =>
    mutation.mutate(
      { op: "test", id: channel.id },
      {
        onSuccess: (data) => {
          const answer = data as { status: string; lastError: string | null };
          setResult(answer.status === "sent" ? t("testSent") : t("testFailed", { error: answer.lastError ?? t("unknownError") }));
        },
      },
    );
  return (
    <tr className={channel.enabled ? undefined : styles.dim}>
      <td>{channel.name}</td>
      <td>{t(`kinds.${channel.kind}`)}</td>
      <td className={styles.mono}>
        {Object.entries(channel.config)
          .map(([k, v]) => `${k}: ${v}`)
          .join(" · ")}
      </td>
      <td>
        <ChannelLocaleSelect
          value={channel.locale}
          label={t("languageOf", { name: channel.name })}
          disabled={mutation.isPending}
          onChange={(locale) => mutation.mutate({ op: "update", id: channel.id, locale })}
        />
      </td>
      <td>{channel.enabled ? t("enabled") : t("disabled")}</td>
      <td className={styles.nowrap}>
        <button
          type="button"
          className={styles.secondary}
          disabled={mutation.isPending}
          onClick={() => mutation.mutate({ op: "update", id: channel.id, enabled: !channel.enabled })}
        >
          {channel.enabled ? t("disable") : t("enable")}
        </button>{" "}
        <button type="button" className={styles.secondary} disabled={mutation.isPending} onClick={test}>
          {t("sendTest")}
        </button>{" "}
        <button
          type="button"
          className={styles.danger}
          disabled={mutation.isPending}
          onClick={() => {
            if (window.confirm(t("confirmDelete", { name: channel.name }))) mutation.mutate({ op: "delete", id: channel.id });
          }}
        >
          {t("delete")}
        </button>
        {result && <div className="small">{result}</div>}
        {mutation.isError && <div className="error small">{mutation.error.message}</div>}
      </td>
    </tr>
  );
}

export function ChannelTable() {
  const t = useTranslations("channels");
  const query = useNotificationChannelsQuery();
  if (query.isPending) return <Loading what={t("loadingChannels")} />;
  if (query.isError) return <ErrorMessage error={query.error} what={t("theChannels")} onRetry={() => void query.refetch()} />;
  if (query.data.channels.length === 0) return <p className="muted">{t("none")}</p>;
  return (
    <DataTable columns={[t("name"), t("kind"), t("settings"), t("language"), t("state"), ""]}>
      {query.data.channels.map((c) => (
        <ChannelRow key={c.id} channel={c} />
      ))}
    </DataTable>
  );
}
