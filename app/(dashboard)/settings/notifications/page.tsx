"use client";
import { useTranslations } from "next-intl";
// Notification settings (admins): channels alerts are sent to, and the log of every delivery attempt.
import Link from "next/link";
import { useMeQuery } from "@/lib/client/useMeQuery";
import { ChannelForm } from "@/app/_components/alerts/ChannelForm";
import { ChannelTable } from "@/app/_components/alerts/ChannelTable";
import { DeliveryLog } from "@/app/_components/alerts/DeliveryLog";
import { Loading } from "@/app/_components/clients/QueryState";

export default function NotificationSettingsPage() {
  const t = useTranslations("notifications");
  const me = useMeQuery();
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t.rich("intro", { link: (c) => <Link href="/alerts">{c}</Link>, code: (c) => <code>{c}</code> })}</p>
      {me.isPending ? (
        <Loading what={t("account")} />
      ) : me.data?.user.role !== "admin" ? (
        <p className="card">{t("adminsOnly")}</p>
      ) : (
        <>
          <section className="card">
            <h2>{t("channels")}</h2>
            <ChannelTable />
          </section>
          <section className="card">
            <h2>{t("addChannel")}</h2>
            <ChannelForm />
          </section>
          <section className="card">
            <h2>{t("deliveryLog")}</h2>
            <DeliveryLog />
          </section>
        </>
      )}
    </>
  );
}
